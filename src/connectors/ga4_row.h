#pragma once
// Internal: the parts of a GA4 BigQuery export row the connector reads, as text, and the two
// ways of getting them — from a parsed nlohmann DOM (any JSON) and straight from the line's
// text (the fast path for the usual layout). Both give the same Ga4Row for the same line.

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace revarch::connectors::ga4 {

/// Parameters looked up in event_params first and, failing that, in a top-level column of the
/// same name (dbt-style flattened rows). Index with the k* constants below.
inline constexpr std::array<std::string_view, 12> kParamNames = {"ga_session_id",
                                                                 "page_location",
                                                                 "page_title",
                                                                 "page_referrer",
                                                                 "ga_session_number",
                                                                 "engagement_time_msec",
                                                                 "session_engaged",
                                                                 "form_id",
                                                                 "form_name",
                                                                 "source",
                                                                 "medium",
                                                                 "campaign"};
inline constexpr size_t kSessionId = 0;
inline constexpr size_t kFirstProperty = 1;  // page_location .. form_name become properties
inline constexpr size_t kLastProperty = 8;
inline constexpr size_t kSource = 9;
inline constexpr size_t kMedium = 10;
inline constexpr size_t kCampaign = 11;

/// Every value is the "text" of a JSON value: a string as is, an integer in decimal, a float as
/// nlohmann dumps it, true/false, "" for null, objects, arrays and absent keys. With duplicate
/// keys the last one counts (as in nlohmann's DOM).
struct Ga4Row {
  std::string event_name, event_timestamp, user_pseudo_id, client_id, user_id;
  std::string bundle, batch_event_index, batch_page_id, batch_ordering_id;
  /// Top-level columns named like kParamNames.
  std::array<std::string, kParamNames.size()> columns;
  /// event_params: key -> text of the first non-empty of string/int/double/float_value, in
  /// order; entries without key or without a value object are left out.
  std::vector<std::pair<std::string, std::string>> params;
  std::string cts_source, cts_medium, cts_campaign, cts_gclid;  // collected_traffic_source
  std::string first_source, first_medium, first_name;           // traffic_source
  std::string country, region, city;                            // geo
  std::string device_category;                                  // device.category

  /// kParamNames[i] from event_params (the first entry with that key), else the column.
  const std::string& param(size_t i) const;
  bool operator==(const Ga4Row&) const = default;
};

/// The text of a JSON value, as described for Ga4Row.
std::string text_of(const nlohmann::json& v);

/// Fills `out` from a parsed row; `row` must be an object.
void from_dom(const nlohmann::json& row, Ga4Row& out);

/// Fills `out` straight from one line holding a JSON object. false when the line is not valid
/// JSON, not an object, or uses something the fast path leaves to nlohmann (a BOM, escapes in
/// keys, very deep nesting); then `out` is unspecified and the caller parses the line with
/// nlohmann. When true, `out` equals what from_dom gives for the parsed line.
bool from_text(std::string_view line, Ga4Row& out);

}  // namespace revarch::connectors::ga4
