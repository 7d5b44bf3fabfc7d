#pragma once
// The outcome of identity resolution: entities (people, companies, deals) with stable ids, the
// link of every source record to its entity with the reason, every observed field value with the
// chosen one marked, employment histories, and the log of merges (done and blocked) for
// `explain`.
//
// Field values are not copied: the result shares the resolver's record table (immutable once
// shared) and materialises values on request, so a result for a million records stays small.
// Immutable after construction; const methods are safe to call from several threads.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "identity/config.h"
#include "identity/record_table.h"
#include "identity/string_pool.h"
#include "store/entities.h"
#include "store/event.h"

namespace revarch::identity {

enum class EntityType : uint8_t { kPerson, kCompany, kDeal };
/// "person", "company", "deal".
const char* entity_type_name(EntityType t);

/// One stint of a person at a company (indices into IdentityResult::entities()).
struct Employment {
  uint32_t company = 0;
  int64_t from_ms = 0;       // first time the person was seen there
  int64_t to_ms = 0;         // when the next company was first seen; 0 = still there (last)
  int64_t last_seen_ms = 0;  // last time a source still showed the person there
  bool operator==(const Employment&) const = default;
};

struct ResolvedEntity {
  std::string id;  // "P-…" person, "C-…" company, "D-…" deal: hash of the smallest member ref
  EntityType type = EntityType::kPerson;
  std::vector<uint32_t> records;       // member record indices, sorted by SourceRef
  std::vector<Employment> employment;  // people: ordered by from_ms
  std::vector<uint32_t> companies;     // deals: associated company entities
  std::vector<uint32_t> people;        // deals: associated person entities
};

/// Why a source record belongs to its entity.
struct Link {
  SourceRef ref;
  uint32_t entity = 0;  // index into entities()
  std::string rule;     // "email", "crm_id", "corporate_number", ... or "source_record"
  std::string reason;   // "email=taro.yamada@example.co.jp", "sf:ConvertedContactId", ...
};

/// One observed value of one property, as one source record last gave it.
struct FieldObservation {
  std::string property;
  std::string value;
  SourceRef record;
  int64_t observed_at_ms = 0;
  bool chosen = false;
};

/// A merge identity resolution did, or one a guard refused.
struct MergeStep {
  SourceRef a;
  SourceRef b;
  std::string rule;
  std::string reason;
  std::string blocked_by;  // "" when merged; else the guard: "email_conflict", ...
};

class IdentityResult {
 public:
  IdentityResult() = default;

  const std::vector<ResolvedEntity>& entities() const { return entities_; }
  /// Number of source records (links); link(i) for i < record_count().
  size_t record_count() const { return links_.size(); }
  Link link(uint32_t record) const;
  /// The entity of `ref` (Salesforce 15-character ids accepted), or nullptr when unknown.
  const ResolvedEntity* entity_of(const SourceRef& ref) const;
  /// The company entity a person record was last seen at (its employer relation with the
  /// latest sighting; ties: the smaller SourceRef), or nullptr when `ref` is unknown, not a person
  /// record, or names no company.
  const ResolvedEntity* employer_of(const SourceRef& ref) const;
  /// The entity with id `id`, or nullptr.
  const ResolvedEntity* find_entity(std::string_view id) const;
  uint32_t index_of(const ResolvedEntity& e) const {
    return static_cast<uint32_t>(&e - entities_.data());
  }

  /// Every observed value of every property of the entity's records, ordered by property,
  /// then chosen first, then most recent. Exactly one value per property is chosen.
  std::vector<FieldObservation> fields(const ResolvedEntity& e) const;
  /// The chosen value of `property`, or nullopt when no member record has one.
  std::optional<std::string> chosen(const ResolvedEntity& e, std::string_view property) const;
  /// The current company of a person (last employment), or nullptr.
  const ResolvedEntity* current_company(const ResolvedEntity& person) const;

  /// Merges done and refused, in the order they were decided.
  std::vector<MergeStep> merges() const;
  /// Human-readable account of why `ref` belongs where it does: its entity, every member with
  /// its reason, the merges and refused merges touching the entity. "" when `ref` is unknown.
  std::string explain(const SourceRef& ref) const;

  /// The store's form (store/entities.h), for Store::replace_identity.
  IdentitySnapshot to_snapshot() const;
  /// The same rows as to_snapshot(), for Store::replace_identity_chunked, without holding them
  /// all: first the entities in entities() order, each with its field values (a chunk closes
  /// once it holds `values_per_chunk` values or more), then the links in (source, kind, id)
  /// order, `values_per_chunk` a chunk. Field values come in to_snapshot()'s order, so the
  /// stored rows (field_values ids included) are the same. The source reads this result: keep
  /// the result alive and unchanged while the source is used. Not thread-safe itself.
  IdentityChunkSource snapshot_chunks(size_t values_per_chunk = 50000) const;

 private:
  friend class ResultBuilder;
  struct RecordLink {
    uint32_t entity = 0;
    uint32_t rule = 0;    // reasons_ id
    uint32_t reason = 0;  // reasons_ id
  };
  struct Step {
    uint32_t a = 0, b = 0;                          // records
    uint32_t rule = 0, reason = 0, blocked_by = 0;  // reasons_ ids
  };
  EntityKind kind_of(const ResolvedEntity& e) const;
  /// Appends the entity's row and its field values to `out`.
  void append_entity(const ResolvedEntity& e, IdentitySnapshot& out) const;
  /// Appends the link of each record in `records` to `out`.
  void append_links(std::span<const uint32_t> records, IdentitySnapshot& out) const;
  /// Record indices ordered by (source, kind, id).
  std::vector<uint32_t> records_in_ref_order() const;
  bool better(const Field& x, uint32_t rx, const Field& y, uint32_t ry,
              const FieldRule& rule) const;

  std::shared_ptr<const RecordTable> table_;
  IdentityConfig config_;
  StringPool reasons_;
  std::vector<RecordLink> links_;  // by record index
  std::vector<Step> steps_;
  std::vector<ResolvedEntity> entities_;
  std::vector<uint32_t> by_id_;  // entity indices sorted by id
};

}  // namespace revarch::identity
