// Number parsing for the recognisers (see numbers.h). Word numbers are
// accumulated the usual way: units and tens add to the current group,
// "hundred" multiplies it, a scale word closes the group into the total.
#include "time/numbers.h"

#include <cmath>
#include <string>
#include <unordered_map>

namespace annals::timex {
namespace {

const std::unordered_map<std::string_view, double>& WordTable() {
  static const auto* kTable = new std::unordered_map<std::string_view, double>{
      {"zero", 0},       {"one", 1},         {"two", 2},        {"three", 3},
      {"four", 4},       {"five", 5},        {"six", 6},        {"seven", 7},
      {"eight", 8},      {"nine", 9},        {"ten", 10},       {"eleven", 11},
      {"twelve", 12},    {"thirteen", 13},   {"fourteen", 14},  {"fifteen", 15},
      {"sixteen", 16},   {"seventeen", 17},  {"eighteen", 18},  {"nineteen", 19},
      {"twenty", 20},    {"thirty", 30},     {"forty", 40},     {"fifty", 50},
      {"sixty", 60},     {"seventy", 70},    {"eighty", 80},    {"ninety", 90},
      {"hundred", 100},  {"thousand", 1e3},  {"million", 1e6},  {"billion", 1e9},
      {"trillion", 1e12}, {"dozen", 12},
  };
  return *kTable;
}

}  // namespace

std::optional<double> ParseDigitString(std::string_view s) {
  if (s.empty() || s.size() > 40) return std::nullopt;
  double v = 0;
  size_t i = 0;
  size_t group = 0;  // digits since the last comma
  bool comma_seen = false;
  for (; i < s.size() && s[i] != '.'; ++i) {
    const char c = s[i];
    if (c == ',') {
      if ((comma_seen && group != 3) || group == 0 || group > 3) return std::nullopt;
      comma_seen = true;
      group = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
    ++group;
  }
  if (comma_seen && group != 3) return std::nullopt;
  if (i < s.size()) {  // decimal part
    double scale = 0.1;
    if (i + 1 >= s.size()) return std::nullopt;
    for (++i; i < s.size(); ++i) {
      const char c = s[i];
      if (c < '0' || c > '9') return std::nullopt;
      v += (c - '0') * scale;
      scale /= 10;
    }
  }
  if (!std::isfinite(v) || v > kMaxNumber) return std::nullopt;
  return v;
}

std::optional<double> NumberWordValue(std::string_view w) {
  const auto& t = WordTable();
  auto it = t.find(w);
  if (it == t.end()) return std::nullopt;
  return it->second;
}

std::optional<double> ScaleWordValue(std::string_view w, bool abbrev) {
  if (w == "thousand") return 1e3;
  if (w == "million") return 1e6;
  if (w == "billion") return 1e9;
  if (w == "trillion") return 1e12;
  if (!abbrev) return std::nullopt;
  if (w == "k") return 1e3;
  if (w == "m" || w == "mn" || w == "mln") return 1e6;
  if (w == "bn" || w == "bln" || w == "b") return 1e9;
  if (w == "tn" || w == "trn") return 1e12;
  return std::nullopt;
}

std::optional<NumberMatch> ParseNumberAt(const std::vector<Lexeme>& lx, size_t i, size_t end) {
  if (i >= end || end > lx.size()) return std::nullopt;
  NumberMatch m;
  if (lx[i].kind == LexKind::kNumber) {
    if (lx[i].ordinal) return std::nullopt;
    auto v = ParseDigitString(lx[i].norm);
    if (!v) return std::nullopt;
    m.value = *v;
    m.digits = true;
    m.integer = lx[i].norm.find('.') == std::string::npos;
    m.end = i + 1;
    while (m.end < end && lx[m.end].kind == LexKind::kWord) {
      auto s = ScaleWordValue(lx[m.end].norm, false);
      if (!s) break;
      m.value *= *s;
      ++m.end;
    }
    if (!std::isfinite(m.value) || m.value > kMaxNumber) return std::nullopt;
    return m;
  }
  // Word numbers.
  double total = 0;
  double current = 0;
  bool any = false;
  size_t j = i;
  size_t last_good = i;
  while (j < end) {
    const Lexeme& l = lx[j];
    if (l.kind == LexKind::kPunct && l.norm == "-" && any && j + 1 < end) {
      ++j;  // twenty-five
      continue;
    }
    if (l.kind != LexKind::kWord) break;
    if ((l.norm == "a" || l.norm == "an") && !any && j + 1 < end) {
      auto nv = NumberWordValue(lx[j + 1].norm);
      if (nv && *nv >= 12 && (*nv == 12 || *nv >= 100)) {
        current = 1;
        any = true;
        ++j;
        continue;
      }
      break;
    }
    if (l.norm == "and" && any && j + 1 < end && NumberWordValue(lx[j + 1].norm)) {
      ++j;
      continue;
    }
    auto v = NumberWordValue(l.norm);
    if (!v) break;
    if (*v == 100) {
      current = (current == 0 ? 1 : current) * 100;
    } else if (*v == 12 && l.norm == "dozen") {
      current = (current == 0 ? 1 : current) * 12;
    } else if (*v >= 1000) {
      total += (current == 0 ? 1 : current) * *v;
      current = 0;
    } else {
      current += *v;
    }
    any = true;
    ++j;
    last_good = j;
  }
  if (!any || last_good == i) return std::nullopt;
  m.value = total + current;
  m.end = last_good;
  m.digits = false;
  if (!std::isfinite(m.value) || m.value > kMaxNumber) return std::nullopt;
  return m;
}

}  // namespace annals::timex
