#pragma once
// The canonical event: what every connector produces and the event log stores
// (docs/event-schema.md is the reference). Plain value type.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace revarch {

/// What kind of thing a source record describes.
enum class EntityKind : uint8_t { kContact, kAccount, kDeal, kOwner, kVisitor };
const char* entity_kind_name(EntityKind k);  // "contact", "account", "deal", "owner", "visitor"
std::optional<EntityKind> parse_entity_kind(std::string_view s);

/// A record as its source names it: ("salesforce", kContact, "003A000000abcdEFGH").
struct SourceRef {
  std::string source;  // "hubspot", "salesforce", "sansan", "eight", "ga4"
  EntityKind kind = EntityKind::kContact;
  std::string id;  // the source's own id (Salesforce ids in the 18-character form)
  bool operator==(const SourceRef&) const = default;
};

/// Ordered key/value properties in canonical names (docs/event-schema.md lists them). Values
/// are text as normalised by the connector (dates ISO-8601 UTC, numbers with '.' decimals).
using Properties = std::vector<std::pair<std::string, std::string>>;

/// Returns the value of `key`, or nullptr.
const std::string* find_property(const Properties& props, std::string_view key);

struct Event {
  int64_t seq = 0;                 // assigned by the store on append; 0 before
  std::string source;              // connector that produced it
  std::string source_record_id;    // id of the row / object / webhook event in the source
  std::string idempotency_key;     // equal keys mean the same fact: appended once
  int64_t occurred_at_ms = 0;      // UTC
  std::string original_tz;         // offset or zone the source gave ("+09:00", "Asia/Tokyo", "")
  std::string type;                // "record.upsert", "deal.stage_changed", "card.exchanged", ...
  SourceRef subject;               // the record the event is about
  std::vector<SourceRef> related;  // records it links to (company of a contact, deal's account)
  Properties properties;
  // Provenance.
  std::string origin_file;     // file (or webhook delivery) it came from
  int64_t origin_row = 0;      // 1-based data row or line in that file; 0 for webhooks
  int64_t ingested_at_ms = 0;  // set by the store
};

/// A stable key from the parts that identify a fact; connectors use it for idempotency_key.
/// Hex of a 128-bit hash of the parts joined with a separator that cannot occur in them.
/// Precisely: SHA-256 over each part as (8-byte little-endian length, bytes), truncated to 128
/// bits, as 32 lower-case hex digits (store/hash.h). Thread-safe.
std::string make_idempotency_key(std::initializer_list<std::string_view> parts);

}  // namespace revarch
