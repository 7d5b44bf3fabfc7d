#pragma once
// What a record snapshot implies about the past, and what a CRM stage name means. Internal to
// the lifecycle layer (docs/lifecycle.md, "Record snapshots"). Pure functions, thread-safe.

#include <optional>
#include <string>
#include <string_view>

#include "store/event.h"

namespace revarch::lifecycle {

/// The type of the event a snapshot implies at its record's creation time.
inline constexpr std::string_view kRecordCreated = "record.created";

/// For a `record.upsert` whose `created_at` lies before its occurred_at: the `record.created`
/// event it implies at created_at, with the same subject, related records, source, record id and
/// seq, and only the snapshot's descriptive properties (name, firmographics, title, owner,
/// amount, original source...), not its state (stage, lifecycle stage, lead status, closed/won,
/// probability, close date, timestamps of changes). nullopt for any other event.
std::optional<Event> created_event_of(const Event& snapshot);

/// True for a property whose value describes the record's state at the snapshot's time (it is
/// left out of the record.created event).
bool is_state_property(std::string_view key);

/// Whether a deal stage name as a CRM writes it ("Closed Won", "closedwon", "Closed Lost",
/// "受注", "失注", "Prospecting") is closed and won.
struct ClosedState {
  bool closed = false;
  bool won = false;
};
ClosedState closed_state_of_stage(std::string_view stage);

/// The channel an attribution value names ("REFERRALS", "Partner Referral" -> "referral",
/// "Trade Show" -> "trade_show", "ORGANIC_SEARCH" -> "organic_search"): lower case, words
/// joined by '_', plural "referrals" folded; "" for an empty value.
std::string channel_of_source(std::string_view original_source);

}  // namespace revarch::lifecycle
