// Temporal expression recognition and TIMEX3 normalisation.
//
// FindTimeExpressions() scans each sentence's lexemes (time/lexer.h) left to
// right and takes the longest expression starting at each position, from
// these families (docs/time.md lists every pattern with its value):
//   relative days   today, yesterday('s), tomorrow, tonight, this morning,
//                   last night, the day before yesterday
//   weekdays        (this|last|next|on) Monday('s) (morning), "Tuesday, Aug 19"
//   calendar dates  19 August 2025, August 19(th), 2025, Aug. 19, the 19th of
//                   August, 2025-08-19, 19/08/2025, 19.08.2025
//   months, years   (in|last|next|early|mid-|late) September (2025), 2024,
//                   the 1990s, this summer, the end of the year, the first
//                   quarter (of 2024), Q2 2023, the second half of the year,
//                   Christmas Day, New Year's Eve
//   relative units  last/this/next week|month|year|weekend, earlier this
//                   month, two weeks ago, in two weeks, the past few days,
//                   the next three months, the coming weeks
//   clock times     2:00 p.m., 2 pm, 14:00 GMT, noon, midnight, 3 o'clock,
//                   with (shortly|just) after/before, around, about
//   durations       three days, a week, two-day, 24-hour, several months,
//                   half an hour, more than a decade
//   sets            every day, each Monday, daily, weekly, twice a week
//   references      now, currently, at the moment, recently, the future
// Relative expressions are resolved against Document::date; the year of a
// bare month or date and the week of a bare weekday come from the tense of
// the governing clause (time/tense.h). With no document date they stay
// unresolved ("XXXX-09", precision "none").
//
// Requires doc->sentences and doc->tokens; reads tags and parse when filled.
// Replaces doc->time_exprs. Thread-safe: tables are immutable after the first
// call (function-local statics).
#pragma once

#include "annals/document.h"

namespace annals::timex {

void FindTimeExpressions(Document* doc);

}  // namespace annals::timex
