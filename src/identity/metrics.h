#pragma once
// How well identity resolution matched, against a ground truth (the demo world knows which
// source records are the same person or company). Pairwise precision and recall over records:
// a pair of records is "predicted" when they share an entity, "true" when they share a true id.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"
#include "identity/result.h"
#include "store/event.h"

namespace revarch::identity {

struct GroundTruth {
  /// "source|kind|id" (truth_key) -> true id.
  using Map = std::unordered_map<std::string, std::string>;
  Map people;
  Map companies;
};

/// The key GroundTruth maps use for a record (Salesforce ids in the 18-character form).
std::string truth_key(const SourceRef& ref);

struct PairwiseScore {
  size_t records = 0;     // records in the truth
  size_t unresolved = 0;  // of them, unknown to the result (counted as singletons)
  uint64_t true_pairs = 0;
  uint64_t predicted_pairs = 0;
  uint64_t correct_pairs = 0;
  double precision = 1.0;  // correct / predicted (1 when nothing was predicted)
  double recall = 1.0;     // correct / true (1 when there is nothing to find)
  double f1 = 1.0;
};

struct IdentityMetrics {
  PairwiseScore people;
  PairwiseScore companies;
};

/// Scores `result` against `truth`. Only records listed in the truth are counted. A person
/// record (a card, a contact) in `truth.companies` is scored by the company it names: the
/// entity of its latest employer (IdentityResult::employer_of).
IdentityMetrics evaluate(const IdentityResult& result, const GroundTruth& truth);

/// Reads one truth CSV into `into`. Columns are found by header name, in any order:
/// source, kind (optional, also `record_type`, any case; contact/lead/card/visitor/
/// user_pseudo_id/account/company/deal...), source_record_id
/// (or record_id / id), true_id (or entity_id / truth_id). A UTF-8 BOM and CRLF are accepted.
/// Fails with kIo when the file cannot be read, kParse (file:line) on a missing column or a row
/// with too few fields.
Status load_truth_csv(const std::string& path, EntityKind default_kind, GroundTruth::Map& into);

/// Reads `dir`/people.csv and `dir`/companies.csv (either may be missing, not both).
Result<GroundTruth> load_ground_truth(const std::string& dir);

}  // namespace revarch::identity
