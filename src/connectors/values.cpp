#include "connectors/values.h"

#include "common/time.h"
#include "store/canonical.h"
#include "text/contact_points.h"
#include "text/ids.h"
#include "text/japanese.h"

namespace revarch::connectors {
namespace {

std::string_view trim_view(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

void RowContext::note(std::string_view column, std::string_view reason,
                      std::string_view raw) const {
  if (sink == nullptr) return;
  sink->on_quarantine(QuarantinedRow{source, file, row, line, std::string(column),
                                     std::string(reason) + " (kept)", std::string(raw)});
}

void RowContext::drop(std::string_view column, std::string_view reason,
                      std::string_view raw) const {
  if (sink == nullptr) return;
  sink->on_quarantine(QuarantinedRow{source, file, row, line, std::string(column),
                                     std::string(reason), std::string(raw)});
}

Event RowContext::make_event(std::string_view type) const {
  Event e;
  e.source = source;
  e.type = std::string(type);
  e.origin_file = file;
  e.origin_row = row;
  return e;
}

std::string offset_label(int offset_minutes) {
  char sign = offset_minutes < 0 ? '-' : '+';
  int m = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char buf[8];
  buf[0] = sign;
  buf[1] = static_cast<char>('0' + (m / 60) / 10);
  buf[2] = static_cast<char>('0' + (m / 60) % 10);
  buf[3] = ':';
  buf[4] = static_cast<char>('0' + (m % 60) / 10);
  buf[5] = static_cast<char>('0' + (m % 60) % 10);
  return std::string(buf, 6);
}

std::optional<ParsedTime> parse_time(std::string_view text, int default_offset_minutes) {
  std::string_view s = trim_view(text);
  if (s.empty()) return std::nullopt;
  if (all_digits(s) && s.size() >= 12 && s.size() <= 14) {
    return ParsedTime{std::stoll(std::string(s)), "Z", true};
  }
  return parse_iso8601(s, default_offset_minutes);
}

namespace {

// Reads 1..max_digits digits at s[i]; advances i. -1 when there is none.
int read_number(std::string_view s, size_t& i, size_t max_digits) {
  int v = 0;
  size_t n = 0;
  while (i < s.size() && n < max_digits && s[i] >= '0' && s[i] <= '9') {
    v = v * 10 + (s[i] - '0');
    ++i;
    ++n;
  }
  return n == 0 ? -1 : v;
}

bool eat(std::string_view s, size_t& i, char c) {
  if (i < s.size() && s[i] == c) {
    ++i;
    return true;
  }
  return false;
}

// " h:mm[:ss][ ][AM|PM]" at s[i..]; false when malformed. Sets hour (0-23), minute, second.
bool read_clock(std::string_view s, size_t i, int& hour, int& minute, int& second) {
  hour = read_number(s, i, 2);
  if (hour < 0 || !eat(s, i, ':')) return false;
  size_t start = i;
  minute = read_number(s, i, 2);
  if (minute < 0 || i - start != 2 || minute > 59) return false;
  second = 0;
  if (eat(s, i, ':')) {
    start = i;
    second = read_number(s, i, 2);
    if (second < 0 || i - start != 2 || second > 59) return false;
  }
  eat(s, i, ' ');
  if (i == s.size()) return hour <= 23;
  if (s.size() - i != 2 || (s[i + 1] != 'M' && s[i + 1] != 'm')) return false;
  const char ap = static_cast<char>(s[i] | 0x20);
  if ((ap != 'a' && ap != 'p') || hour < 1 || hour > 12) return false;
  hour = hour % 12 + (ap == 'p' ? 12 : 0);
  return true;
}

}  // namespace

std::optional<ParsedTime> parse_slash_date(std::string_view text, int default_offset_minutes) {
  std::string_view s = trim_view(text);
  size_t i = 0;
  const int a = read_number(s, i, 2);
  if (a < 0 || !eat(s, i, '/')) return std::nullopt;
  const int b = read_number(s, i, 2);
  if (b < 0 || !eat(s, i, '/')) return std::nullopt;
  const size_t year_start = i;
  const int year = read_number(s, i, 4);
  if (year < 0 || i - year_start != 4) return std::nullopt;
  int month = 0;
  int day = 0;
  if (a == b || (a <= 12 && b > 12)) {
    month = a;
    day = b;
  } else if (a > 12 && b <= 12) {
    day = a;
    month = b;
  } else {
    return std::nullopt;  // both could be the month (or neither)
  }
  if (month < 1 ||
      !is_valid_civil_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) {
    return std::nullopt;
  }
  int hour = 0;
  int minute = 0;
  int second = 0;
  bool has_time = false;
  if (i < s.size()) {
    if (!eat(s, i, ' ') && !eat(s, i, 'T')) return std::nullopt;
    while (i < s.size() && s[i] == ' ') ++i;
    if (!read_clock(s, i, hour, minute, second)) return std::nullopt;
    has_time = true;
  }
  const int64_t days =
      civil_to_days(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const int64_t local_s = days * 86400 + hour * 3600 + minute * 60 + second;
  return ParsedTime{(local_s - int64_t{default_offset_minutes} * 60) * 1000, "", has_time};
}

std::optional<ParsedTime> parse_time(std::string_view text, const RowContext& ctx) {
  std::optional<ParsedTime> t = parse_time(text, ctx.default_offset_minutes);
  if (!t && ctx.slash_dates) t = parse_slash_date(text, ctx.default_offset_minutes);
  return t;
}

std::string original_tz(const ParsedTime& t, int default_offset_minutes) {
  return t.original_offset.empty() ? offset_label(default_offset_minutes) : t.original_offset;
}

std::optional<std::string> parse_date(std::string_view text, int default_offset_minutes) {
  std::optional<ParsedTime> t = parse_time(text, default_offset_minutes);
  if (!t) return std::nullopt;
  return format_date(t->utc_ms, default_offset_minutes);
}

std::optional<bool> parse_bool(std::string_view text) {
  std::string s = ascii_lower(trim_view(text));
  if (s == "true" || s == "1" || s == "yes" || s == "y" || s == "○" || s == "済" ||
      s == "退職済み" || s == "はい") {
    return true;
  }
  if (s == "false" || s == "0" || s == "no" || s == "n" || s == "いいえ" || s == "-") return false;
  return std::nullopt;
}

std::optional<std::string> parse_number(std::string_view text) {
  std::string s = text::nfkc(trim_view(text));
  std::string out;
  bool digit = false;
  bool dot = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      out.push_back(c);
      digit = true;
    } else if (c == '.' && !dot) {
      out.push_back(c);
      dot = true;
    } else if (c == '-' && out.empty()) {
      out.push_back(c);
    } else if (c == ',' || c == ' ' || c == '$') {
      continue;
    } else if (s.compare(i, 2, "\xC2\xA5") == 0) {  // ¥
      ++i;
    } else if (s.compare(i, 3, "\xE5\x86\x86") == 0) {  // 円
      i += 2;
    } else {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;
  return out;
}

std::string clean_text(std::string_view text) {
  std::string_view s = trim_view(text);
  if (s.empty()) return {};  // most absent or blank cells
  return text::normalize_text(s);
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void set_property(Properties& p, std::string_view key, std::string value) {
  for (auto& [k, v] : p) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  p.emplace_back(std::string(key), std::move(value));
}

void put_text(Properties& p, std::string_view key, std::string_view raw) {
  std::string s = clean_text(raw);
  if (!s.empty()) set_property(p, key, std::move(s));
}

void put_email(Properties& p, const RowContext& ctx, std::string_view column,
               std::string_view raw) {
  std::string_view s = trim_view(raw);
  if (s.empty()) return;
  if (auto e = text::normalize_email(s)) {
    set_property(p, canon::kEmail, std::move(*e));
  } else {
    set_property(p, canon::kEmail, std::string(s));
    ctx.note(column, "invalid e-mail", s);
  }
}

void put_phone(Properties& p, const RowContext& ctx, std::string_view key, std::string_view column,
               std::string_view raw) {
  std::string_view s = trim_view(raw);
  if (s.empty()) return;
  if (auto e = text::normalize_phone(s)) {
    set_property(p, key, std::move(*e));
  } else {
    set_property(p, key, clean_text(s));
    ctx.note(column, "phone number not normalisable", s);
  }
}

void put_website(Properties& p, std::string_view raw) {
  std::string_view s = trim_view(raw);
  if (s.empty()) return;
  set_property(p, canon::kWebsite, std::string(s));
  if (auto d = text::normalize_domain(s)) set_property(p, canon::kDomain, std::move(*d));
}

std::optional<ParsedTime> put_time(Properties& p, const RowContext& ctx, std::string_view key,
                                   std::string_view column, std::string_view raw) {
  std::string_view s = trim_view(raw);
  if (s.empty()) return std::nullopt;
  std::optional<ParsedTime> t = parse_time(s, ctx);
  if (!t) {
    ctx.note(column, "unparseable date", s);
    return std::nullopt;
  }
  set_property(p, key, format_iso8601_utc(t->utc_ms));
  return t;
}

void put_date(Properties& p, const RowContext& ctx, std::string_view key, std::string_view column,
              std::string_view raw) {
  std::string_view s = trim_view(raw);
  if (s.empty()) return;
  if (auto t = parse_time(s, ctx)) {
    set_property(p, key, format_date(t->utc_ms, ctx.default_offset_minutes));
  } else {
    ctx.note(column, "unparseable date", s);
  }
}

void put_number(Properties& p, const RowContext& ctx, std::string_view key, std::string_view column,
                std::string_view raw) {
  std::string_view s = trim_view(raw);
  if (s.empty()) return;
  if (auto n = parse_number(s)) {
    set_property(p, key, std::move(*n));
  } else {
    ctx.note(column, "not a number", s);
  }
}

void put_bool(Properties& p, const RowContext& ctx, std::string_view key, std::string_view column,
              std::string_view raw) {
  std::string_view s = trim_view(raw);
  if (s.empty()) return;
  if (auto b = parse_bool(s)) {
    set_property(p, key, *b ? "true" : "false");
  } else {
    ctx.note(column, "not a boolean", s);
  }
}

void put_corporate_number(Properties& p, const RowContext& ctx, std::string_view column,
                          std::string_view raw) {
  std::string_view s = trim_view(raw);
  if (s.empty()) return;
  if (auto n = text::normalize_corporate_number(s)) {
    set_property(p, canon::kCorporateNumber, std::move(*n));
  } else {
    ctx.note(column, "invalid corporate number (check digit)", s);
  }
}

}  // namespace revarch::connectors
