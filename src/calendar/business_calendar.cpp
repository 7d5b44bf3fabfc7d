#include "calendar/business_calendar.h"

#include <algorithm>
#include <cassert>

namespace revarch::calendar {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr int64_t kMsPerDay = 86'400'000;
constexpr int64_t kMsPerMinute = 60'000;

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

int64_t day_number(Date d) {
  return sys_days{d}.time_since_epoch().count();
}
Date date_of(int64_t day) {
  return Date{sys_days{days{day}}};
}

bool month_day_le(MonthDay a, MonthDay b) {
  return a.month < b.month || (a.month == b.month && a.day <= b.day);
}

bool in_closure(const RecurringClosure& c, Date d) {
  const MonthDay md{static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day())};
  if (month_day_le(c.from, c.to)) return month_day_le(c.from, md) && month_day_le(md, c.to);
  return month_day_le(c.from, md) || month_day_le(md, c.to);  // wraps the year end
}

bool contains(const std::vector<Date>& ds, Date d) {
  return std::find(ds.begin(), ds.end(), d) != ds.end();
}

}  // namespace

std::string FiscalQuarter::label() const {
  return "FY" + std::to_string(year) + "-Q" + std::to_string(quarter);
}

int fiscal_year_of(Date date, unsigned start_month) {
  assert(start_month >= 1 && start_month <= 12);
  const int y = static_cast<int>(date.year());
  return static_cast<unsigned>(date.month()) >= start_month ? y : y - 1;
}

FiscalQuarter fiscal_quarter_of(Date date, unsigned start_month) {
  const unsigned m = static_cast<unsigned>(date.month());
  const int months_in = static_cast<int>((m + 12 - start_month) % 12);
  return {fiscal_year_of(date, start_month), months_in / 3 + 1};
}

BusinessCalendar::BusinessCalendar(BusinessCalendarConfig config) : config_(std::move(config)) {
  assert(config_.business_start_minute >= 0 &&
         config_.business_start_minute < config_.business_end_minute &&
         config_.business_end_minute <= 24 * 60 && "business hours must lie within one day");
  assert(config_.first_year <= config_.last_year);
  using std::chrono::year;
  first_day_ = day_number(year{config_.first_year} / 1 / 1);
  last_day_ = day_number(year{config_.last_year + 1} / 1 / 1);
  business_.resize(static_cast<size_t>(last_day_ - first_day_));
  for (int64_t d = first_day_; d < last_day_; ++d) {
    business_[static_cast<size_t>(d - first_day_)] = compute_business_day(date_of(d), false);
  }
  if (config_.japanese_holidays) {
    for (int y = config_.first_year; y <= config_.last_year; ++y) {
      for (const Holiday& h : jp_holidays(y)) {
        if (!contains(config_.extra_business_dates, h.date)) {
          business_[static_cast<size_t>(day_number(h.date) - first_day_)] = false;
        }
      }
    }
  }
  prefix_.assign(business_.size() + 1, 0);
  for (size_t i = 0; i < business_.size(); ++i) prefix_[i + 1] = prefix_[i] + business_[i];
}

bool BusinessCalendar::compute_business_day(Date date, bool check_holidays) const {
  if (contains(config_.extra_business_dates, date)) return true;
  const std::chrono::weekday wd{sys_days{date}};
  if (std::find(config_.weekend.begin(), config_.weekend.end(), wd) != config_.weekend.end()) {
    return false;
  }
  if (contains(config_.extra_closed_dates, date)) return false;
  for (const RecurringClosure& c : config_.closures) {
    if (in_closure(c, date)) return false;
  }
  return !(check_holidays && config_.japanese_holidays && jp_holiday_name(date));
}

Date BusinessCalendar::local_date(int64_t ms) const {
  return date_of(local_day(ms));
}

int64_t BusinessCalendar::local_day(int64_t ms) const {
  return floor_div(ms + config_.utc_offset_minutes * kMsPerMinute, kMsPerDay);
}

int64_t BusinessCalendar::local_midnight_ms(Date date) const {
  return day_number(date) * kMsPerDay - config_.utc_offset_minutes * kMsPerMinute;
}

bool BusinessCalendar::is_business_day(Date date) const {
  return is_business_day(day_number(date));
}

bool BusinessCalendar::is_business_day(int64_t day) const {
  if (in_range(day)) return business_[static_cast<size_t>(day - first_day_)];
  return compute_business_day(date_of(day), true);
}

std::optional<std::string> BusinessCalendar::holiday_name(Date date) const {
  if (contains(config_.extra_business_dates, date)) return std::nullopt;
  if (config_.japanese_holidays) {
    if (auto name = jp_holiday_name(date)) return name;
  }
  for (const RecurringClosure& c : config_.closures) {
    if (in_closure(c, date)) return c.name;
  }
  if (contains(config_.extra_closed_dates, date)) return std::string("臨時休業");
  return std::nullopt;
}

