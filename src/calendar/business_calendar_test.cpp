#include "calendar/business_calendar.h"

#include <gtest/gtest.h>

#include "common/time.h"

namespace revarch::calendar {
namespace {

using std::chrono::year;

Date d(int y, unsigned m, unsigned dd) {
  return Date{year{y}, std::chrono::month{m}, std::chrono::day{dd}};
}

int64_t jst(const char* text) {
  auto ms = parse_iso8601_ms(text, kJstOffsetMinutes);
  EXPECT_TRUE(ms) << text;
  return ms.value_or(0);
}

std::string jst_text(int64_t ms) {
  // format in JST for readable expectations
  return format_iso8601_utc(ms + 9 * 3600 * 1000).substr(0, 16);
}

TEST(BusinessCalendar, WeekendsHolidaysAndYearEnd) {
  const BusinessCalendar cal;
  EXPECT_TRUE(cal.is_business_day(d(2026, 4, 1)));    // Wednesday
  EXPECT_FALSE(cal.is_business_day(d(2026, 4, 4)));   // Saturday
  EXPECT_FALSE(cal.is_business_day(d(2026, 4, 5)));   // Sunday
  EXPECT_FALSE(cal.is_business_day(d(2026, 4, 29)));  // 昭和の日
  EXPECT_FALSE(cal.is_business_day(d(2026, 5, 6)));   // 振替休日
  EXPECT_FALSE(cal.is_business_day(d(2026, 12, 29)));
  EXPECT_FALSE(cal.is_business_day(d(2027, 1, 1)));
  EXPECT_FALSE(cal.is_business_day(d(2027, 1, 3)));
  EXPECT_TRUE(cal.is_business_day(d(2027, 1, 4)));
  EXPECT_TRUE(cal.is_business_day(d(2026, 12, 28)));
  EXPECT_EQ(cal.holiday_name(d(2026, 12, 30)), "年末年始休業");
  EXPECT_EQ(cal.holiday_name(d(2027, 1, 1)), "元日");
  EXPECT_EQ(cal.holiday_name(d(2026, 5, 6)), "休日");
  EXPECT_FALSE(cal.holiday_name(d(2026, 4, 4)));
  // Beyond the precomputed range the same rules apply.
  EXPECT_FALSE(cal.is_business_day(d(2101, 1, 1)));
  EXPECT_TRUE(cal.is_business_day(d(2101, 1, 4)));
}

TEST(BusinessCalendar, NextBusinessDay) {
  const BusinessCalendar cal;
  EXPECT_EQ(cal.next_business_day(d(2026, 12, 25)), d(2026, 12, 28));  // Fri -> Mon
  EXPECT_EQ(cal.next_business_day(d(2026, 12, 28)), d(2027, 1, 4));    // over the closure
  EXPECT_EQ(cal.next_business_day(d(2026, 5, 1)), d(2026, 5, 7));      // Golden Week
  EXPECT_EQ(cal.business_day_on_or_after(d(2026, 5, 7)), d(2026, 5, 7));
  EXPECT_EQ(cal.business_day_on_or_after(d(2026, 5, 2)), d(2026, 5, 7));
}

TEST(BusinessCalendar, BusinessDaysAcrossTheYearEnd) {
  const BusinessCalendar cal;
  // [Fri 12-25, Thu 01-07): 12-25, 12-28, 01-04, 01-05, 01-06.
  EXPECT_EQ(cal.business_days_between(jst("2026-12-25 10:00"), jst("2027-01-07 10:00")), 5);
  EXPECT_EQ(cal.business_days_between(jst("2027-01-07 10:00"), jst("2026-12-25 10:00")), -5);
  EXPECT_EQ(cal.business_days_between(jst("2026-12-25 10:00"), jst("2026-12-25 23:00")), 0);
  EXPECT_EQ(cal.business_days_between(jst("2026-04-03 18:00"), jst("2026-04-06 09:00")), 1);
  // April 2026 has 21 business days (22 weekdays minus 昭和の日).
  EXPECT_EQ(cal.business_days_between(jst("2026-04-01"), jst("2026-05-01")), 21);
  // Outside the precomputed range: counted day by day, same answer as a wider calendar.
  BusinessCalendarConfig narrow;
  narrow.first_year = 2026;
  narrow.last_year = 2026;
  const BusinessCalendar small(narrow);
  EXPECT_EQ(small.business_days_between(jst("2025-12-01"), jst("2027-02-01")),
            cal.business_days_between(jst("2025-12-01"), jst("2027-02-01")));
}

TEST(BusinessCalendar, BusinessMinutes) {
  const BusinessCalendar cal;  // 09:00-18:00
  EXPECT_EQ(cal.business_minutes_between(jst("2026-04-01 10:00"), jst("2026-04-01 11:30")), 90);
  EXPECT_EQ(cal.business_minutes_between(jst("2026-04-01 07:00"), jst("2026-04-01 20:00")), 540);
  // Friday 17:00 -> Monday 10:00: 60 + 60 minutes.
  EXPECT_EQ(cal.business_minutes_between(jst("2026-04-03 17:00"), jst("2026-04-06 10:00")), 120);
  EXPECT_EQ(cal.business_minutes_between(jst("2026-04-06 10:00"), jst("2026-04-03 17:00")), -120);
  // Tuesday 04-28 17:00 -> Thursday 04-30 10:00 over 昭和の日: 60 + 60.
  EXPECT_EQ(cal.business_minutes_between(jst("2026-04-28 17:00"), jst("2026-04-30 10:00")), 120);
  EXPECT_EQ(cal.business_minutes_between(jst("2026-04-04 10:00"), jst("2026-04-05 12:00")), 0);
}

TEST(BusinessCalendar, SlaDeadlines) {
  const BusinessCalendar cal;
  // Friday 16:00 + 4 business hours: 2h on Friday, 2h on Monday -> Monday 11:00.
  EXPECT_EQ(jst_text(cal.add_business_hours(jst("2026-04-03 16:00"), 4)), "2026-04-06T11:00");
  // Tuesday 04-28 15:00 + 8h: 3h Tuesday, 昭和の日 skipped, 5h Thursday -> 14:00.
  EXPECT_EQ(jst_text(cal.add_business_hours(jst("2026-04-28 15:00"), 8)), "2026-04-30T14:00");
  // Starting on a Saturday: the clock starts Monday at 09:00.
  EXPECT_EQ(jst_text(cal.add_business_hours(jst("2026-04-04 12:00"), 2)), "2026-04-06T11:00");
  // Before opening, and exactly to closing time.
  EXPECT_EQ(jst_text(cal.add_business_hours(jst("2026-04-01 07:00"), 9)), "2026-04-01T18:00");
  EXPECT_EQ(jst_text(cal.add_business_hours(jst("2026-04-01 19:00"), 1)), "2026-04-02T10:00");
  EXPECT_EQ(jst_text(cal.add_business_hours(jst("2026-04-01 10:00"), 0)), "2026-04-01T10:00");
  EXPECT_EQ(jst_text(cal.add_business_hours(jst("2026-04-01 19:00"), 0)), "2026-04-02T09:00");
  // Over Golden Week: Thursday 04-30 17:00 + 3h: 1h, then 05-01 (Fri) 2h -> 11:00;
  // + 12h: 1h 04-30, 9h 05-01, 2h on 05-07.
  EXPECT_EQ(jst_text(cal.add_business_hours(jst("2026-04-30 17:00"), 3)), "2026-05-01T11:00");
  EXPECT_EQ(jst_text(cal.add_business_hours(jst("2026-04-30 17:00"), 12)), "2026-05-07T11:00");
  // Over the year-end closure.
  EXPECT_EQ(jst_text(cal.add_business_hours(jst("2026-12-28 17:00"), 2)), "2027-01-04T10:00");
  // The deadline and the minutes agree.
  const int64_t start = jst("2026-04-03 16:00");
  EXPECT_EQ(cal.business_minutes_between(start, cal.add_business_hours(start, 30)), 30 * 60);
}

TEST(BusinessCalendar, ConfigClosuresAndExtras) {
  BusinessCalendarConfig config;
  config.closures.push_back({{8, 13}, {8, 16}, "夏季休業"});
  config.extra_closed_dates.push_back(d(2026, 6, 1));
  config.extra_business_dates.push_back(d(2026, 6, 6));  // a working Saturday
  config.business_start_minute = 10 * 60;
  config.business_end_minute = 17 * 60 + 30;
  const BusinessCalendar cal(config);
  EXPECT_FALSE(cal.is_business_day(d(2026, 8, 13)));
  EXPECT_EQ(cal.holiday_name(d(2026, 8, 14)), "夏季休業");
  EXPECT_FALSE(cal.is_business_day(d(2026, 6, 1)));
  EXPECT_EQ(cal.holiday_name(d(2026, 6, 1)), "臨時休業");
  EXPECT_TRUE(cal.is_business_day(d(2026, 6, 6)));
  EXPECT_EQ(cal.business_minutes_between(jst("2026-04-01 00:00"), jst("2026-04-02 00:00")), 450);
  BusinessCalendarConfig no_holidays;
  no_holidays.japanese_holidays = false;
  no_holidays.closures.clear();
  EXPECT_TRUE(BusinessCalendar(no_holidays).is_business_day(d(2026, 4, 29)));
  EXPECT_TRUE(BusinessCalendar(no_holidays).is_business_day(d(2026, 12, 29)));
}

TEST(BusinessCalendar, FiscalQuarters) {
  const BusinessCalendar cal;
  EXPECT_EQ(cal.fiscal_quarter(jst("2026-04-01")), "FY2026-Q1");
  EXPECT_EQ(cal.fiscal_quarter(jst("2026-06-30 23:59")), "FY2026-Q1");
  EXPECT_EQ(cal.fiscal_quarter(jst("2026-07-01")), "FY2026-Q2");
  EXPECT_EQ(cal.fiscal_quarter(jst("2026-10-15")), "FY2026-Q3");
  EXPECT_EQ(cal.fiscal_quarter(jst("2027-01-10")), "FY2026-Q4");
  EXPECT_EQ(cal.fiscal_quarter(jst("2027-03-31 23:59")), "FY2026-Q4");
  EXPECT_EQ(cal.fiscal_year(jst("2027-03-31")), 2026);
  EXPECT_EQ(cal.fiscal_year(jst("2027-04-01")), 2027);
  // 2026-04-01 00:30 JST is still 2026-03-31 in UTC: the calendar's zone decides.
  EXPECT_EQ(cal.fiscal_quarter(parse_iso8601_ms("2026-03-31T15:30:00Z").value()), "FY2026-Q1");
  EXPECT_EQ(cal.fiscal_quarter(jst("2026-02-01"), 1), "FY2026-Q1");
  EXPECT_EQ(cal.fiscal_quarter(jst("2026-12-31"), 1), "FY2026-Q4");
  EXPECT_EQ(fiscal_quarter_of(d(2026, 9, 30), 10), (FiscalQuarter{2025, 4}));
  EXPECT_EQ(fiscal_quarter_of(d(2026, 10, 1), 10).label(), "FY2026-Q1");
}

}  // namespace
}  // namespace revarch::calendar
