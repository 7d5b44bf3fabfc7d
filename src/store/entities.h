#pragma once
// Identity results: the unified entities, which source records belong to each, and every
// observed field value with its provenance. Written as a whole by the identity layer
// (Store::replace_identity, or chunk by chunk in one transaction: replace_identity_chunked),
// read by lifecycle, reports and `explain`. Plain value types.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/event.h"

namespace revarch {

/// One unified contact, account or deal.
struct Entity {
  std::string id;  // stable id chosen by the identity layer, unique across kinds
  EntityKind kind = EntityKind::kContact;
  std::string display_name;
  Properties primary_fields;  // the chosen value per property (stored as a JSON object)
  bool operator==(const Entity&) const = default;
};

/// Why a source record belongs to an entity.
struct EntityLink {
  SourceRef ref;
  std::string entity_id;
  std::string reason;       // human text: "same email taro@example.co.jp"
  std::string rule;         // identity rule name from the design: "email", "corporate_number", ...
  double confidence = 1.0;  // 0..1
  bool operator==(const EntityLink&) const = default;
};

/// One value of one property as one source record gave it. All values are kept; `chosen`
/// marks the one conflict resolution picked, so losing values stay visible.
struct FieldValue {
  std::string entity_id;
  std::string property;  // canonical key (store/canonical.h)
  std::string value;
  std::string source;
  std::string source_record_id;
  int64_t observed_at_ms = 0;
  bool chosen = false;
  bool operator==(const FieldValue&) const = default;
};

/// The whole identity state, replaced atomically.
struct IdentitySnapshot {
  std::vector<Entity> entities;
  std::vector<EntityLink> links;
  std::vector<FieldValue> field_values;
};

/// The identity state in pieces, for Store::replace_identity_chunked: each call fills `chunk`
/// (handed over empty) with the next rows and returns true, or returns false when there are no
/// more rows. A chunk's links and values name entities of that chunk or of an earlier one.
using IdentityChunkSource = std::function<Result<bool>(IdentitySnapshot& chunk)>;

/// An entity with everything known about it, as load_entity returns it.
struct EntityRecord {
  Entity entity;
  std::vector<EntityLink> links;         // ordered by (source, kind, id)
  std::vector<FieldValue> field_values;  // ordered by (property, observed_at_ms, source)
};

}  // namespace revarch
