#pragma once
// Japan's national holidays (国民の祝日 and 休日).
//
// Two sources: the Cabinet Office's official list (data/jp-holidays/syukujitsu.csv, embedded in
// the library at build time; 1955 through its last year, currently 2027) and the rules of the Act
// on National Holidays (fixed days, Happy Mondays, equinox days, substitute holidays, citizens'
// holidays), which extend the list past the CSV. Lookups use the CSV for the years it covers and
// the rules for the others. Names are the Cabinet Office's ("元日", ..., "休日" for substitute
// and citizens' holidays).
//
// Thread-safe: the embedded table is parsed once, on first use, under a function-local static.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revarch::calendar {

using Date = std::chrono::year_month_day;

struct Holiday {
  Date date;
  std::string name;
  bool operator==(const Holiday&) const = default;
};

/// The holidays of `year` computed from the rules alone, in date order. Valid for 1973 onwards
/// (when substitute holidays began; equinox formula constants cover 1900-2150). One-off days
/// (1959, 1989, 1990, 1993 imperial events; 2019 enthronement; 2020/2021 Olympic moves) are NOT
/// produced: they exist only in the official list.
std::vector<Holiday> jp_holidays_by_rule(int year);

/// The holidays of `year` from the embedded Cabinet Office list; empty outside its years.
std::vector<Holiday> jp_holidays_official(int year);

/// First and last year the embedded Cabinet Office list covers.
int jp_official_first_year();
int jp_official_last_year();

/// The holidays of `year`: official when covered, by rule otherwise.
std::vector<Holiday> jp_holidays(int year);

/// The holiday's name on `date`, nullopt on an ordinary day.
std::optional<std::string> jp_holiday_name(Date date);

/// Vernal (春分) and autumnal (秋分) equinox day of month (March / September) for 1900-2150,
/// by the usual approximation used in the official announcements; 0 outside that range.
unsigned vernal_equinox_day(int year);
unsigned autumnal_equinox_day(int year);

/// The embedded CSV text (UTF-8, as shipped in data/jp-holidays/syukujitsu.csv).
std::string_view jp_holidays_csv();

}  // namespace revarch::calendar
