#include "calendar/jp_holidays.h"

#include <gtest/gtest.h>

#include <set>

namespace revarch::calendar {
namespace {

using std::chrono::year;

Date d(int y, unsigned m, unsigned dd) {
  return Date{year{y}, std::chrono::month{m}, std::chrono::day{dd}};
}

std::string name_or_empty(Date date) {
  return jp_holiday_name(date).value_or("");
}

TEST(JpHolidays, EmbeddedListCoversTheCabinetOfficeYears) {
  EXPECT_EQ(jp_official_first_year(), 1955);
  EXPECT_GE(jp_official_last_year(), 2027);
  EXPECT_TRUE(jp_holidays_csv().starts_with("国民の祝日・休日月日"));
  EXPECT_EQ(jp_holidays_official(2026).size(), 18u);
}

TEST(JpHolidays, KnownDays2024To2027) {
  EXPECT_EQ(name_or_empty(d(2024, 1, 1)), "元日");
  EXPECT_EQ(name_or_empty(d(2024, 1, 8)), "成人の日");
  EXPECT_EQ(name_or_empty(d(2024, 2, 12)), "休日");  // 建国記念の日 on Sunday
  EXPECT_EQ(name_or_empty(d(2024, 2, 23)), "天皇誕生日");
  EXPECT_EQ(name_or_empty(d(2024, 3, 20)), "春分の日");
  EXPECT_EQ(name_or_empty(d(2024, 5, 6)), "休日");   // こどもの日 on Sunday
  EXPECT_EQ(name_or_empty(d(2024, 8, 12)), "休日");  // 山の日 on Sunday
  EXPECT_EQ(name_or_empty(d(2024, 9, 22)), "秋分の日");
  EXPECT_EQ(name_or_empty(d(2024, 9, 23)), "休日");
  EXPECT_EQ(name_or_empty(d(2024, 11, 4)), "休日");
  EXPECT_EQ(name_or_empty(d(2025, 2, 24)), "休日");  // 天皇誕生日 on Sunday
  EXPECT_EQ(name_or_empty(d(2025, 5, 6)), "休日");   // みどりの日 on Sunday -> after 5/5
  EXPECT_EQ(name_or_empty(d(2025, 11, 24)), "休日");
  EXPECT_EQ(name_or_empty(d(2026, 5, 6)), "休日");   // 憲法記念日 on Sunday -> 5/6
  EXPECT_EQ(name_or_empty(d(2026, 9, 22)), "休日");  // citizens' holiday between 9/21 and 9/23
  EXPECT_EQ(name_or_empty(d(2026, 10, 12)), "スポーツの日");
  EXPECT_EQ(name_or_empty(d(2027, 3, 22)), "休日");  // 春分の日 on Sunday
  EXPECT_EQ(name_or_empty(d(2027, 3, 21)), "春分の日");
  EXPECT_FALSE(jp_holiday_name(d(2026, 4, 1)));
  EXPECT_FALSE(jp_holiday_name(d(2026, 12, 31)));
}

// The rules reproduce the Cabinet Office's list except for the one-off days decided by special
// acts: the 2019 enthronement days, the 2019 name "体育の日（スポーツの日）", and the Olympic moves
// of 2020 and 2021.
TEST(JpHolidays, RulesReproduceTheOfficialList2000To2027) {
  const std::set<std::string> expected_differences = {
      "official 2019-04-30 休日",
      "official 2019-05-01 休日（祝日扱い）",
      "official 2019-05-02 休日",
      "official 2019-10-22 休日（祝日扱い）",
      "official 2019-10-14 体育の日（スポーツの日）",
      "rule 2019-10-14 体育の日",
      "official 2020-07-23 海の日",
      "rule 2020-07-20 海の日",
      "official 2020-07-24 スポーツの日",
      "rule 2020-10-12 スポーツの日",
      "official 2020-08-10 山の日",
      "rule 2020-08-11 山の日",
      "official 2021-07-22 海の日",
      "rule 2021-07-19 海の日",
      "official 2021-07-23 スポーツの日",
      "rule 2021-10-11 スポーツの日",
      "official 2021-08-08 山の日",
      "rule 2021-08-11 山の日",
      "official 2021-08-09 休日",
  };
  auto key = [](const char* side, const Holiday& h) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(h.date.year()),
                  static_cast<unsigned>(h.date.month()), static_cast<unsigned>(h.date.day()));
    return std::string(side) + " " + buf + " " + h.name;
  };
  std::set<std::string> differences;
  for (int y = 2000; y <= 2027; ++y) {
    std::set<std::string> official, rule;
    for (const Holiday& h : jp_holidays_official(y)) official.insert(key("", h).substr(1));
    for (const Holiday& h : jp_holidays_by_rule(y)) rule.insert(key("", h).substr(1));
    ASSERT_FALSE(official.empty()) << y;
    for (const std::string& s : official) {
      if (!rule.count(s)) differences.insert("official " + s);
    }
    for (const std::string& s : rule) {
      if (!official.count(s)) differences.insert("rule " + s);
    }
  }
  EXPECT_EQ(differences, expected_differences);
}

