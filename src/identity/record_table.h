#pragma once
// The per-source-record state identity resolution keeps while events stream in: for each
// distinct SourceRef its latest value of every property (with when it was observed) and its
// relations to other records. Memory is proportional to distinct records and values, not events.
//
// Not thread-safe; copyable (IdentityResolver copies on write when a result still shares it).

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "identity/config.h"
#include "identity/string_pool.h"
#include "store/event.h"

namespace revarch::identity {

/// Which kind of entity a record can join.
enum class Group : uint8_t { kPerson, kCompany, kDeal, kNone };
Group group_of(EntityKind kind);

/// The latest value of one property of one record.
struct Field {
  uint32_t prop = 0;   // pool id of the canonical property name
  uint32_t value = 0;  // pool id of the value
  int64_t observed_at_ms = 0;
};

enum class RelationType : uint8_t {
  kSameAs,      // the two records are the same entity (cross reference)
  kEmployer,    // a person record -> a company record it was seen at
  kAssociated,  // deal <-> account/contact
};

/// Why a kSameAs relation exists.
enum class SameAsWhy : uint8_t { kCrossRef, kLeadConversion, kMerged, kUserId };

struct Relation {
  uint32_t target = 0;  // record index
  RelationType type = RelationType::kAssociated;
  SameAsWhy why = SameAsWhy::kCrossRef;
  int64_t first_at_ms = 0;  // kEmployer: first and last time the person was seen there
  int64_t last_at_ms = 0;
};

struct Record {
  uint32_t source = 0;  // pool id
  uint32_t id = 0;      // pool id (Salesforce ids in the 18-character form)
  EntityKind kind = EntityKind::kContact;
  bool implied = false;  // a company known only by the name a person record gave
  std::vector<Field> fields;
  std::vector<Relation> relations;
  std::vector<uint32_t> past_emails;  // e-mail values replaced by a later one (still keys)
  // Card job moves (Sansan's 人事異動): the latest contact.job_changed of this record (0: none)
  // and whether a contact.resigned said the person left the company this record names.
  int64_t moved_at_ms = 0;
  bool resigned = false;
};

class RecordTable {
 public:
  explicit RecordTable(const IdentityConfig* config) : config_(config) {}

  /// Folds one event into the table. Events of kind kOwner are ignored. Order-independent:
  /// a value is replaced only by one observed at the same time or later (ties: the greater
  /// value), so any permutation of the same events gives the same table content.
  void add(const Event& e);

  const std::vector<Record>& records() const { return records_; }
  const StringPool& pool() const { return pool_; }
  StringPool& pool() { return pool_; }
  /// The value of property `prop` (pool id) of record `r`, or "".
  std::string_view value(const Record& r, uint32_t prop) const;
  /// The property's pool id; UINT32_MAX when never seen.
  uint32_t prop_id(std::string_view name) const { return pool_.find(name); }
  SourceRef ref(uint32_t record) const;
  /// The record index of `ref`, or UINT32_MAX when unknown.
  uint32_t find(const SourceRef& ref) const;
  void set_config(const IdentityConfig* config) { config_ = config; }
  /// For a company name value (pool id) some person record gave while events were added: the
  /// pool id of "~" + normalize_company_name(name), or 0 when that key is empty. UINT32_MAX
  /// when the name was never normalised here.
  uint32_t company_key_of(uint32_t name_value) const;

 private:
  uint32_t record_for(std::string_view source, EntityKind kind, std::string_view id,
                      bool implied = false);
  uint32_t record_for(const SourceRef& ref) { return record_for(ref.source, ref.kind, ref.id); }
  void set_field(uint32_t record, std::string_view prop, std::string_view value, int64_t at);
  void relate(uint32_t from, uint32_t to, RelationType type, SameAsWhy why, int64_t at);
  void apply_snapshot(uint32_t subject, const Event& e, const Properties& props);
  void apply_related(uint32_t subject, const Event& e);
  uint32_t implied_company(const Event& e, const Properties& props, std::string_view name_prop);
  bool keeps(EntityKind kind, std::string_view prop) const;

  const IdentityConfig* config_;  // not owned
  StringPool pool_;
  std::vector<Record> records_;
  std::unordered_map<uint64_t, uint32_t> index_;
  std::unordered_map<uint32_t, uint32_t> company_keys_;  // raw name id -> "~key" id (0: none)
};

}  // namespace revarch::identity
