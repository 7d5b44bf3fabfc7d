#include "common/time.h"

#include <gtest/gtest.h>

namespace revarch {
namespace {

constexpr int64_t kApril1Utc = 1775001600000;  // 2026-04-01T00:00:00Z

TEST(Time, DateAloneIsLocalMidnight) {
  auto t = parse_iso8601("2026-04-01");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->utc_ms, kApril1Utc - 9 * 3600 * 1000);
  EXPECT_FALSE(t->has_time);
  EXPECT_EQ(t->original_offset, "");
  EXPECT_EQ(parse_iso8601_ms("2026-04-01", 0), kApril1Utc);
}

TEST(Time, NaiveTimesUseTheDefaultOffset) {
  EXPECT_EQ(parse_iso8601_ms("2026-04-01 09:00"), kApril1Utc);
  EXPECT_EQ(parse_iso8601_ms("2026-04-01 09:00:00"), kApril1Utc);
  EXPECT_EQ(parse_iso8601_ms("2026-04-01T09:00:00.250"), kApril1Utc + 250);
  EXPECT_EQ(parse_iso8601_ms("2026-04-01 00:00:00", 0), kApril1Utc);
  EXPECT_EQ(parse_iso8601_ms("2026-03-31 20:00", -4 * 60), kApril1Utc);
}

TEST(Time, ExplicitZones) {
  EXPECT_EQ(parse_iso8601_ms("2026-04-01T00:00:00Z"), kApril1Utc);
  EXPECT_EQ(parse_iso8601_ms("2026-04-01T00:00:00.000Z"), kApril1Utc);
  EXPECT_EQ(parse_iso8601_ms("2026-04-01T09:00:00+09:00"), kApril1Utc);
  EXPECT_EQ(parse_iso8601_ms("2026-04-01T09:00:00+0900"), kApril1Utc);
  EXPECT_EQ(parse_iso8601_ms("2026-03-31T19:00:00-05:00"), kApril1Utc);
  EXPECT_EQ(parse_iso8601_ms("2026-04-01T05:30:00+05:30"), kApril1Utc);
  EXPECT_EQ(parse_iso8601_ms("2019-10-30T03:30:17.883Z"), 1572406217883);
  auto t = parse_iso8601("2026-04-01T09:00:00+09:00");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->original_offset, "+09:00");
  EXPECT_EQ(parse_iso8601("2026-04-01T00:00:00Z")->original_offset, "Z");
  EXPECT_EQ(parse_iso8601("2026-04-01T09:00:00+0900")->original_offset, "+0900");
}

TEST(Time, FractionsAreTruncatedToMilliseconds) {
  EXPECT_EQ(parse_iso8601_ms("2026-04-01T00:00:00.1Z"), kApril1Utc + 100);
  EXPECT_EQ(parse_iso8601_ms("2026-04-01T00:00:00.123456Z"), kApril1Utc + 123);
}

TEST(Time, SlashDates) {
  EXPECT_EQ(parse_iso8601_ms("2026/04/01"), parse_iso8601_ms("2026-04-01"));
  EXPECT_EQ(parse_iso8601_ms("2026/4/1"), parse_iso8601_ms("2026-04-01"));
  EXPECT_EQ(parse_iso8601_ms("2026/04/01 09:00"), kApril1Utc);
  EXPECT_EQ(parse_iso8601_ms("2026/04/01 9:00:00"), kApril1Utc);
  EXPECT_EQ(parse_iso8601_ms("  2026/04/01  "), parse_iso8601_ms("2026-04-01"));
}

TEST(Time, RejectsMalformedOrImpossible) {
  for (const char* bad : {"", "2026", "2026-04", "2026-02-30", "2026-13-01", "2026-04-01T24:00",
                          "2026-04-01T09:60", "2026-04-01T09:00:60", "2026-04-01X09:00",
                          "2026-04-01T09:00:00+9", "2026-04-01T09:00:00 JST", "26-04-01",
                          "2026-04/01", "2026-04-01T09:00:00.Z", "2026-04-01T09:00:00+25:00"}) {
    EXPECT_FALSE(parse_iso8601(bad)) << bad;
  }
  EXPECT_TRUE(parse_iso8601("2024-02-29"));
  EXPECT_FALSE(parse_iso8601("2023-02-29"));
  EXPECT_FALSE(parse_iso8601("1900-02-29"));
  EXPECT_TRUE(parse_iso8601("2000-02-29"));
}

TEST(Time, Format) {
  EXPECT_EQ(format_iso8601_utc(kApril1Utc), "2026-04-01T00:00:00.000Z");
  EXPECT_EQ(format_iso8601_utc(1572406217883), "2019-10-30T03:30:17.883Z");
  EXPECT_EQ(format_iso8601_utc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_iso8601_utc(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(format_date(kApril1Utc - 1, 0), "2026-03-31");
  EXPECT_EQ(format_date(kApril1Utc - 1), "2026-04-01");  // 08:59:59.999 JST
  EXPECT_EQ(format_date(kApril1Utc - 9 * 3600 * 1000 - 1), "2026-03-31");
}

TEST(Time, RoundTrip) {
  for (int64_t ms : {int64_t{0}, kApril1Utc, int64_t{1572406217883}, int64_t{-86400001},
                     int64_t{4102444799999}}) {
    EXPECT_EQ(parse_iso8601_ms(format_iso8601_utc(ms)), ms);
  }
}

TEST(Time, CivilDays) {
  EXPECT_EQ(civil_to_days(1970, 1, 1), 0);
  EXPECT_EQ(civil_to_days(2026, 4, 1) * 86400000, kApril1Utc);
  EXPECT_EQ(civil_to_days(1969, 12, 31), -1);
  EXPECT_TRUE(is_valid_civil_date(2024, 2, 29));
  EXPECT_FALSE(is_valid_civil_date(2026, 4, 31));
}

}  // namespace
}  // namespace revarch
