// TimeML reader and TempEval-3 scorer (see timeml.h). The reader is a small
// tag scanner, not a general XML parser: TimeML documents are flat (TEXT
// holding TIMEX3/EVENT/SIGNAL elements), and a real XML library would add a
// dependency for no gain.
#include "time/timeml.h"

#include <cstdio>

namespace annals::timex {
namespace {

// Line and column (1-based) of byte `pos` in `s`.
std::string Where(std::string_view s, size_t pos, const std::string& path) {
  size_t line = 1, col = 1;
  for (size_t i = 0; i < pos && i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return path + ":" + std::to_string(line) + ":" + std::to_string(col);
}

// Value of attribute `name` in a tag's inside ("TIMEX3 tid=\"t1\" ...").
std::string Attribute(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool starts = pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' ||
                                    tag[pos - 1] == '\n');
    size_t p = pos + name.size();
    while (p < tag.size() && tag[p] == ' ') ++p;
    if (starts && p < tag.size() && tag[p] == '=') {
      ++p;
      while (p < tag.size() && tag[p] == ' ') ++p;
      if (p < tag.size() && (tag[p] == '"' || tag[p] == '\'')) {
        const char q = tag[p];
        const size_t end = tag.find(q, p + 1);
        if (end != std::string_view::npos) return std::string(tag.substr(p + 1, end - p - 1));
      }
    }
    pos += name.size();
  }
  return "";
}

std::string_view TagName(std::string_view inside) {
  size_t e = !inside.empty() && inside[0] == '/' ? 1 : 0;
  while (e < inside.size() && inside[e] != ' ' && inside[e] != '\t' && inside[e] != '\n' &&
         inside[e] != '/') {
    ++e;
  }
  return inside.substr(0, e);
}

}  // namespace

