// CoNLL-U parsing with per-line error reporting (see conllu.h).
#include "syntax/conllu.h"

#include <charconv>

#include "base/file.h"
#include "base/tsv.h"

namespace annals::syntax {
namespace {

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  const auto* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, *out);
  return ec == std::errc() && p == end;
}

std::string Quote(std::string_view line) {
  constexpr size_t kMax = 80;
  std::string q = "'";
  q += line.substr(0, kMax);
  if (line.size() > kMax) q += "...";
  q += "'";
  return q;
}

}  // namespace

std::string_view ConlluSentence::Comment(std::string_view key) const {
  for (const std::string& c : comments) {
    std::string_view v = c;
    if (v.substr(0, key.size()) != key) continue;
    v.remove_prefix(key.size());
    v = TrimAscii(v);
    if (v.empty() || v.front() != '=') continue;
    v.remove_prefix(1);
    return TrimAscii(v);
  }
  return {};
}

bool MiscHasNoSpace(std::string_view misc) {
  for (std::string_view item : SplitString(misc, '|')) {
    if (item == "SpaceAfter=No") return true;
  }
  return false;
}

bool ConlluSentence::NoSpaceAfter(int id) const {
  for (const ConlluRange& r : ranges) {
    if (id >= r.first && id <= r.last) return id == r.last && MiscHasNoSpace(r.misc);
  }
  if (id < 1 || id > static_cast<int>(words.size())) return false;
  return MiscHasNoSpace(words[id - 1].misc);
}

ConlluReadResult ParseConllu(std::string_view text, std::string_view path) {
  ConlluReadResult result;
  ConlluSentence current;
  bool bad = false;  // current sentence had an error: drop it at its end
  size_t line_no = 0;

  auto finish = [&]() {
    if (!bad && !current.words.empty()) {
      // Heads must point inside the sentence.
      for (size_t i = 0; i < current.words.size() && !bad; ++i) {
        const int h = current.words[i].head;
        if (h < 0 || h > static_cast<int>(current.words.size())) {
          result.errors.push_back(AtLine(path, current.line + i,
                                         "head out of range '" + std::to_string(h) + "'"));
          bad = true;
        }
      }
      if (!bad) result.sentences.push_back(std::move(current));
    }
    current = ConlluSentence();
    bad = false;
  };
  auto error = [&](std::string_view message, std::string_view line) {
    if (!bad) result.errors.push_back(AtLine(path, line_no, std::string(message) + " " + Quote(line)));
    bad = true;
  };

  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_no;
    const bool at_end = nl >= text.size();
    pos = nl + 1;
    if (TrimAscii(line).empty()) {
      finish();
      if (at_end) break;
      continue;
    }
    if (line.front() == '#') {
      std::string_view c = line.substr(1);
      if (!c.empty() && c.front() == ' ') c.remove_prefix(1);
      current.comments.emplace_back(c);
      if (at_end) finish();
      continue;
    }
    std::vector<std::string_view> f = SplitString(line, '\t');
    if (f.size() != 10) {
      error("expected 10 tab-separated fields, got " + std::to_string(f.size()), line);
      if (at_end) finish();
      continue;
    }
    std::string_view id = f[0];
    if (id.find('.') != std::string_view::npos) {  // empty node: enhanced only
      if (at_end) finish();
      continue;
    }
    if (size_t dash = id.find('-'); dash != std::string_view::npos) {
      ConlluRange r;
      if (!ParseInt(id.substr(0, dash), &r.first) || !ParseInt(id.substr(dash + 1), &r.last) ||
          r.first < 1 || r.last < r.first ||
          r.first != static_cast<int>(current.words.size()) + 1) {
        error("bad multiword token range", line);
      } else {
        r.form = std::string(f[1]);
        r.misc = std::string(f[9]);
        current.ranges.push_back(std::move(r));
      }
      if (at_end) finish();
      continue;
    }
    int n = 0;
    if (!ParseInt(id, &n) || n != static_cast<int>(current.words.size()) + 1) {
      error("word id out of sequence", line);
      if (at_end) finish();
      continue;
    }
    ConlluWord w;
    w.form = std::string(f[1]);
    w.lemma = std::string(f[2]);
    w.upos = std::string(f[3]);
    w.xpos = std::string(f[4]);
    w.feats = std::string(f[5]);
    if (f[6] == "_") {
      w.head = -1;  // unannotated; allowed for raw input to be parsed
    } else if (!ParseInt(f[6], &w.head)) {
      error("bad head", line);
    }
    w.deprel = std::string(f[7]);
    w.deps = std::string(f[8]);
    w.misc = std::string(f[9]);
    if (w.form.empty()) error("empty form", line);
    if (current.words.empty()) current.line = line_no;
    current.words.push_back(std::move(w));
    if (at_end) finish();
  }
  finish();
  return result;
}

Result<ConlluReadResult> ReadConllu(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseConllu(*text, path);
}

void WriteConllu(const ConlluSentence& s, std::string* out) {
  for (const std::string& c : s.comments) {
    *out += "# ";
    *out += c;
    *out += '\n';
  }
  size_t r = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    const int id = static_cast<int>(i) + 1;
    while (r < s.ranges.size() && s.ranges[r].first == id) {
      const ConlluRange& range = s.ranges[r++];
      *out += std::to_string(range.first) + "-" + std::to_string(range.last) + "\t" + range.form +
              "\t_\t_\t_\t_\t_\t_\t_\t" + (range.misc.empty() ? "_" : range.misc) + "\n";
    }
    const ConlluWord& w = s.words[i];
    auto field = [out](const std::string& v) {
      *out += v.empty() ? "_" : v;
      *out += '\t';
    };
    *out += std::to_string(id);
    *out += '\t';
    field(w.form);
    field(w.lemma);
    field(w.upos);
    field(w.xpos);
    field(w.feats);
    *out += w.head < 0 ? "_" : std::to_string(w.head);
    *out += '\t';
    field(w.deprel);
    field(w.deps);
    *out += w.misc.empty() ? "_" : w.misc;
    *out += '\n';
  }
  *out += '\n';
}

}  // namespace annals::syntax
