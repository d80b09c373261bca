// Proleptic Gregorian calendar dates without time zones. Event data is
// dated by day; arithmetic on days is all the time stages need.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace annals {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

// Days since 1970-01-01 (negative before).
long DaysFromCivil(CivilDate d);
CivilDate CivilFromDays(long days);
// 0 = Monday ... 6 = Sunday (ISO 8601).
int IsoWeekday(CivilDate d);
int DaysInMonth(int year, int month);
CivilDate AddDays(CivilDate d, long n);
// Adds months, clamping the day to the target month's length.
CivilDate AddMonths(CivilDate d, int n);

// Parses exactly "YYYY-MM-DD" and checks the day exists.
std::optional<CivilDate> ParseIsoDate(std::string_view s);
std::string FormatIsoDate(CivilDate d);
// Today's date in UTC.
CivilDate TodayUtc();

}  // namespace annals
