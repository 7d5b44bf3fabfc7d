#pragma once
// Text forms of dates, timestamps and durations used by the expression language:
// "2026-04-01", "2026-04-01T09:00:00+09:00", "90d", "1h30m". Pure functions, thread-safe.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "expr/value.h"

namespace revarch::expr {

/// Days since 1970-01-01 of a proleptic Gregorian date (no range check).
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);

/// "YYYY-MM-DD" as midnight UTC; nullopt when malformed or not a real date.
std::optional<Timestamp> parse_date(std::string_view text);
/// RFC 3339: "YYYY-MM-DDTHH:MM:SS[.fff](Z|+HH:MM|-HH:MM)"; nullopt when malformed.
std::optional<Timestamp> parse_timestamp(std::string_view text);
/// One or more "<int><unit>" groups, units w d h m s ms, optional leading '-': "90d", "1h30m".
std::optional<Duration> parse_duration(std::string_view text);
/// Milliseconds in one `unit` ("w", "d", "h", "m", "s", "ms"); 0 when not a unit.
int64_t duration_unit_ms(std::string_view unit);

/// "2026-04-01T00:00:00Z" (milliseconds shown only when non-zero).
std::string format_timestamp(Timestamp t);
/// Shortest exact form: "90d", "4h", "90m", "1500ms".
std::string format_duration(Duration d);

}  // namespace revarch::expr