TEST(JpHolidays, RulesAgreeWithTheOfficialListBefore2000) {
  // Besides imperial one-offs (1989 大喪の礼, 1990 即位礼正殿の儀, 1993 結婚の儀), only dates
  // are compared here: several days were renamed over the years.
  const std::set<std::string> one_offs = {"1989-02-24", "1990-11-12", "1993-06-09"};
  for (int y = 1986; y < 2000; ++y) {
    std::set<std::string> official, rule;
    auto fmt = [](const Holiday& h) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(h.date.year()),
                    static_cast<unsigned>(h.date.month()), static_cast<unsigned>(h.date.day()));
      return std::string(buf);
    };
    for (const Holiday& h : jp_holidays_official(y)) {
      if (!one_offs.count(fmt(h))) official.insert(fmt(h));
    }
    for (const Holiday& h : jp_holidays_by_rule(y)) rule.insert(fmt(h));
    EXPECT_EQ(official, rule) << y;
  }
}

TEST(JpHolidays, RulesExtendBeyondTheList) {
  const int y = jp_official_last_year() + 1;
  EXPECT_TRUE(jp_holidays_official(y).empty());
  EXPECT_EQ(jp_holidays(y), jp_holidays_by_rule(y));
  // 2028: 1/10 成人の日, 3/20 春分の日, 7/17 海の日, 9/18 敬老の日, 9/22 秋分の日, 10/9
  // スポーツの日.
  EXPECT_EQ(name_or_empty(d(2028, 1, 10)), "成人の日");
  EXPECT_EQ(name_or_empty(d(2028, 3, 20)), "春分の日");
  EXPECT_EQ(name_or_empty(d(2028, 7, 17)), "海の日");
  EXPECT_EQ(name_or_empty(d(2028, 9, 18)), "敬老の日");
  EXPECT_EQ(name_or_empty(d(2028, 9, 22)), "秋分の日");
  EXPECT_EQ(name_or_empty(d(2028, 10, 9)), "スポーツの日");
  // 2029: 2/11 and 4/29 and 9/23 fall on Sunday -> substitutes on Monday.
  EXPECT_EQ(name_or_empty(d(2029, 2, 12)), "休日");
  EXPECT_EQ(name_or_empty(d(2029, 4, 30)), "休日");
  EXPECT_EQ(name_or_empty(d(2029, 9, 24)), "休日");
  // 2032: 敬老の日 9/20 and 秋分の日 9/22 -> 9/21 is a citizens' holiday.
  EXPECT_EQ(name_or_empty(d(2032, 9, 21)), "休日");
}

TEST(JpHolidays, EquinoxDays) {
  EXPECT_EQ(vernal_equinox_day(2026), 20u);
  EXPECT_EQ(autumnal_equinox_day(2026), 23u);
  EXPECT_EQ(vernal_equinox_day(2027), 21u);
  EXPECT_EQ(autumnal_equinox_day(2012), 22u);
  EXPECT_EQ(vernal_equinox_day(1899), 0u);
}

}  // namespace
}  // namespace revarch::calendar
