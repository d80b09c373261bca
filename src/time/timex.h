// TIMEX3 values: formatting them from calendar dates, and reading one back
// into a calendar date with a precision (for dating events).
//
// Value forms produced by the time stage (TimeML 1.2 / TempEval-3):
//   2025-08-19            a day                 precision "day"
//   2025-08-19T14:00      a clock time          precision "time"
//   2025-08-18TNI         a part of a day (MO, AF, EV, NI)  precision "day"
//   2025-W34, 2025-W34-WE an ISO week, a weekend           precision "week"
//   2025-09, 2025-SU      a month, a season                precision "month"
//   2025, 199             a year, a decade                 precision "year"
//   P2W, PT30M, PXD       a duration (X = unspecified number)
//   XXXX-09, XXXX-WXX-1   unresolved (no document date)    precision "none"
//   PRESENT_REF, PAST_REF, FUTURE_REF                      precision "none"
// Thread-safe (pure functions).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/civil_date.h"

namespace annals::timex {

std::string DayValue(CivilDate d);            // "2025-08-19"
std::string MonthValue(int year, int month);  // "2025-09"
std::string YearValue(int year);              // "2025"
std::string WeekValue(CivilDate d);           // ISO week of d: "2025-W34"

// A TIMEX3 value read back as a calendar anchor: the first day it covers and
// the partial ISO date an event record carries ("2025-09" for a month).
struct TimexAnchor {
  CivilDate first_day;
  std::string date;       // "2025-08-19", "2025-09", "2025"; weeks give their Monday
  std::string precision;  // "time", "day", "week", "month", "year"
};

// nullopt for durations, sets, references and unresolved ("XXXX") values.
std::optional<TimexAnchor> AnchorOf(std::string_view value);

}  // namespace annals::timex
