#pragma once
// Identity resolution: which source records (HubSpot, Salesforce, Sansan/Eight, GA4) are the
// same person, company or deal. Feed it every canonical event once (any order), then resolve().
//
//   IdentityResolver resolver(config);
//   for (const Event& e : events) resolver.add(e);
//   IdentityResult result = resolver.resolve();
//
// Memory grows with the distinct source records and values, not with the number of events.
// Not thread-safe. resolve() may be called repeatedly, add() may continue after it: results
// already returned are not affected (the record table is copied on write).

#include <memory>

#include "identity/config.h"
#include "identity/record_table.h"
#include "identity/result.h"
#include "store/event.h"

namespace revarch::identity {

class IdentityResolver {
 public:
  explicit IdentityResolver(IdentityConfig config = {});
  IdentityResolver(const IdentityResolver&) = delete;
  IdentityResolver& operator=(const IdentityResolver&) = delete;

  /// Folds one event in: record snapshots, property changes, cards, job changes, lead
  /// conversions, merges, associations and web events. Events about owners are ignored.
  void add(const Event& e);

  /// Resolves everything added so far. Deterministic: the same events in any order give the
  /// same entities, ids, links, reasons and chosen values.
  IdentityResult resolve() const;

  size_t record_count() const { return table_->records().size(); }
  const IdentityConfig& config() const { return *config_; }

 private:
  std::shared_ptr<const IdentityConfig> config_;
  std::shared_ptr<RecordTable> table_;
};

}  // namespace revarch::identity
