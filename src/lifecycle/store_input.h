#pragma once
// Reading the lifecycle engine's input from a Store: the entity map (identity results) and the
// event log in (occurred_at, seq) order.

#include <memory>
#include <vector>

#include "common/diagnostic.h"
#include "common/status.h"
#include "lifecycle/engine.h"
#include "lifecycle/entity_map.h"
#include "store/store.h"

namespace revarch::lifecycle {

/// Entities and links from the store's identity results. Records no link names become entities
/// of their own (implicit), so a log ingested without identity still replays.
Result<EntityMap> load_entity_map(Store& store);

/// Every event of the log, in (occurred_at, seq) order (Store::scan_events).
Result<std::vector<Event>> load_events(Store& store);

/// Loads the design at `design_path` (errors go to `diags` and fail with kInvalidDesign), reads
/// the store's entities and log, and replays them. The engine is ready for derived() / explain.
Result<std::unique_ptr<LifecycleEngine>> replay_store(const std::string& design_path, Store& store,
                                                      const ReplayOptions& options,
                                                      Diagnostics* diags);

}  // namespace revarch::lifecycle