Date BusinessCalendar::next_business_day(Date date) const {
  const int64_t start = day_number(date);
  for (int64_t d = start + 1; d <= start + 366; ++d) {
    if (is_business_day(d)) return date_of(d);
  }
  assert(false && "a calendar without business days");
  return date;
}

Date BusinessCalendar::business_day_on_or_after(Date date) const {
  return is_business_day(date) ? date : next_business_day(date);
}

int64_t BusinessCalendar::count_days(int64_t from, int64_t to) const {
  if (from > to) return -count_days(to, from);
  int64_t total = 0;
  for (int64_t d = from; d < std::min(to, first_day_); ++d) total += is_business_day(d);
  const int64_t lo = std::clamp(from, first_day_, last_day_);
  const int64_t hi = std::clamp(to, first_day_, last_day_);
  if (lo < hi)
    total += prefix_[static_cast<size_t>(hi - first_day_)] -
             prefix_[static_cast<size_t>(lo - first_day_)];
  for (int64_t d = std::max(from, last_day_); d < to; ++d) total += is_business_day(d);
  return total;
}

int BusinessCalendar::business_days_between(int64_t a, int64_t b) const {
  return static_cast<int>(count_days(local_day(a), local_day(b)));
}

int64_t BusinessCalendar::open_ms() const {
  return config_.business_start_minute * kMsPerMinute;
}
int64_t BusinessCalendar::close_ms() const {
  return config_.business_end_minute * kMsPerMinute;
}

int64_t BusinessCalendar::business_ms_since_anchor(int64_t ms) const {
  const int64_t day = local_day(ms);
  const int64_t into_day = ms + config_.utc_offset_minutes * kMsPerMinute - day * kMsPerDay;
  int64_t total = count_days(first_day_, day) * (close_ms() - open_ms());
  if (is_business_day(day)) total += std::clamp(into_day, open_ms(), close_ms()) - open_ms();
  return total;
}

int64_t BusinessCalendar::business_minutes_between(int64_t a, int64_t b) const {
  return (business_ms_since_anchor(b) - business_ms_since_anchor(a)) / kMsPerMinute;
}

int64_t BusinessCalendar::nth_business_day_after(int64_t day, int64_t n) const {
  assert(n >= 1);
  int64_t d = day;
  while (n > 0 && !(d + 1 >= first_day_ && d + 1 < last_day_)) {
    ++d;
    n -= is_business_day(d);
  }
  if (n == 0) return d;
  // From d+1 inside the precomputed range: the first index i with prefix_[i] reaching the goal.
  const size_t base = static_cast<size_t>(d + 1 - first_day_);
  const int64_t goal = prefix_[base] + n;
  const auto it = std::lower_bound(prefix_.begin() + static_cast<std::ptrdiff_t>(base) + 1,
                                   prefix_.end(), goal);
  if (it != prefix_.end()) return first_day_ + (it - prefix_.begin()) - 1;
  n -= prefix_.back() - prefix_[base];
  for (d = last_day_ - 1; n > 0;) {
    ++d;
    n -= is_business_day(d);
  }
  return d;
}

int64_t BusinessCalendar::add_business_minutes(int64_t start, int64_t minutes) const {
  assert(minutes >= 0);
  const int64_t day = local_day(start);
  const int64_t midnight = day * kMsPerDay - config_.utc_offset_minutes * kMsPerMinute;
  const int64_t into_day = start - midnight;
  int64_t remaining = minutes * kMsPerMinute;
  if (is_business_day(day) && into_day < close_ms()) {
    const int64_t pos = std::max(into_day, open_ms());
    if (remaining <= close_ms() - pos) return midnight + pos + remaining;
    remaining -= close_ms() - pos;
  }
  const int64_t hours_ms = close_ms() - open_ms();
  // Full business days to pass, then the part of the last one (in (0, hours_ms], or 0 when no
  // time was asked for: the next opening).
  const int64_t full_days = remaining == 0 ? 0 : (remaining - 1) / hours_ms;
  const int64_t last = remaining - full_days * hours_ms;
  const int64_t target_day = nth_business_day_after(day, full_days + 1);
  return target_day * kMsPerDay - config_.utc_offset_minutes * kMsPerMinute + open_ms() + last;
}

int64_t BusinessCalendar::add_business_hours(int64_t start, int hours) const {
  assert(hours >= 0);
  return add_business_minutes(start, static_cast<int64_t>(hours) * 60);
}

int BusinessCalendar::fiscal_year(int64_t ms, unsigned start_month) const {
  return fiscal_year_of(local_date(ms), start_month);
}

std::string BusinessCalendar::fiscal_quarter(int64_t ms, unsigned start_month) const {
  return fiscal_quarter_of(local_date(ms), start_month).label();
}

}  // namespace revarch::calendar
