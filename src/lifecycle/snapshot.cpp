#include "lifecycle/snapshot.h"

#include <algorithm>
#include <array>

#include "common/time.h"
#include "store/canonical.h"

namespace revarch::lifecycle {
namespace {

std::string folded(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '_' || c == '-') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

bool is_state_property(std::string_view key) {
  static constexpr std::array<std::string_view, 16> kState = {
      "stage",          "previous_stage", "lifecycle_stage", "lead_status",       "is_closed",
      "is_won",         "probability",    "close_date",      "forecast_category", "updated_at",
      "converted_date", "opted_out",      "change_source",   "change_flag",       "status",
      "next_step"};
  return std::find(kState.begin(), kState.end(), key) != kState.end();
}

std::optional<Event> created_event_of(const Event& snapshot) {
  if (snapshot.type != canon::kRecordUpsert) return std::nullopt;
  const std::string* created = find_property(snapshot.properties, "created_at");
  if (!created) return std::nullopt;
  auto at = parse_iso8601_ms(*created);
  if (!at || *at >= snapshot.occurred_at_ms) return std::nullopt;
  Event e;
  e.seq = snapshot.seq;
  e.source = snapshot.source;
  e.source_record_id = snapshot.source_record_id;
  e.idempotency_key = snapshot.idempotency_key;
  e.occurred_at_ms = *at;
  e.original_tz = snapshot.original_tz;
  e.type = std::string(kRecordCreated);
  e.subject = snapshot.subject;
  e.related = snapshot.related;
  for (const auto& kv : snapshot.properties)
    if (!is_state_property(kv.first)) e.properties.push_back(kv);
  e.origin_file = snapshot.origin_file;
  e.origin_row = snapshot.origin_row;
  e.ingested_at_ms = snapshot.ingested_at_ms;
  return e;
}

ClosedState closed_state_of_stage(std::string_view stage) {
  std::string s = folded(stage);
  ClosedState c;
  if (s == "closedwon" || s == "won" || s == "受注") {
    c.closed = c.won = true;
  } else if (s.rfind("closed", 0) == 0 || s == "lost" || s == "失注") {
    c.closed = true;
  }
  return c;
}

std::string channel_of_source(std::string_view original_source) {
  std::string out;
  bool gap = false;
  for (char c : original_source) {
    auto u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '_' || c == '-' || c == '/') {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back('_');
    gap = false;
    out.push_back(static_cast<char>(std::tolower(u)));
  }
  // "REFERRALS", "Partner Referral", "Employee Referral": the channel is a referral.
  if (out.find("referral") != std::string::npos) return "referral";
  return out;
}

}  // namespace revarch::lifecycle
