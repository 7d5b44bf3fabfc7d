#include "common/time.h"

#include <cstdio>

namespace revarch {
namespace {

constexpr int64_t kMsPerDay = 86'400'000;

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

struct Civil {
  int64_t year;
  unsigned month, day;
};

Civil civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = floor_div(z, 146097);
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

/// A cursor over the text being parsed.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool done() const { return pos_ == s_.size(); }
  char peek() const { return done() ? '\0' : s_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  /// Reads between min_digits and max_digits digits into `value`.
  bool number(int min_digits, int max_digits, int& value) {
    int n = 0;
    value = 0;
    while (n < max_digits && peek() >= '0' && peek() <= '9') {
      value = value * 10 + (s_[pos_++] - '0');
      ++n;
    }
    return n >= min_digits;
  }
  /// Reads a fraction of a second (any number of digits) as milliseconds.
  bool fraction_ms(int& ms) {
    int n = 0;
    ms = 0;
    while (peek() >= '0' && peek() <= '9') {
      if (n < 3) ms = ms * 10 + (s_[pos_] - '0');
      ++pos_, ++n;
    }
    for (int k = n; k < 3; ++k) ms *= 10;
    return n > 0;
  }
  std::string_view rest() const { return s_.substr(pos_); }
  size_t pos() const { return pos_; }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

/// Parses "Z", "±hh:mm", "±hhmm" or "±hh" at the end of the text into minutes east of UTC.
bool parse_zone(Scanner& sc, int& offset_minutes) {
  if (sc.eat('Z') || sc.eat('z')) {
    offset_minutes = 0;
    return sc.done();
  }
  const char sign = sc.peek();
  if (sign != '+' && sign != '-') return false;
  sc.eat(sign);
  int hh = 0, mm = 0;
  if (!sc.number(2, 2, hh)) return false;
  if (sc.eat(':')) {
    if (!sc.number(2, 2, mm)) return false;
  } else if (!sc.done() && !sc.number(2, 2, mm)) {
    return false;
  }
  if (!sc.done() || hh > 23 || mm > 59) return false;
  offset_minutes = (sign == '-' ? -1 : 1) * (hh * 60 + mm);
  return true;
}

}  // namespace

int64_t civil_to_days(int64_t year, unsigned month, unsigned day) {
  year -= month <= 2;
  const int64_t era = floor_div(year, 400);
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool is_valid_civil_date(int64_t year, unsigned month, unsigned day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::optional<ParsedTime> parse_iso8601(std::string_view text, int default_offset_minutes) {
  Scanner sc(trim(text));
  int year = 0, month = 0, day = 0;
  if (!sc.number(4, 4, year)) return std::nullopt;
  const char sep = sc.peek();
  if ((sep != '-' && sep != '/') || !sc.eat(sep) || !sc.number(1, 2, month) || !sc.eat(sep) ||
      !sc.number(1, 2, day)) {
    return std::nullopt;
  }
  if (!is_valid_civil_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) {
    return std::nullopt;
  }
  ParsedTime out;
  int hour = 0, minute = 0, second = 0, ms = 0, offset = default_offset_minutes;
  if (sc.done()) {
    out.has_time = false;
  } else {
    if (!(sc.eat('T') || sc.eat('t') || sc.eat(' '))) return std::nullopt;
    while (sc.eat(' ')) {
    }
    if (!sc.number(1, 2, hour) || !sc.eat(':') || !sc.number(2, 2, minute)) return std::nullopt;
    if (sc.eat(':')) {
      if (!sc.number(2, 2, second)) return std::nullopt;
      if ((sc.eat('.') || sc.eat(',')) && !sc.fraction_ms(ms)) return std::nullopt;
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    while (sc.eat(' ')) {
    }
    if (!sc.done()) {
      const std::string_view zone = sc.rest();
      if (!parse_zone(sc, offset)) return std::nullopt;
      out.original_offset = std::string(zone);
    }
  }
  const int64_t days =
      civil_to_days(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const int64_t local_ms = days * kMsPerDay + ((hour * 60LL + minute) * 60 + second) * 1000 + ms;
  out.utc_ms = local_ms - static_cast<int64_t>(offset) * 60'000;
  return out;
}

std::optional<int64_t> parse_iso8601_ms(std::string_view text, int default_offset_minutes) {
  auto parsed = parse_iso8601(text, default_offset_minutes);
  if (!parsed) return std::nullopt;
  return parsed->utc_ms;
}

namespace {
// Writes `v` as exactly `width` decimal digits (v must fit).
char* put_digits(char* p, int64_t v, int width) {
  for (int i = width - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return p + width;
}
}  // namespace

std::string format_iso8601_utc(int64_t ms) {
  const int64_t days = floor_div(ms, kMsPerDay);
  const int64_t in_day = ms - days * kMsPerDay;
  const Civil c = civil_from_days(days);
  if (c.year >= 0 && c.year <= 9999) {  // the usual case, without snprintf (connectors' hot path)
    char out[24];
    char* p = put_digits(out, c.year, 4);
    *p++ = '-';
    p = put_digits(p, c.month, 2);
    *p++ = '-';
    p = put_digits(p, c.day, 2);
    *p++ = 'T';
    p = put_digits(p, in_day / 3'600'000, 2);
    *p++ = ':';
    p = put_digits(p, in_day / 60'000 % 60, 2);
    *p++ = ':';
    p = put_digits(p, in_day / 1000 % 60, 2);
    *p++ = '.';
    p = put_digits(p, in_day % 1000, 3);
    *p++ = 'Z';
    return std::string(out, static_cast<size_t>(p - out));
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<long long>(c.year), c.month, c.day,
                static_cast<int>(in_day / 3'600'000), static_cast<int>(in_day / 60'000 % 60),
                static_cast<int>(in_day / 1000 % 60), static_cast<int>(in_day % 1000));
  return buf;
}

std::string format_date(int64_t ms, int offset_minutes) {
  const Civil c = civil_from_days(floor_div(ms + offset_minutes * 60'000LL, kMsPerDay));
  if (c.year >= 0 && c.year <= 9999) {
    char out[10];
    char* p = put_digits(out, c.year, 4);
    *p++ = '-';
    p = put_digits(p, c.month, 2);
    *p++ = '-';
    put_digits(p, c.day, 2);
    return std::string(out, sizeof out);
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(c.year), c.month,
                c.day);
  return buf;
}

}  // namespace revarch
