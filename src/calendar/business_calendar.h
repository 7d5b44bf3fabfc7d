#pragma once
// A company's business calendar: which civil days are worked (weekends, Japan's national
// holidays, recurring closures such as the year-end 12-29..01-03, extra dates), business hours,
// and the fiscal year. Used for SLAs (time to first touch in business hours), time-in-stage in
// business days and fiscal-quarter reports.
//
// Instants are int64 milliseconds since the Unix epoch (UTC). Civil dates and hours are taken at
// the calendar's fixed UTC offset (Asia/Tokyo = +09:00, which has no DST).
//
// Thread-safety: immutable after construction; every const method may be called concurrently.
// Performance: business days are precomputed as a bitset with prefix sums over
// [first_year, last_year], so day and minute counts between two instants are O(1) inside that
// range (outside it they are computed day by day).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/jp_holidays.h"

namespace revarch::calendar {

struct MonthDay {
  unsigned month = 1;  // 1-12
  unsigned day = 1;    // 1-31
  bool operator==(const MonthDay&) const = default;
};

/// A closure repeated every year, both ends included; it may wrap the year end (12-29..01-03).
struct RecurringClosure {
  MonthDay from;
  MonthDay to;
  std::string name;  // reported by holiday_name(), e.g. "年末年始休業"
};

struct BusinessCalendarConfig {
  bool japanese_holidays = true;
  std::vector<RecurringClosure> closures = {{{12, 29}, {1, 3}, "年末年始休業"}};
  std::vector<Date> extra_closed_dates;    // one-off closures (会社創立記念日)
  std::vector<Date> extra_business_dates;  // one-off working days, override everything else
  std::vector<std::chrono::weekday> weekend = {std::chrono::Saturday, std::chrono::Sunday};
  int business_start_minute = 9 * 60;  // minutes after local midnight, inclusive
  int business_end_minute = 18 * 60;   // exclusive; must be > start and <= 1440
  int utc_offset_minutes = 9 * 60;     // Asia/Tokyo
  int first_year = 1990;               // precomputed range
  int last_year = 2100;
};

/// "FY2026-Q3"-style fiscal period. The Japanese convention is used: a fiscal year is named by
/// the calendar year in which it STARTS (April 2026 - March 2027 = FY2026), and Q1 is its first
/// three months (April-June when it starts in April).
struct FiscalQuarter {
  int year = 0;
  int quarter = 0;            // 1-4
  std::string label() const;  // "FY2026-Q3"
  bool operator==(const FiscalQuarter&) const = default;
};

/// Fiscal year of `date` for a year starting in `start_month` (1-12; 4 = April).
int fiscal_year_of(Date date, unsigned start_month);
FiscalQuarter fiscal_quarter_of(Date date, unsigned start_month);

class BusinessCalendar {
 public:
  /// Asserts the config is sane (hours within a day, start < end, first_year <= last_year).
  explicit BusinessCalendar(BusinessCalendarConfig config = {});

  const BusinessCalendarConfig& config() const { return config_; }

  /// The civil date of instant `ms` at the calendar's offset.
  Date local_date(int64_t ms) const;
  /// The instant of local midnight starting `date`.
  int64_t local_midnight_ms(Date date) const;

  /// False on weekends, national holidays (when enabled), closures and extra closed dates; true
  /// on extra business dates whatever else applies.
  bool is_business_day(Date date) const;

  /// Name of what closes `date`: the national holiday, the closure or "臨時休業" (extra closed
  /// date); nullopt on business days and plain weekends.
  std::optional<std::string> holiday_name(Date date) const;

  /// First business day strictly after `date` (searches up to 366 days ahead; asserts a calendar
  /// with no business day at all).
  Date next_business_day(Date date) const;
  /// `date` itself when it is a business day, else next_business_day(date).
  Date business_day_on_or_after(Date date) const;

  /// Business days among the local dates d with local_date(a) <= d < local_date(b); negative
  /// (the count of [date(b), date(a))) when b < a. Same day -> 0; Friday -> next Monday -> 1.
  int business_days_between(int64_t a, int64_t b) const;

  /// Whole minutes of business hours (on business days) within [a, b); negative when b < a.
  int64_t business_minutes_between(int64_t a, int64_t b) const;

  /// The instant at which `hours` (>= 0) business hours have elapsed since `start` (an SLA
  /// deadline). Time outside business hours does not count; a deadline that falls exactly on a
  /// closing time is that closing time. add_business_hours(t, 0) is t when t is within business
  /// hours, else the next opening.
  int64_t add_business_hours(int64_t start, int hours) const;
  /// The same with minutes.
  int64_t add_business_minutes(int64_t start, int64_t minutes) const;

  /// Fiscal year and quarter of instant `ms` (local date) for a year starting in `start_month`.
  int fiscal_year(int64_t ms, unsigned start_month = 4) const;
  /// "FY2026-Q3".
  std::string fiscal_quarter(int64_t ms, unsigned start_month = 4) const;

 private:
  /// The rules applied to one day; holidays looked up only when `check_holidays`.
  bool compute_business_day(Date date, bool check_holidays) const;
  bool in_range(int64_t day) const { return day >= first_day_ && day < last_day_; }
  bool is_business_day(int64_t day) const;  // day = days since 1970-01-01
  int64_t local_day(int64_t ms) const;
  /// Business days in [from, to) (negated when to < from); O(1) inside the range.
  int64_t count_days(int64_t from, int64_t to) const;
  int64_t open_ms() const;
  int64_t close_ms() const;
  /// Business-hours milliseconds between local midnight of first_year-01-01 and `ms` (signed).
  int64_t business_ms_since_anchor(int64_t ms) const;
  /// The n-th (n >= 1) business day strictly after `day`.
  int64_t nth_business_day_after(int64_t day, int64_t n) const;

  BusinessCalendarConfig config_;
  int64_t first_day_ = 0;        // days since epoch of first_year-01-01
  int64_t last_day_ = 0;         // days since epoch of (last_year+1)-01-01
  std::vector<bool> business_;   // per day in [first_day_, last_day_)
  std::vector<int32_t> prefix_;  // prefix_[i] = business days in [first_day_, first_day_+i)
};

}  // namespace revarch::calendar
