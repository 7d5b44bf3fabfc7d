#pragma once
// Internal to revarch_identity: turns a record table into an IdentityResult. Companies are
// clustered first (so people can be matched on name + company entity), then people, then deals;
// within each, the rules run in the configured order and every merge or refusal is logged.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "identity/clusters.h"
#include "identity/config.h"
#include "identity/keys.h"
#include "identity/record_table.h"
#include "identity/result.h"

namespace revarch::identity {

class ResultBuilder {
 public:
  ResultBuilder(std::shared_ptr<const RecordTable> table, const IdentityConfig& config);
  IdentityResult build() &&;

 private:
  struct KeyEntry {
    uint32_t key = 0;    // facts_ id of the normalised key
    uint32_t scope = 0;  // rank of the company root + 1 for name keys; 0 otherwise
    uint32_t record = 0;
  };
  /// Returns the name of the guard that refuses merging the clusters of a and b, or nullptr.
  using Guard = std::function<const char*(uint32_t a, uint32_t b)>;

  void rank_records();
  /// Sorts by (key string, scope, record rank), comparing each distinct key string only while
  /// ordering the distinct keys.
  void sort_entries(std::vector<KeyEntry>& entries);
  void resolve_companies();
  void resolve_people();
  void resolve_deals();
  void add_person_facts();
  void same_as_pass(Group group);
  void user_id_pass();
  /// Sansan's job moves: a card with a job change and a card of the same source marked
  /// resigned, with the same name and reading, and no other card of that name and reading
  /// moved or resigned in that source: one person.
  void job_move_pass(const std::vector<std::pair<uint32_t, uint32_t>>& name_reading);
  /// Merges the records sharing a key. Unguarded: all of them. Guarded: members are taken
  /// strongest first (those whose cluster knows `anchor_fact`), then by rank; a member joins
  /// the one earlier member it is compatible with, stays apart (as a new anchor) when there is
  /// none, and is left alone when there are several (ambiguous).
  void run_groups(std::vector<KeyEntry>& entries, std::string_view rule, std::string_view label,
                  const Guard& guard, std::optional<Fact> anchor_fact = std::nullopt);
  bool merge(uint32_t a, uint32_t b, std::string_view rule, const std::string& reason,
             const char* blocked_by);
  std::string company_display(uint32_t company_root) const;
  void index_company_names();
  void build_entities();
  void build_employment();
  void build_deal_links();

  std::shared_ptr<const RecordTable> table_;
  const IdentityConfig& config_;
  IdentityResult out_;
  std::vector<uint32_t> order_;  // record indices by SourceRef
  std::optional<Clusters> clusters_;
  StringPool facts_;
  std::optional<KeyMaker> keys_;            // writes facts_
  std::vector<uint32_t> company_name_key_;  // by record: facts id of the company name key
  std::vector<uint8_t> has_reason_;
  std::vector<uint32_t> entity_of_;                       // by record, after build_entities
  std::unordered_map<uint32_t, uint32_t> company_names_;  // company root -> name key (facts)
};

}  // namespace revarch::identity
