// Reader for the hand-parsed test fixtures (format in fixture.h).
#include "model/fixture.h"

#include <cstdlib>

#include "base/file.h"
#include "base/tsv.h"

namespace annals::testing {
namespace {

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::string Unscore(std::string_view v) {
  std::string out(v);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  return out;
}

bool ParseInt(std::string_view s, long* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  const std::string tmp(s);
  *out = std::strtol(tmp.c_str(), &end, 10);
  return end == tmp.c_str() + tmp.size();
}

class Reader {
 public:
  explicit Reader(const std::string& path) : path_(path) {}
  Result<std::vector<FixtureDoc>> Run(const std::string& text);

 private:
  Status Error(std::string_view msg, std::string_view what) const {
    return Status::DataError(AtLine(path_, line_, std::string(msg) + " '" + std::string(what) + "'"));
  }
  Status Sentence(const std::vector<std::string_view>& words);
  Status Range(std::string_view r, uint32_t* b, uint32_t* e) const;
  Status Fields(const std::vector<std::string_view>& words, size_t from,
                std::map<std::string, std::string>* out) const;
  Status Annotation(char kind, const std::vector<std::string_view>& words);
  Document& doc() { return docs_.back().doc; }

  std::string path_;
  size_t line_ = 0;
  std::vector<FixtureDoc> docs_;
  uint32_t paragraph_ = 0;
  bool new_paragraph_ = false;
};

Status Reader::Sentence(const std::vector<std::string_view>& words) {
  Document& d = doc();
  if (!d.sentences.empty()) {
    d.text += new_paragraph_ ? "\n\n" : " ";
    if (new_paragraph_) ++paragraph_;
  }
  new_paragraph_ = false;
  annals::Sentence sent;
  sent.token_begin = static_cast<uint32_t>(d.tokens.size());
  sent.paragraph = paragraph_;
  sent.span.begin = static_cast<uint32_t>(d.text.size());
  const uint32_t base = sent.token_begin;
  for (size_t i = 1; i < words.size(); ++i) {
    std::string_view w = words[i];
    bool glued = false;
    if (w.size() > 1 && w[0] == '~') {
      glued = true;
      w.remove_prefix(1);
    }
    std::vector<std::string_view> f = SplitString(w, '|');
    if (f.size() < 4 || f.size() > 6 || f[0].empty()) {
      return Error("token needs form|UPOS|head|deprel[|lemma[|xpos]]", w);
    }
    Token tok;
    if (i > 1) {
      if (glued) {
        d.text.pop_back();  // the space written after the previous token
        d.tokens.back().space_after = false;
      }
    }
    tok.span.begin = static_cast<uint32_t>(d.text.size());
    tok.form = std::string(f[0]);
    d.text += tok.form;
    tok.span.end = static_cast<uint32_t>(d.text.size());
    d.text += ' ';
    tok.upos = f[1] == "_" ? std::string() : std::string(f[1]);
    long head = -1;
    if (f[2] != "_") {
      if (!ParseInt(f[2], &head) || head < 0 || head >= static_cast<long>(words.size())) {
        return Error("bad head", f[2]);
      }
      head = head == 0 ? -1 : static_cast<long>(base) + head - 1;
    }
    tok.head = static_cast<int32_t>(head);
    tok.deprel = f[3] == "_" ? std::string() : std::string(f[3]);
    if (f.size() > 4) tok.lemma = std::string(f[4]);
    if (tok.lemma.empty() && !tok.upos.empty()) {
      tok.lemma = tok.form;
      for (char& c : tok.lemma) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    }
    if (f.size() > 5) tok.xpos = std::string(f[5]);
    tok.feats.assign(1, '_');
    d.tokens.push_back(std::move(tok));
  }
  if (!d.text.empty() && d.text.back() == ' ') d.text.pop_back();
  sent.token_end = static_cast<uint32_t>(d.tokens.size());
  sent.span.end = static_cast<uint32_t>(d.text.size());
  if (sent.token_end == sent.token_begin) return Error("empty sentence", words[0]);
  d.sentences.push_back(sent);
  return Status::Ok();
}

Status Reader::Range(std::string_view r, uint32_t* b, uint32_t* e) const {
  const Document& d = docs_.back().doc;
  if (d.sentences.empty()) return Error("annotation before any sentence", r);
  const annals::Sentence& sent = d.sentences.back();
  const size_t dash = r.find('-');
  long lo = 0, hi = 0;
  if (dash == std::string_view::npos) {
    if (!ParseInt(r, &lo)) return Error("bad token range", r);
    hi = lo;
  } else if (!ParseInt(r.substr(0, dash), &lo) || !ParseInt(r.substr(dash + 1), &hi)) {
    return Error("bad token range", r);
  }
  if (lo < 1 || hi < lo || static_cast<uint32_t>(hi) > sent.size()) return Error("token range out of sentence", r);
  *b = sent.token_begin + static_cast<uint32_t>(lo) - 1;
  *e = sent.token_begin + static_cast<uint32_t>(hi);
  return Status::Ok();
}

Status Reader::Fields(const std::vector<std::string_view>& words, size_t from,
                      std::map<std::string, std::string>* out) const {
  for (size_t i = from; i < words.size(); ++i) {
    const size_t eq = words[i].find('=');
    if (eq == std::string_view::npos || eq == 0) return Error("expected key=value", words[i]);
    (*out)[std::string(words[i].substr(0, eq))] = Unscore(words[i].substr(eq + 1));
  }
  return Status::Ok();
}

Status Reader::Annotation(char kind, const std::vector<std::string_view>& words) {
  Document& d = doc();
  if (kind == 'e') {
    std::map<std::string, std::string> f;
    ANNALS_RETURN_IF_ERROR(Fields(words, 1, &f));
    long trig = 0;
    if (d.sentences.empty()) return Error("event before any sentence", words[0]);
    const annals::Sentence& sent = d.sentences.back();
    if (!ParseInt(f["trigger"], &trig) || trig < 1 || static_cast<uint32_t>(trig) > sent.size()) {
      return Error("bad trigger", f["trigger"]);
    }
    Event ev;
    ev.sentence = static_cast<uint32_t>(d.sentences.size() - 1);
    ev.span = sent.span;
    ev.cameo = f["cameo"];
    const Token& t = d.tokens[sent.token_begin + static_cast<uint32_t>(trig) - 1];
    ev.evidence.triggers.push_back(t.form);
    ev.evidence.trigger_spans.push_back(t.span);
    for (const char* role : {"source", "target"}) {
      if (!f.count(role)) continue;
      long m = -1;
      if (!ParseInt(f[role], &m) || m < 0 || static_cast<size_t>(m) >= d.mentions.size()) {
        return Error("bad mention index", f[role]);
      }
      EventActor a;
      a.mention = static_cast<int32_t>(m);
      a.actor = d.mentions[static_cast<size_t>(m)].actor;
      a.span = d.mentions[static_cast<size_t>(m)].span;
      a.text = std::string(d.SpanText(a.span));
      (std::string_view(role) == "source" ? ev.source : ev.target) = a;
    }
    if (f["attr"] == "1") {
      Attribution at;
      at.speaker_text = "preset";
      ev.attribution = at;
    }
    d.events.push_back(std::move(ev));
    return Status::Ok();
  }
  if (words.size() < 2) return Error("missing token range", words[0]);
  uint32_t b = 0, e = 0;
  ANNALS_RETURN_IF_ERROR(Range(words[1], &b, &e));
  std::map<std::string, std::string> f;
  ANNALS_RETURN_IF_ERROR(Fields(words, 2, &f));
  const Span span{d.tokens[b].span.begin, d.tokens[e - 1].span.end};
  const uint32_t sentence = static_cast<uint32_t>(d.sentences.size() - 1);
  auto number = [&](const std::string& key, double* out) -> Status {
    if (!f.count(key)) return Status::Ok();
    char* end = nullptr;
    *out = std::strtod(f[key].c_str(), &end);
    if (end != f[key].c_str() + f[key].size()) return Error("bad number", f[key]);
    return Status::Ok();
  };
  switch (kind) {
    case 'm': {
      Mention m;
      m.span = span;
      m.token_begin = b;
      m.token_end = e;
      m.sentence = sentence;
      m.actor.name = f["name"];
      m.actor.code = f["code"];
      m.actor.country = f["country"];
      m.actor.type = f.count("type") ? f["type"] : "person";
      if (f.count("country_how")) m.actor.country_how = f["country_how"];
      m.how = f.count("how") ? f["how"] : (m.actor.type == "pronoun" ? "pronoun" : "dictionary");
      m.actor.sector = f.count("sector") ? f["sector"] : (m.actor.code.size() > 3 ? m.actor.code.substr(3, 3) : "");
      m.entries.push_back("fixture:" + m.actor.name);
      long ante = -1;
      if (f.count("ante") && (!ParseInt(f["ante"], &ante) || ante < -1 ||
                              ante >= static_cast<long>(d.mentions.size()))) {
        return Error("bad antecedent", f["ante"]);
      }
      m.antecedent = static_cast<int32_t>(ante);
      d.mentions.push_back(std::move(m));
      return Status::Ok();
    }
    case 'p': {
      Place p;
      p.span = span;
      p.token_begin = b;
      p.token_end = e;
      p.sentence = sentence;
      p.text = std::string(d.SpanText(span));
      p.name = f.count("name") ? f["name"] : p.text;
      p.country = f["country"];
      p.feature = f.count("feature") ? f["feature"] : "city";
      d.places.push_back(std::move(p));
      return Status::Ok();
    }
    case 't': {
      TimeExpr t;
      t.span = span;
      t.token_begin = b;
      t.token_end = e;
      t.sentence = sentence;
      t.text = std::string(d.SpanText(span));
      t.type = f.count("type") ? f["type"] : "DATE";
      t.value = f["value"];
      t.precision = f.count("precision") ? f["precision"] : "day";
      d.time_exprs.push_back(std::move(t));
      return Status::Ok();
    }
    case 'a': {
      Amount a;
      a.span = span;
      a.token_begin = b;
      a.token_end = e;
      a.sentence = sentence;
      a.text = std::string(d.SpanText(span));
      a.kind = f.count("kind") ? f["kind"] : "money";
      a.unit = f["unit"];
      ANNALS_RETURN_IF_ERROR(number("value", &a.value));
      d.amounts.push_back(std::move(a));
      return Status::Ok();
    }
    default:
      return Error("unknown record", words[0]);
  }
}

Result<std::vector<FixtureDoc>> Reader::Run(const std::string& text) {
  for (std::string_view line : SplitString(text, '\n')) {
    ++line_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view trimmed = TrimAscii(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    const std::vector<std::string_view> words = SplitWords(trimmed);
    const std::string_view head = words[0];
    if (head == "doc") {
      docs_.emplace_back();
      paragraph_ = 0;
      new_paragraph_ = false;
      std::map<std::string, std::string> f;
      ANNALS_RETURN_IF_ERROR(Fields(words, 1, &f));
      doc().date = f["date"];
      doc().id = f.count("id") ? f["id"] : path_ + ":" + std::to_string(line_);
      doc().origin = path_ + ":" + std::to_string(line_);
      continue;
    }
    if (docs_.empty()) return Error("record before the first 'doc'", head);
    if (head == "par") {
      new_paragraph_ = !doc().sentences.empty();
    } else if (head == "s") {
      ANNALS_RETURN_IF_ERROR(Sentence(words));
    } else if (head == "x") {
      if (words.size() < 2) return Error("expectation needs a kind", head);
      Expectation x;
      x.kind = std::string(words[1]);
      x.line = line_;
      ANNALS_RETURN_IF_ERROR(Fields(words, 2, &x.fields));
      docs_.back().expect.push_back(std::move(x));
    } else if (head.size() == 1) {
      ANNALS_RETURN_IF_ERROR(Annotation(head[0], words));
    } else {
      return Error("unknown record", head);
    }
  }
  return std::move(docs_);
}

}  // namespace

Result<std::vector<FixtureDoc>> ParseFixture(const std::string& text, const std::string& path) {
  Reader r(path);
  return r.Run(text);
}

Result<std::vector<FixtureDoc>> LoadFixture(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseFixture(*text, path);
}

}  // namespace annals::testing