Result<TimemlDocument> ParseTimeml(std::string_view xml, const std::string& path) {
  TimemlDocument doc;
  doc.path = path;
  // Creation time.
  const size_t dct = xml.find("<DCT>");
  if (dct != std::string_view::npos) {
    const size_t t = xml.find("<TIMEX3", dct);
    const size_t close = t == std::string_view::npos ? t : xml.find('>', t);
    if (close != std::string_view::npos) {
      const std::string v = Attribute(xml.substr(t + 1, close - t - 1), "value");
      doc.dct = v.substr(0, 10);
    }
  }
  const size_t text_open = xml.find("<TEXT>");
  if (text_open == std::string_view::npos) {
    return Status::DataError(path + ": no <TEXT> element");
  }
  const size_t begin = text_open + 6;
  const size_t text_close = xml.find("</TEXT>", begin);
  if (text_close == std::string_view::npos) {
    return Status::DataError(Where(xml, text_open, path) + ": <TEXT> is never closed");
  }
  bool in_timex = false;
  GoldTimex cur;
  size_t cur_at = 0;
  for (size_t i = begin; i < text_close;) {
    const char c = xml[i];
    if (c == '<') {
      const size_t close = xml.find('>', i);
      if (close == std::string_view::npos || close > text_close) {
        return Status::DataError(Where(xml, i, path) + ": unclosed tag '" +
                                 std::string(xml.substr(i, 20)) + "'");
      }
      const std::string_view inside = xml.substr(i + 1, close - i - 1);
      if (TagName(inside) == "TIMEX3") {
        if (in_timex) {
          return Status::DataError(Where(xml, i, path) + ": nested TIMEX3 '" +
                                   std::string(inside.substr(0, 40)) + "'");
        }
        in_timex = true;
        cur = GoldTimex{};
        cur_at = i;
        cur.span.begin = static_cast<uint32_t>(doc.text.size());
        cur.type = Attribute(inside, "type");
        cur.value = Attribute(inside, "value");
        cur.mod = Attribute(inside, "mod");
        if (!inside.empty() && inside.back() == '/') {  // empty <TIMEX3 .../>
          in_timex = false;
        }
      } else if (TagName(inside) == "/TIMEX3") {
        if (!in_timex) {
          return Status::DataError(Where(xml, i, path) + ": </TIMEX3> without <TIMEX3>");
        }
        in_timex = false;
        cur.span.end = static_cast<uint32_t>(doc.text.size());
        cur.text = doc.text.substr(cur.span.begin, cur.span.size());
        doc.timexes.push_back(std::move(cur));
      }
      i = close + 1;
      continue;
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (auto [ent, ch] : kEntities) {
        if (xml.substr(i, ent.size()) == ent) {
          doc.text += ch;
          i += ent.size();
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    doc.text += c;
    ++i;
  }
  if (in_timex) {
    return Status::DataError(Where(xml, cur_at, path) + ": TIMEX3 never closed");
  }
  return doc;
}

void TimeScorer::Add(const TimemlDocument& gold, const std::vector<TimeExpr>& system,
                     bool collect_errors) {
  ++documents_;
  strict_.gold += gold.timexes.size();
  relaxed_.gold += gold.timexes.size();
  strict_.system += system.size();
  relaxed_.system += system.size();
  std::vector<bool> sys_used(system.size(), false);
  std::vector<bool> gold_used(gold.timexes.size(), false);
  for (size_t g = 0; g < gold.timexes.size(); ++g) {
    const GoldTimex& gt = gold.timexes[g];
    // Prefer an exact span, else the first overlapping one.
    size_t best = system.size();
    for (size_t s = 0; s < system.size(); ++s) {
      if (sys_used[s]) continue;
      const Span sp = system[s].span;
      if (sp == gt.span) {
        best = s;
        break;
      }
      if (best == system.size() && sp.begin < gt.span.end && gt.span.begin < sp.end) best = s;
    }
    if (best == system.size()) {
      if (collect_errors) {
        errors_.push_back(gold.path + ": missed '" + gt.text + "' " + gt.type + " " + gt.value);
      }
      continue;
    }
    sys_used[best] = true;
    gold_used[g] = true;
    const TimeExpr& st = system[best];
    ++relaxed_.matched_gold;
    ++relaxed_.matched_system;
    if (st.span == gt.span) {
      ++strict_.matched_gold;
      ++strict_.matched_system;
    } else if (collect_errors) {
      errors_.push_back(gold.path + ": span '" + st.text + "' for gold '" + gt.text + "'");
    }
    if (st.type == gt.type) ++type_correct_;
    if (st.value == gt.value) {
      ++value_correct_;
    } else if (collect_errors) {
      errors_.push_back(gold.path + ": value '" + gt.text + "' gold " + gt.value + " system " +
                        st.value);
    }
  }
  if (collect_errors) {
    for (size_t s = 0; s < system.size(); ++s) {
      if (!sys_used[s]) {
        errors_.push_back(gold.path + ": spurious '" + system[s].text + "' " + system[s].type +
                          " " + system[s].value);
      }
    }
  }
}

double TimeScorer::ValueF1() const {
  const double p = relaxed_.system ? double(value_correct_) / relaxed_.system : 0;
  const double r = relaxed_.gold ? double(value_correct_) / relaxed_.gold : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

std::string TimeScorer::Report() const {
  char buf[768];
  std::snprintf(buf, sizeof buf,
                "documents %zu, gold TIMEX3 %zu, system %zu\n"
                "strict span   P %.3f  R %.3f  F1 %.3f\n"
                "relaxed span  P %.3f  R %.3f  F1 %.3f\n"
                "type accuracy  %.3f (%zu/%zu relaxed matches)\n"
                "value accuracy %.3f (%zu/%zu relaxed matches)\n"
                "value F1       %.3f\n",
                documents_, relaxed_.gold, relaxed_.system, strict_.Precision(), strict_.Recall(),
                strict_.F1(), relaxed_.Precision(), relaxed_.Recall(), relaxed_.F1(),
                TypeAccuracy(), type_correct_, relaxed_.matched_gold, ValueAccuracy(),
                value_correct_, relaxed_.matched_gold, ValueF1());
  return buf;
}

}  // namespace annals::timex
