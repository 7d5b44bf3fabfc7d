#pragma once
// Turning cells into canonical property values, with notes to the quarantine when a value is
// kept verbatim because it could not be normalised. Shared by every connector.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"
#include "connectors/sink.h"
#include "store/event.h"

namespace revarch::connectors {

/// Where a row is, and where its notes and events go.
struct RowContext {
  std::string source;  // Event::source
  std::string file;    // origin_file
  int64_t row = 0;
  int64_t line = 0;
  int default_offset_minutes = 540;
  /// Also accept "MM/DD/YYYY" / "DD/MM/YYYY" dates when unambiguous (parse_slash_date; HubSpot
  /// exports use the portal's date format).
  bool slash_dates = false;
  EventSink* sink = nullptr;

  /// A note on one cell: the row still produces its events ("(kept)" is appended to reason).
  void note(std::string_view column, std::string_view reason, std::string_view raw) const;
  /// The row produces nothing.
  void drop(std::string_view column, std::string_view reason, std::string_view raw) const;
  /// An event with source, origin_file and origin_row filled in.
  Event make_event(std::string_view type) const;
};

/// A timestamp cell: ISO-8601 / "YYYY-MM-DD hh:mm:ss" / "YYYY/MM/DD" (common/time.h, local
/// times at `default_offset_minutes`) or epoch milliseconds (12-14 digits). nullopt otherwise.
std::optional<ParsedTime> parse_time(std::string_view text, int default_offset_minutes);
/// HubSpot's portal date formats: "MM/DD/YYYY" or "DD/MM/YYYY" (parts of 1 or 2 digits, year of
/// 4), optionally followed by " h:mm" or " h:mm:ss" and an optional "AM"/"PM" (any case, space
/// before it optional; with AM/PM the hour is 1-12, 12 AM = 0:00). Accepted only when the reading
/// is unambiguous: the part above 12 is the day (both parts equal also qualifies); "04/05/2024"
/// is nullopt. A local time at `default_offset_minutes` (original_offset "").
std::optional<ParsedTime> parse_slash_date(std::string_view text, int default_offset_minutes);
/// parse_time with the row's default offset; when ctx.slash_dates, parse_slash_date as well.
std::optional<ParsedTime> parse_time(std::string_view text, const RowContext& ctx);
/// The zone to record in Event::original_tz: the offset written in the text, else the default.
std::string original_tz(const ParsedTime& t, int default_offset_minutes);
/// The calendar date "YYYY-MM-DD" of a date or timestamp cell, seen at `default_offset_minutes`.
std::optional<std::string> parse_date(std::string_view text, int default_offset_minutes);
/// "+09:00" for 540.
std::string offset_label(int offset_minutes);
/// true/false for "true"/"false"/"1"/"0"/"yes"/"no"/"y"/"n"/"○"/"済" (any case); nullopt else.
std::optional<bool> parse_bool(std::string_view text);
/// A decimal number with '.' decimals: NFKC, thousands separators, currency signs (¥ $ 円) and
/// spaces removed. nullopt when something else remains.
std::optional<std::string> parse_number(std::string_view text);
/// Trimmed text after text::normalize_text.
std::string clean_text(std::string_view text);
/// Lower-case ASCII copy.
std::string ascii_lower(std::string_view s);

// Property setters: each ignores blank cells, normalises, and on failure either keeps the
// trimmed raw value with a note (e-mail, phone) or leaves the property out with a note (dates,
// numbers). `column` names the source column in notes.
void put_text(Properties& p, std::string_view key, std::string_view raw);
void put_email(Properties& p, const RowContext& ctx, std::string_view column, std::string_view raw);
void put_phone(Properties& p, const RowContext& ctx, std::string_view key, std::string_view column,
               std::string_view raw);
/// Website/domain: website keeps the URL as given, domain gets normalize_domain of it.
void put_website(Properties& p, std::string_view raw);
std::optional<ParsedTime> put_time(Properties& p, const RowContext& ctx, std::string_view key,
                                   std::string_view column, std::string_view raw);
void put_date(Properties& p, const RowContext& ctx, std::string_view key, std::string_view column,
              std::string_view raw);
void put_number(Properties& p, const RowContext& ctx, std::string_view key, std::string_view column,
                std::string_view raw);
void put_bool(Properties& p, const RowContext& ctx, std::string_view key, std::string_view column,
              std::string_view raw);
void put_corporate_number(Properties& p, const RowContext& ctx, std::string_view column,
                          std::string_view raw);

/// Sets (or replaces) property `key`.
void set_property(Properties& p, std::string_view key, std::string value);

}  // namespace revarch::connectors
