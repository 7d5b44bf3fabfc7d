#include "expr/time_text.h"

#include <charconv>
#include <cstdio>

namespace revarch::expr {
namespace {

constexpr int64_t kMsPerDay = 86'400'000;

// Reads exactly `n` ASCII digits at `pos`.
bool read_digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

bool is_leap(int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Parses "YYYY-MM-DD" at the start of `s` into days since the epoch.
std::optional<int64_t> parse_day(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (!read_digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !read_digits(s, 5, 2, m) ||
      s[7] != '-' || !read_digits(s, 8, 2, d))
    return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

// Civil date from days since the epoch (inverse of days_from_civil).
void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
}

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

}  // namespace

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<Timestamp> parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  auto day = parse_day(text);
  if (!day) return std::nullopt;
  return Timestamp{*day * kMsPerDay};
}

std::optional<Timestamp> parse_timestamp(std::string_view s) {
  auto day = parse_day(s);
  int hh = 0, mm = 0, ss = 0;
  if (!day || s.size() < 20 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
      !read_digits(s, 11, 2, hh) || s[13] != ':' || !read_digits(s, 14, 2, mm) || s[16] != ':' ||
      !read_digits(s, 17, 2, ss) || hh > 23 || mm > 59 || ss > 60)
    return std::nullopt;
  size_t pos = 19;
  int64_t frac_ms = 0;
  if (s[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (digits < 3) frac_ms = frac_ms * 10 + (s[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 3; ++i) frac_ms *= 10;
  }
  int64_t offset_min = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh = 0, om = 0;
    if (!read_digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !read_digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
      return std::nullopt;
    offset_min = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  int64_t ms = *day * kMsPerDay + ((hh * 60 + mm) * 60 + ss) * 1000LL + frac_ms;
  return Timestamp{ms - offset_min * 60'000};
}

int64_t duration_unit_ms(std::string_view unit) {
  if (unit == "w") return 7 * kMsPerDay;
  if (unit == "d") return kMsPerDay;
  if (unit == "h") return 3'600'000;
  if (unit == "m") return 60'000;
  if (unit == "s") return 1'000;
  if (unit == "ms") return 1;
  return 0;
}

std::optional<Duration> parse_duration(std::string_view s) {
  bool negative = !s.empty() && s[0] == '-';
  size_t pos = negative ? 1 : 0;
  if (pos == s.size()) return std::nullopt;
  int64_t total = 0;
  while (pos < s.size()) {
    int64_t n = 0;
    auto [end, ec] = std::from_chars(s.data() + pos, s.data() + s.size(), n);
    if (ec != std::errc() || n < 0 || n > 1'000'000'000) return std::nullopt;
    pos = static_cast<size_t>(end - s.data());
    size_t unit_start = pos;
    while (pos < s.size() && s[pos] >= 'a' && s[pos] <= 'z') ++pos;
    int64_t unit = duration_unit_ms(s.substr(unit_start, pos - unit_start));
    if (unit == 0) return std::nullopt;
    total += n * unit;
  }
  return Duration{negative ? -total : total};
}

std::string format_timestamp(Timestamp t) {
  int64_t day = floor_div(t.ms, kMsPerDay);
  int64_t in_day = t.ms - day * kMsPerDay;
  int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(day, y, m, d);
  char buf[64];
  int64_t sec = in_day / 1000;
  int64_t ms = in_day % 1000;
  if (ms != 0) {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ",
                  static_cast<long long>(y), m, d, static_cast<long long>(sec / 3600),
                  static_cast<long long>(sec / 60 % 60), static_cast<long long>(sec % 60),
                  static_cast<long long>(ms));
  } else {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                  static_cast<long long>(y), m, d, static_cast<long long>(sec / 3600),
                  static_cast<long long>(sec / 60 % 60), static_cast<long long>(sec % 60));
  }
  return buf;
}

std::string format_duration(Duration dur) {
  static constexpr struct {
    const char* unit;
    int64_t ms;
  } kUnits[] = {{"d", kMsPerDay}, {"h", 3'600'000}, {"m", 60'000}, {"s", 1'000}};
  int64_t v = dur.ms;
  std::string sign = v < 0 ? "-" : "";
  uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  if (mag == 0) return "0s";
  for (const auto& u : kUnits) {
    if (mag % static_cast<uint64_t>(u.ms) == 0)
      return sign + std::to_string(mag / static_cast<uint64_t>(u.ms)) + u.unit;
  }
  return sign + std::to_string(mag) + "ms";
}

}  // namespace revarch::expr
