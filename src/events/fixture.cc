// Reader for the hand-made parsed fixtures of the coder's tests (format in
// fixture.h). Test-only: linked into annals_events_test, not the library.
#include "events/fixture.h"

#include <cstdlib>

#include "base/file.h"
#include "base/tsv.h"
#include "syntax/tree_repair.h"

namespace annals::events {
namespace {

std::vector<std::string_view> Split(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i >= s.size()) break;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    out.push_back(s.substr(b, i - b));
  }
  return out;
}

bool Range(std::string_view r, int* a, int* b) {
  size_t dash = r.find('-');
  if (dash == std::string_view::npos) return false;
  *a = std::atoi(std::string(r.substr(0, dash)).c_str());
  *b = std::atoi(std::string(r.substr(dash + 1)).c_str());
  return *a >= 1 && *b >= *a;
}

struct Pending {
  std::vector<std::vector<std::string_view>> mentions, times, quotes;
};

}  // namespace

Result<std::vector<FixtureDoc>> ParseFixture(const std::string& text, const std::string& path) {
  std::vector<FixtureDoc> docs;
  std::vector<std::vector<std::string_view>> rows;
  Pending pending;
  size_t line_no = 0, pos = 0;
  auto error = [&](std::string_view msg) { return Status::DataError(AtLine(path, line_no, msg)); };
  auto flush = [&]() -> Status {
    if (rows.empty()) return Status::Ok();
    if (docs.empty()) docs.emplace_back();
    Document& d = docs.back().doc;
    Sentence s;
    s.token_begin = static_cast<uint32_t>(d.tokens.size());
    if (!d.text.empty()) d.text += ' ';
    s.span.begin = static_cast<uint32_t>(d.text.size());
    for (const auto& r : rows) {
      Token t;
      if (d.text.size() > s.span.begin) d.text += ' ';
      t.span.begin = static_cast<uint32_t>(d.text.size());
      d.text += std::string(r[1]);
      t.span.end = static_cast<uint32_t>(d.text.size());
      t.form = std::string(r[1]);
      t.lemma = std::string(r[2]);
      t.upos = std::string(r[3]);
      int h = std::atoi(std::string(r[4]).c_str());
      t.head = h == 0 ? -1 : static_cast<int32_t>(s.token_begin) + h - 1;
      t.deprel = std::string(r[5]);
      t.xpos = std::string(r.size() > 6 ? r[6] : std::string_view("_"));
      t.feats = std::string(1, '_');
      d.tokens.push_back(std::move(t));
    }
    s.token_end = static_cast<uint32_t>(d.tokens.size());
    s.span.end = static_cast<uint32_t>(d.text.size());
    uint32_t sent = static_cast<uint32_t>(d.sentences.size());
    d.sentences.push_back(s);
    auto tok_range = [&](std::string_view r, uint32_t* b, uint32_t* e) {
      int a = 0, z = 0;
      if (!Range(r, &a, &z) || z > static_cast<int>(s.size())) return false;
      *b = s.token_begin + static_cast<uint32_t>(a - 1);
      *e = s.token_begin + static_cast<uint32_t>(z);
      return true;
    };
    for (const auto& m : pending.mentions) {
      Mention men;
      if (m.size() < 5 || !tok_range(m[0], &men.token_begin, &men.token_end)) return error("bad mention");
      men.sentence = sent;
      men.span = {d.tokens[men.token_begin].span.begin, d.tokens[men.token_end - 1].span.end};
      men.actor.code = m[1] == "-" ? "" : std::string(m[1]);
      men.actor.country = m[2] == "-" ? "" : std::string(m[2]);
      men.actor.sector = men.actor.code.size() > 3 ? men.actor.code.substr(3, 3) : "";
      men.actor.type = std::string(m[3]);
      for (size_t i = 4; i < m.size(); ++i) {
        if (i > 4) men.actor.name += ' ';
        men.actor.name += std::string(m[i]);
      }
      men.how = men.actor.type == "pronoun" ? "pronoun" : "dictionary";
      men.entries.push_back("fixture:" + men.actor.name);
      d.mentions.push_back(std::move(men));
    }
    for (const auto& m : pending.times) {
      TimeExpr te;
      if (m.size() < 3 || !tok_range(m[0], &te.token_begin, &te.token_end)) return error("bad time");
      te.sentence = sent;
      te.span = {d.tokens[te.token_begin].span.begin, d.tokens[te.token_end - 1].span.end};
      te.type = std::string(m[1]);
      te.value = std::string(m[2]);
      d.time_exprs.push_back(std::move(te));
    }
    for (const auto& m : pending.quotes) {
      Quote q;
      uint32_t b = 0, e = 0;
      if (m.size() < 3 || !tok_range(m[0], &b, &e)) return error("bad quote");
      q.sentence = sent;
      q.span = {d.tokens[b].span.begin, d.tokens[e - 1].span.end};
      q.text = d.text.substr(q.span.begin, q.span.size());
      q.speaker = std::atoi(std::string(m[1]).c_str());
      if (q.speaker >= 0 && static_cast<size_t>(q.speaker) < d.mentions.size()) {
        q.speaker_text = d.text.substr(d.mentions[static_cast<size_t>(q.speaker)].span.begin,
                                       d.mentions[static_cast<size_t>(q.speaker)].span.size());
      }
      q.cue = std::string(m[2]);
      q.venue = m.size() > 3 ? std::string(m[3]) : "";
      d.quotes.push_back(std::move(q));
    }
    pending = Pending();
    rows.clear();
    return Status::Ok();
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line = TrimAscii(std::string_view(text).substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty()) {
      ANNALS_RETURN_IF_ERROR(flush());
      continue;
    }
    if (line[0] == '#') {
      std::string_view body = TrimAscii(line.substr(1));
      if (body == "newdoc" || body.rfind("newdoc ", 0) == 0) {
        ANNALS_RETURN_IF_ERROR(flush());
        docs.emplace_back();
        docs.back().gold.id = std::string(TrimAscii(body.substr(6)));
        docs.back().gold.path = path;
        docs.back().gold.line = line_no;
        continue;
      }
      size_t eq = body.find(" = ");
      if (eq == std::string_view::npos) continue;
      std::string_view key = body.substr(0, eq);
      std::string_view value = body.substr(eq + 3);
      if (docs.empty()) docs.emplace_back();
      if (key == "date") {
        docs.back().doc.date = std::string(value);
        docs.back().gold.date = std::string(value);
      } else if (key == "mention") {
        pending.mentions.push_back(Split(value));
      } else if (key == "time") {
        pending.times.push_back(Split(value));
      } else if (key == "quote") {
        pending.quotes.push_back(Split(value));
      } else if (key == "event") {
        auto w = Split(value);
        if (w.size() < 3) return error("bad event line");
        GoldEvent g;
        g.source = std::string(w[0]);
        g.target = std::string(w[1]);
        g.code = std::string(w[2]);
        if (w.size() > 3) {
          g.modality = ParseModality(w[3]);
          if (!g.modality) return error("bad modality");
        }
        g.line = line_no;
        docs.back().gold.events.push_back(std::move(g));
      }
      continue;
    }
    auto r = Split(line);
    if (r.size() < 6) return error("token line wants: id form lemma upos head deprel [xpos]");
    rows.push_back(std::move(r));
  }
  ANNALS_RETURN_IF_ERROR(flush());
  for (FixtureDoc& d : docs) {
    d.doc.id = d.gold.id;
    d.gold.text = d.doc.text;
    // A fixture is the parser's output: the syntax stage's repairs apply.
    for (uint32_t s = 0; s < d.doc.sentences.size(); ++s) syntax::RepairTree(&d.doc, s);
  }
  return docs;
}

Result<std::vector<FixtureDoc>> LoadFixture(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseFixture(*text, path);
}

}  // namespace annals::events
