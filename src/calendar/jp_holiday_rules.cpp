// Japan's national holidays computed from the Act on National Holidays (国民の祝日に関する法律)
// as amended over the years: the days in force in a given year, then substitute holidays
// (振替休日) and citizens' holidays (国民の休日).

#include <algorithm>
#include <cmath>

#include "calendar/jp_holidays.h"

namespace revarch::calendar {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::Monday;
using std::chrono::month;
using std::chrono::Sunday;
using std::chrono::sys_days;
using std::chrono::weekday;
using std::chrono::year;

constexpr std::string_view kSubstituteName = "休日";  // the Cabinet Office's name for both kinds

Date ymd(int y, unsigned m, unsigned d) {
  return Date{year{y}, month{m}, day{d}};
}

Date nth_monday(int y, unsigned m, unsigned n) {
  return Date{sys_days{year{y} / month{m} / Monday[n]}};
}

/// The national holidays proper (祝日) of `y`, without substitute and citizens' holidays.
std::vector<Holiday> statutory_days(int y) {
  std::vector<Holiday> out;
  auto add = [&](Date d, std::string_view name) { out.push_back({d, std::string(name)}); };
  add(ymd(y, 1, 1), "元日");
  add(y >= 2000 ? nth_monday(y, 1, 2) : ymd(y, 1, 15), "成人の日");
  if (y >= 1967) add(ymd(y, 2, 11), "建国記念の日");
  if (y >= 2020) add(ymd(y, 2, 23), "天皇誕生日");
  if (unsigned d = vernal_equinox_day(y)) add(ymd(y, 3, d), "春分の日");
  if (y >= 2007) {
    add(ymd(y, 4, 29), "昭和の日");
  } else if (y >= 1989) {
    add(ymd(y, 4, 29), "みどりの日");
  } else {
    add(ymd(y, 4, 29), "天皇誕生日");
  }
  add(ymd(y, 5, 3), "憲法記念日");
  if (y >= 2007) add(ymd(y, 5, 4), "みどりの日");
  add(ymd(y, 5, 5), "こどもの日");
  if (y >= 2003) {
    add(nth_monday(y, 7, 3), "海の日");
  } else if (y >= 1996) {
    add(ymd(y, 7, 20), "海の日");
  }
  if (y >= 2016) add(ymd(y, 8, 11), "山の日");
  if (y >= 2003) {
    add(nth_monday(y, 9, 3), "敬老の日");
  } else if (y >= 1966) {
    add(ymd(y, 9, 15), "敬老の日");
  }
  if (unsigned d = autumnal_equinox_day(y)) add(ymd(y, 9, d), "秋分の日");
  if (y >= 2020) {
    add(nth_monday(y, 10, 2), "スポーツの日");
  } else if (y >= 2000) {
    add(nth_monday(y, 10, 2), "体育の日");
  } else if (y >= 1966) {
    add(ymd(y, 10, 10), "体育の日");
  }
  add(ymd(y, 11, 3), "文化の日");
  add(ymd(y, 11, 23), "勤労感謝の日");
  if (y >= 1989 && y <= 2018) add(ymd(y, 12, 23), "天皇誕生日");
  std::sort(out.begin(), out.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return out;
}

bool contains(const std::vector<Holiday>& hs, Date d) {
  return std::any_of(hs.begin(), hs.end(), [d](const Holiday& h) { return h.date == d; });
}

/// 振替休日: a holiday on Sunday moves the rest day to the next day that is not a holiday
/// (since 2007; from 1973 to 2006 only to the Monday, when that was not a holiday already).
void add_substitutes(int y, const std::vector<Holiday>& statutory, std::vector<Holiday>& out) {
  if (y < 1973) return;
  for (const Holiday& h : statutory) {
    if (weekday{sys_days{h.date}} != Sunday) continue;
    sys_days d = sys_days{h.date} + days{1};
    if (y >= 2007) {
      while (contains(statutory, Date{d})) d += days{1};
    } else if (contains(statutory, Date{d})) {
      continue;
    }
    if (Date{d}.year() == year{y}) out.push_back({Date{d}, std::string(kSubstituteName)});
  }
}

/// 国民の休日: a day (not a Sunday, not already a holiday) between two national holidays.
void add_citizens_holidays(int y, const std::vector<Holiday>& statutory,
                           std::vector<Holiday>& out) {
  if (y < 1986) return;
  for (size_t i = 0; i + 1 < statutory.size(); ++i) {
    const sys_days between = sys_days{statutory[i].date} + days{1};
    if (sys_days{statutory[i + 1].date} != between + days{1}) continue;
    if (weekday{between} == Sunday || contains(out, Date{between})) continue;
    out.push_back({Date{between}, std::string(kSubstituteName)});
  }
}

}  // namespace

unsigned vernal_equinox_day(int y) {
  double base = 0;
  if (y >= 1900 && y <= 1979) {
    base = 20.8357;
  } else if (y >= 1980 && y <= 2099) {
    base = 20.8431;
  } else if (y >= 2100 && y <= 2150) {
    base = 21.8510;
  } else {
    return 0;
  }
  const int anchor = y <= 1979 ? 1983 : 1980;
  return static_cast<unsigned>(
      std::floor(base + 0.242194 * (y - 1980) - std::floor((y - anchor) / 4.0)));
}

unsigned autumnal_equinox_day(int y) {
  double base = 0;
  if (y >= 1900 && y <= 1979) {
    base = 23.2588;
  } else if (y >= 1980 && y <= 2099) {
    base = 23.2488;
  } else if (y >= 2100 && y <= 2150) {
    base = 24.2488;
  } else {
    return 0;
  }
  const int anchor = y <= 1979 ? 1983 : 1980;
  return static_cast<unsigned>(
      std::floor(base + 0.242194 * (y - 1980) - std::floor((y - anchor) / 4.0)));
}

std::vector<Holiday> jp_holidays_by_rule(int y) {
  const std::vector<Holiday> statutory = statutory_days(y);
  std::vector<Holiday> out = statutory;
  add_substitutes(y, statutory, out);
  add_citizens_holidays(y, statutory, out);
  std::sort(out.begin(), out.end(),
            [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return out;
}

}  // namespace revarch::calendar
