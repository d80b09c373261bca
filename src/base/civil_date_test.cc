#include "base/civil_date.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(CivilDate, RoundTripsAndWeekdays) {
  const CivilDate d{2025, 8, 19};
  EXPECT_EQ(CivilFromDays(DaysFromCivil(d)), d);
  EXPECT_EQ(IsoWeekday(d), 1);  // a Tuesday
  EXPECT_EQ(FormatIsoDate(AddDays(d, -1)), "2025-08-18");
  EXPECT_EQ(FormatIsoDate(AddDays(CivilDate{2024, 2, 28}, 1)), "2024-02-29");
  EXPECT_EQ(FormatIsoDate(AddMonths(CivilDate{2025, 1, 31}, 1)), "2025-02-28");
  EXPECT_EQ(FormatIsoDate(AddMonths(CivilDate{2025, 1, 15}, -2)), "2024-11-15");
}

TEST(CivilDate, ParsesOnlyRealDates) {
  EXPECT_TRUE(ParseIsoDate("2025-08-19").has_value());
  EXPECT_FALSE(ParseIsoDate("2025-02-30").has_value());
  EXPECT_FALSE(ParseIsoDate("2025-8-19").has_value());
  EXPECT_FALSE(ParseIsoDate("garbage!!").has_value());
  EXPECT_FALSE(ParseIsoDate("").has_value());
}

}  // namespace
}  // namespace annals
