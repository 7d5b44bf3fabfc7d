#pragma once
// Parsing and formatting of the date/time texts every connector meets (ISO-8601 and the Japanese
// "YYYY/MM/DD" forms). Instants are int64 milliseconds since 1970-01-01T00:00:00Z (UTC).
// Pure functions; thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace revarch {

/// Offset of Japan Standard Time (+09:00, no DST), the default for naive Japanese timestamps.
inline constexpr int kJstOffsetMinutes = 9 * 60;

/// An instant parsed from text, with the zone text it was written in.
struct ParsedTime {
  int64_t utc_ms = 0;
  /// The offset as written: "Z", "+09:00", "-0500"; "" when the text had no zone and the default
  /// offset was applied (naive local time, or a date alone).
  std::string original_offset;
  /// False when the text was a date alone (interpreted as local midnight).
  bool has_time = true;
};

/// Parses, surrounding spaces ignored:
///   YYYY-MM-DD                                  (local midnight)
///   YYYY-MM-DD[T| ]hh:mm[:ss[.f...]]            (naive: local time at default_offset_minutes)
///   YYYY-MM-DD[T| ]hh:mm[:ss[.f...]](Z|±hh:mm|±hhmm|±hh)
///   YYYY/M/D[ hh:mm[:ss]]                       (month/day may have one digit; naive)
/// Fractions of any length are truncated to milliseconds; "24:00" and leap seconds are refused.
/// nullopt when the text does not match or the date does not exist (2026-02-30).
std::optional<ParsedTime> parse_iso8601(std::string_view text,
                                        int default_offset_minutes = kJstOffsetMinutes);

/// parse_iso8601(...)->utc_ms.
std::optional<int64_t> parse_iso8601_ms(std::string_view text,
                                        int default_offset_minutes = kJstOffsetMinutes);

/// "2026-04-01T00:00:00.000Z" (always milliseconds, always UTC).
std::string format_iso8601_utc(int64_t ms);

/// The civil date "YYYY-MM-DD" of the instant `ms` at UTC offset `offset_minutes`.
std::string format_date(int64_t ms, int offset_minutes = kJstOffsetMinutes);

/// Days since 1970-01-01 of a proleptic Gregorian date (no range check).
int64_t civil_to_days(int64_t year, unsigned month, unsigned day);

/// True when year-month-day exists in the proleptic Gregorian calendar.
bool is_valid_civil_date(int64_t year, unsigned month, unsigned day);

}  // namespace revarch
