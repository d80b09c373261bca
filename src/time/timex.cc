// TIMEX3 value formatting and reading (see timex.h).
#include "time/timex.h"

#include <cstdio>

namespace annals::timex {
namespace {

bool Digits(std::string_view s, size_t at, size_t n, int* out) {
  if (at + n > s.size()) return false;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::string DayValue(CivilDate d) { return FormatIsoDate(d); }

std::string MonthValue(int year, int month) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::string YearValue(int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

std::string WeekValue(CivilDate d) {
  // ISO 8601: the week belongs to the year of its Thursday.
  const CivilDate thursday = AddDays(d, 3 - IsoWeekday(d));
  const long doy = DaysFromCivil(thursday) - DaysFromCivil(CivilDate{thursday.year, 1, 1});
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02ld", thursday.year, doy / 7 + 1);
  return buf;
}

std::optional<TimexAnchor> AnchorOf(std::string_view v) {
  TimexAnchor a;
  int year = 0;
  if (!Digits(v, 0, 4, &year)) return std::nullopt;
  if (v.size() == 4) {
    a.first_day = CivilDate{year, 1, 1};
    a.date = YearValue(year);
    a.precision = "year";
    return a;
  }
  if (v.size() < 7 || v[4] != '-') return std::nullopt;
  int n = 0;
  if (v[5] == 'W' && Digits(v, 6, 2, &n) && n >= 1 && n <= 53) {
    // Monday of ISO week n: the week holding January 4th is week 1.
    const CivilDate jan4{year, 1, 4};
    const CivilDate monday = AddDays(jan4, -IsoWeekday(jan4) + 7L * (n - 1));
    a.first_day = monday;
    a.date = DayValue(monday);
    a.precision = "week";
    return a;
  }
  if (v[5] == 'Q' && v.size() >= 7 && v[6] >= '1' && v[6] <= '4') {
    const int month = (v[6] - '1') * 3 + 1;
    a.first_day = CivilDate{year, month, 1};
    a.date = MonthValue(year, month);
    a.precision = "month";
    return a;
  }
  if (v[5] == 'H' && v.size() >= 7 && (v[6] == '1' || v[6] == '2')) {
    const int month = v[6] == '1' ? 1 : 7;
    a.first_day = CivilDate{year, month, 1};
    a.date = MonthValue(year, month);
    a.precision = "month";
    return a;
  }
  if (v.substr(5, 2) == "SP" || v.substr(5, 2) == "SU" || v.substr(5, 2) == "FA" ||
      v.substr(5, 2) == "WI") {
    static constexpr int kStart[] = {3, 6, 9, 12};
    const int idx = v[5] == 'S' ? (v[6] == 'P' ? 0 : 1) : (v[5] == 'F' ? 2 : 3);
    a.first_day = CivilDate{year, kStart[idx], 1};
    a.date = YearValue(year);
    a.precision = "year";
    return a;
  }
  int month = 0;
  if (!Digits(v, 5, 2, &month) || month < 1 || month > 12) return std::nullopt;
  if (v.size() == 7) {
    a.first_day = CivilDate{year, month, 1};
    a.date = MonthValue(year, month);
    a.precision = "month";
    return a;
  }
  int day = 0;
  if (v.size() < 10 || v[7] != '-' || !Digits(v, 8, 2, &day) || day < 1 ||
      day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  a.first_day = CivilDate{year, month, day};
  a.date = DayValue(a.first_day);
  a.precision = "day";
  if (v.size() > 10 && v[10] == 'T') {
    int hh = 0;
    if (Digits(v, 11, 2, &hh)) a.precision = "time";
  }
  return a;
}

}  // namespace annals::timex
