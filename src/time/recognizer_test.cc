// Tests of the temporal expression grammar, one group per family, against a
// document dated Tuesday 2025-08-19 unless said otherwise.
#include "time/recognizer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "base/file.h"
#include "time/plain_tokens.h"

namespace annals::timex {
namespace {

Document RunTime(const std::string& text, const std::string& date = "2025-08-19") {
  Document doc;
  doc.id = "test";
  doc.date = date;
  doc.text = text;
  PlainTokenize(&doc);
  FindTimeExpressions(&doc);
  return doc;
}

// The one expression whose text is `expr` in `text`; fails if absent.
TimeExpr Find(const std::string& text, const std::string& expr,
              const std::string& date = "2025-08-19") {
  Document doc = RunTime(text, date);
  for (const TimeExpr& t : doc.time_exprs) {
    if (t.text == expr) return t;
  }
  std::string found;
  for (const TimeExpr& t : doc.time_exprs) found += "[" + t.text + "=" + t.value + "] ";
  ADD_FAILURE() << "no expression '" << expr << "' in: " << text << "\nfound: " << found;
  return TimeExpr{};
}

std::string Value(const std::string& text, const std::string& expr,
                  const std::string& date = "2025-08-19") {
  return Find(text, expr, date).value;
}

TEST(RelativeDays, YesterdayTodayTomorrow) {
  EXPECT_EQ(Value("He spoke yesterday at the White House.", "yesterday"), "2025-08-18");
  EXPECT_EQ(Value("Talks resume today.", "today"), "2025-08-19");
  EXPECT_EQ(Value("They will meet tomorrow.", "tomorrow"), "2025-08-20");
  EXPECT_EQ(Value("Regarding yesterday's call with Putin, Trump was upbeat.", "yesterday"),
            "2025-08-18");
  EXPECT_EQ(Value("The vote happened the day before yesterday.", "the day before yesterday"),
            "2025-08-17");
  EXPECT_EQ(Value("It ends the day after tomorrow.", "the day after tomorrow"), "2025-08-21");
}

TEST(RelativeDays, PartsOfDay) {
  TimeExpr t = Find("Macron speaks this morning with Starmer.", "this morning");
  EXPECT_EQ(t.value, "2025-08-19TMO");
  EXPECT_EQ(t.type, "TIME");
  EXPECT_EQ(Value("In last night's post, he said nothing.", "last night"), "2025-08-18TNI");
  EXPECT_EQ(Value("Voting ends tonight.", "tonight"), "2025-08-19TNI");
  EXPECT_EQ(Value("Shelling resumed yesterday afternoon.", "yesterday afternoon"),
            "2025-08-18TAF");
}

TEST(Weekdays, TenseAndDeterminers) {
  EXPECT_EQ(Value("Lavrov spoke this Tuesday from Moscow.", "this Tuesday"), "2025-08-19");
  EXPECT_EQ(Value("Europeans demanded specificity during Monday's talks.", "Monday"),
            "2025-08-18");
  EXPECT_EQ(Value("The ministers met on Friday in Brussels.", "Friday"), "2025-08-15");
  EXPECT_EQ(Value("The ministers will meet on Friday in Brussels.", "Friday"), "2025-08-22");
  EXPECT_EQ(Value("The envoy arrived last Monday.", "last Monday"), "2025-08-18");
  EXPECT_EQ(Value("The envoy arrives next Tuesday.", "next Tuesday"), "2025-08-26");
  EXPECT_EQ(Value("Parliament voted on Sunday night.", "Sunday night"), "2025-08-17TNI");
  EXPECT_EQ(Value("The summit opens Thursday.", "Thursday"), "2025-08-21");
}

TEST(Weekdays, WithCalendarDate) {
  TimeExpr t = Find("The talks began on Tuesday, August 19, 2025, in Geneva.",
                    "Tuesday, August 19, 2025");
  EXPECT_EQ(t.value, "2025-08-19");
  EXPECT_EQ(t.precision, "day");
}

TEST(CalendarDates, Formats) {
  EXPECT_EQ(Value("The accord was signed on 19 August 2025.", "19 August 2025"), "2025-08-19");
  EXPECT_EQ(Value("The accord was signed on August 19, 2025.", "August 19, 2025"), "2025-08-19");
  EXPECT_EQ(Value("The accord was signed on Aug. 12.", "Aug. 12"), "2025-08-12");
  EXPECT_EQ(Value("The accord was signed on the 12th of August.", "12th of August"),
            "2025-08-12");
  EXPECT_EQ(Value("Filed on 2024-03-05 in court.", "2024-03-05"), "2024-03-05");
  EXPECT_EQ(Value("Filed on 05/03/2024 in court.", "05/03/2024"), "2024-03-05");
  EXPECT_EQ(Value("Filed on 03/25/2024 in court.", "03/25/2024"), "2024-03-25");
  EXPECT_EQ(Value("Filed on 05.03.2024 in court.", "05.03.2024"), "2024-03-05");
  EXPECT_EQ(Value("The vote is set for September 3rd.", "September 3rd"), "2025-09-03");
  // A past clause puts a later month-day in the previous year.
  EXPECT_EQ(Value("The ceasefire collapsed on December 3.", "December 3"), "2024-12-03");
  // Impossible dates are not dates.
  Document doc = RunTime("Filed on 31/02/2024 in court.");
  EXPECT_TRUE(doc.time_exprs.empty());
}

TEST(MonthsYears, TenseChoosesYear) {
  EXPECT_EQ(Value("The meeting could be held in September.", "September"), "2025-09");
  EXPECT_EQ(Value("The meeting was held in September.", "September"), "2024-09");
  EXPECT_EQ(Value("Exports fell in March.", "March"), "2025-03");
  EXPECT_EQ(Value("Elections will take place in March.", "March"), "2026-03");
  EXPECT_EQ(Value("The law passed last September.", "last September"), "2024-09");
  EXPECT_EQ(Value("The law takes effect next January.", "next January"), "2026-01");
  EXPECT_EQ(Value("Prices rose in May 2024.", "May 2024"), "2024-05");
  EXPECT_EQ(Value("The war began in 2022.", "2022"), "2022");
  EXPECT_EQ(Value("It dates from the 1990s.", "the 1990s"), "199");
  TimeExpr t = Find("Talks are expected in early September.", "early September");
  EXPECT_EQ(t.value, "2025-09");
  EXPECT_EQ(t.modifier, "START");
  EXPECT_EQ(Find("Fighting resumed in mid-July.", "mid-July").modifier, "MID");
  t = Find("A deal is due by the end of the year.", "the end of the year");
  EXPECT_EQ(t.value, "2025");
  EXPECT_EQ(t.modifier, "END");
  EXPECT_EQ(Value("Troops will withdraw this summer.", "this summer"), "2025-SU");
}

TEST(MonthsYears, QuartersHalvesHolidays) {
  EXPECT_EQ(Value("Growth in the first quarter was weak.", "the first quarter"), "2025-Q1");
  EXPECT_EQ(Value("Profits fell in the third quarter of 2024.", "the third quarter of 2024"),
            "2024-Q3");
  EXPECT_EQ(Value("Sales rose in Q2 2023.", "Q2 2023"), "2023-Q2");
  EXPECT_EQ(Value("Output fell in the fourth quarter.", "the fourth quarter"), "2024-Q4");
  EXPECT_EQ(Value("Rates will fall in the second half of the year.",
                  "the second half of the year"),
            "2025-H2");
  EXPECT_EQ(Value("The rebels attacked on Christmas Day.", "Christmas Day"), "2024-12-25");
  EXPECT_EQ(Value("The law takes effect on New Year's Day.", "New Year's Day"), "2026-01-01");
}

TEST(MonthsYears, ModalAndVerbAreNotMonths) {
  Document doc = RunTime("He may resign. Protesters march on the capital.");
  EXPECT_TRUE(doc.time_exprs.empty());
  EXPECT_EQ(Value("The vote was held on May 5.", "May 5"), "2025-05-05");
}

TEST(RelativeUnits, WeeksMonthsYears) {
  EXPECT_EQ(Value("Talks stalled last week.", "last week"), "2025-W33");
  EXPECT_EQ(Value("Talks resume next week.", "next week"), "2025-W35");
  EXPECT_EQ(Value("Talks stalled this week.", "this week"), "2025-W34");
  EXPECT_EQ(Value("Inflation rose last month.", "last month"), "2025-07");
  EXPECT_EQ(Value("Inflation will rise next month.", "next month"), "2025-09");
  EXPECT_EQ(Value("Inflation rose last year.", "last year"), "2024");
  EXPECT_EQ(Value("Inflation rose earlier this year.", "earlier this year"), "2025");
  EXPECT_EQ(Value("Protests grew this weekend.", "this weekend"), "2025-W34-WE");
}

TEST(RelativeUnits, AgoAndIn) {
  EXPECT_EQ(Value("He resigned three days ago.", "three days ago"), "2025-08-16");
  EXPECT_EQ(Value("He resigned two months ago.", "two months ago"), "2025-06");
  EXPECT_EQ(Value("He resigned a year ago.", "a year ago"), "2024");
  // "in two weeks": the date two weeks on, good to about a week.
  TimeExpr t = Find("Merz said it could take place in two weeks.", "two weeks");
  EXPECT_EQ(t.type, "DATE");
  EXPECT_EQ(t.value, "2025-09-02");
  EXPECT_EQ(t.precision, "week");
  EXPECT_EQ(Value("A vote is due in three months.", "three months"), "2025-11");
  // "in two days of fighting" is not a date.
  Document doc = RunTime("Forty died in two days of fighting.");
  ASSERT_EQ(doc.time_exprs.size(), 1u);
  EXPECT_EQ(doc.time_exprs[0].type, "DURATION");
}

TEST(RelativeUnits, VagueSpans) {
  TimeExpr t = Find("The group will work on it over the next few days.", "the next few days");
  EXPECT_EQ(t.type, "DURATION");
  EXPECT_EQ(t.value, "PXD");
  EXPECT_EQ(Value("Fighting eased over the past two weeks.", "the past two weeks"), "P2W");
  EXPECT_EQ(Value("Prices rose over the past week.", "the past week"), "P1W");
  EXPECT_EQ(Value("More talks are planned in the coming weeks.", "the coming weeks"), "PXW");
  EXPECT_EQ(Value("Attacks rose in recent months.", "recent months"), "PXM");
}

TEST(ClockTimes, FormsAndModifiers) {
  TimeExpr t = Find("The meeting concluded shortly after 2:00 p.m. And then nothing.",
                    "shortly after 2:00 p.m.");
  EXPECT_EQ(t.value, "2025-08-19T14:00");
  EXPECT_EQ(t.modifier, "AFTER");
  EXPECT_EQ(t.type, "TIME");
  EXPECT_EQ(t.precision, "time");
  EXPECT_EQ(Value("The blast hit at 9 am.", "9 am"), "2025-08-19T09:00");
  EXPECT_EQ(Value("The blast hit at 9pm.", "9pm"), "2025-08-19T21:00");
  EXPECT_EQ(Value("Polls close at 22:00 GMT.", "22:00 GMT"), "2025-08-19T22:00");
  EXPECT_EQ(Value("Polls closed at noon on Monday.", "noon"), "2025-08-18T12:00");
  EXPECT_EQ(Value("Curfew begins at midnight.", "midnight"), "2025-08-19T24:00");
  EXPECT_EQ(Find("Shots were heard around 11:30 p.m.", "around 11:30 p.m.").modifier, "APPROX");
  EXPECT_EQ(Value("Shots rang out at 12 a.m.", "12 a.m."), "2025-08-19T00:00");
  // Regression: a date before the clock time in the sentence anchors it.
  EXPECT_EQ(Value("On 14 December, polls open at 7 a.m. and close at 8 p.m.", "8 p.m."),
            "2025-12-14T20:00");
  // A plain number is not a time; neither is 25:00.
  EXPECT_TRUE(RunTime("He counted 14 votes and 25:00 marks.").time_exprs.empty());
}

TEST(Durations, CountsAndModifiers) {
  TimeExpr t = Find("The siege lasted three days.", "three days");
  EXPECT_EQ(t.type, "DURATION");
  EXPECT_EQ(t.value, "P3D");
  EXPECT_EQ(Value("A two-day summit opened.", "two-day"), "P2D");
  EXPECT_EQ(Value("A 24-hour truce held.", "24-hour"), "PT24H");
  EXPECT_EQ(Value("He waited half an hour.", "half an hour"), "PT30M");
  EXPECT_EQ(Value("Talks took several months.", "several months"), "PXM");
  EXPECT_EQ(Value("The war has lasted 18 months.", "18 months"), "P18M");
  t = Find("He served more than a decade in jail.", "more than a decade");
  EXPECT_EQ(t.value, "P1DE");
  EXPECT_EQ(t.modifier, "MORE_THAN");
  EXPECT_EQ(Find("It took about two hours.", "about two hours").modifier, "APPROX");
  EXPECT_EQ(Value("She spent a week in Kyiv.", "a week"), "P1W");
  EXPECT_TRUE(RunTime("He won a second term.").time_exprs.empty());
}

TEST(Sets, Frequencies) {
  TimeExpr t = Find("Inspectors visit every week.", "every week");
  EXPECT_EQ(t.type, "SET");
  EXPECT_EQ(t.value, "P1W");
  EXPECT_EQ(Value("Ministers meet each Monday.", "each Monday"), "XXXX-WXX-1");
  EXPECT_EQ(Value("The agency reports daily.", "daily"), "P1D");
  EXPECT_EQ(Value("The council meets twice a week.", "twice a week"), "P1W");
  EXPECT_EQ(Value("The board meets three times a year.", "three times a year"), "P1Y");
  EXPECT_EQ(Value("Elections are held every other year.", "every other year"), "P2Y");
}

TEST(References, NowAndFuture) {
  EXPECT_EQ(Value("Russia is now open to talks.", "now"), "PRESENT_REF");
  EXPECT_EQ(Value("It is, at the moment, an obstacle.", "the moment"), "PRESENT_REF");
  EXPECT_EQ(Value("What guarantee is there for the future?", "the future"), "FUTURE_REF");
  EXPECT_EQ(Value("Prices have recently fallen.", "recently"), "PAST_REF");
}

TEST(NoDocumentDate, RelativeStaysUnresolved) {
  TimeExpr t = Find("He spoke yesterday.", "yesterday", "");
  EXPECT_EQ(t.value, "XXXX-XX-XX");
  EXPECT_EQ(t.precision, "none");
  EXPECT_EQ(Value("It could happen in September.", "September", ""), "XXXX-09");
  EXPECT_EQ(Value("They met on Monday.", "Monday", ""), "XXXX-WXX-1");
  EXPECT_EQ(Value("Polls close at 8 pm.", "8 pm", ""), "XXXX-XX-XXT20:00");
  // Absolute dates do not need the document date.
  EXPECT_EQ(Value("Signed on 19 August 2025.", "19 August 2025", ""), "2025-08-19");
  EXPECT_EQ(Value("He spoke yesterday.", "yesterday", "19/08/2025"), "XXXX-XX-XX");
}

TEST(Spans, OffsetsPointIntoText) {
  const std::string text = "On Monday, 40 people died. Talks resume next week.";
  Document doc = RunTime(text);
  ASSERT_EQ(doc.time_exprs.size(), 2u);
  for (const TimeExpr& t : doc.time_exprs) {
    EXPECT_EQ(text.substr(t.span.begin, t.span.size()), t.text);
    EXPECT_LT(t.token_begin, t.token_end);
    EXPECT_LE(t.token_end, doc.tokens.size());
  }
  EXPECT_EQ(doc.time_exprs[1].sentence, 1u);
}

TEST(SeedArticle, DoneCriteria) {
  auto text = ReadFile("../shared/examples/seed-article.txt");
  if (!text.ok()) GTEST_SKIP() << "seed article not available";
  Document doc = RunTime(text.value());
  auto value_of = [&](const std::string& expr, size_t nth = 0) -> TimeExpr {
    for (const TimeExpr& t : doc.time_exprs) {
      if (t.text == expr && nth-- == 0) return t;
    }
    ADD_FAILURE() << "missing " << expr;
    return TimeExpr{};
  };
  EXPECT_EQ(value_of("this Tuesday").value, "2025-08-19");
  EXPECT_EQ(value_of("yesterday").value, "2025-08-18");
  EXPECT_EQ(value_of("Monday").value, "2025-08-18");
  EXPECT_EQ(value_of("September").value, "2025-09");
  EXPECT_EQ(value_of("two weeks").value, "2025-09-02");
  EXPECT_EQ(value_of("the next few days").value, "PXD");
  const TimeExpr clock = value_of("shortly after 2:00 p.m.");
  EXPECT_EQ(clock.value, "2025-08-19T14:00");
  EXPECT_EQ(clock.modifier, "AFTER");
  EXPECT_EQ(value_of("last night").value, "2025-08-18TNI");
  EXPECT_EQ(value_of("this morning").value, "2025-08-19TMO");
  EXPECT_EQ(value_of("this Monday").value, "2025-08-18");
  // "the evening news" is not a time.
  for (const TimeExpr& t : doc.time_exprs) EXPECT_NE(t.text, "evening");
}

TEST(Garbage, NeverCrashes) {
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int len = static_cast<int>(rng() % 400);
    for (int i = 0; i < len; ++i) {
      // Bias towards digits, separators and time words' letters.
      static const char kAlphabet[] = "0123456789:/.-, apmAPMondayMay'sthe\n\xe2\x82\xac\xff";
      text += (rng() % 4 == 0) ? static_cast<char>(rng() % 256)
                               : kAlphabet[rng() % (sizeof kAlphabet - 1)];
    }
    Document doc = RunTime(text, round % 3 == 0 ? "" : "2025-08-19");
    for (const TimeExpr& t : doc.time_exprs) {
      EXPECT_LE(t.span.end, doc.text.size());
      EXPECT_LE(t.span.begin, t.span.end);
    }
  }
  RunTime(std::string(100000, '9') + " days ago on 99999999999999999999/99/9999 at 99:99 pm");
  RunTime("in 1e400 years, every 0 days, 0-day, the past 99999999999 weeks");
}

}  // namespace
}  // namespace annals::timex
