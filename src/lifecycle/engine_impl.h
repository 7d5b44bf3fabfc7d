#pragma once
// Internal to the lifecycle layer: the engine's state, shared by engine.cpp, derived_state.cpp
// and explain.cpp.

#include <optional>
#include <queue>
#include <set>
#include <string>
#include <utility>

#include "lifecycle/engine.h"
#include "lifecycle/runtime.h"

namespace revarch::lifecycle {

struct LifecycleEngine::Impl {
  std::shared_ptr<const CompiledDesign> design;
  EntityMap map;
  ReplayOptions options;
  std::vector<Event> events;  // whole events, only with ReplayOptions::keep_events
  LiteLog log;                // what the stage engine reads of each event (parallel to prepared)
  std::vector<PreparedEvent> prepared;
  std::vector<EntityRt> rt;
  std::vector<Partition> partitions;
  std::vector<uint32_t> partition_of;  // per entity
  int64_t as_of = 0;
  bool any_event = false;
  int64_t max_seq = 0;
  int64_t unresolved = 0;
  int64_t derived_events = 0;  // record.created events implied by snapshots (snapshot.h)
  size_t given = 0;            // events given to the replay being built
  static constexpr size_t kBatch = 8192;
  std::vector<std::pair<Event, bool>> batch;  // (event, derived) waiting for flush_batch()
  std::set<std::pair<std::string, int64_t>> created_seen;  // (record, created_at) derived once
  using Wake = std::pair<int64_t, uint32_t>;               // (time, partition)
  std::priority_queue<Wake, std::vector<Wake>, std::greater<>> wakes;

  ReplayContext context() { return ReplayContext{design.get(), &map, &log, &prepared, &rt}; }
  ReplayContext context() const {
    auto* self = const_cast<Impl*>(this);  // the context's state pointer is read-only here
    return self->context();
  }
  void prepare_resolve(PreparedEvent* pe, const Event& e);
  void classify(PreparedEvent* pe, const Event& e) const;
  void grow_entities();
  /// The record.created event `e` implies, unless one was derived for its record and time.
  std::optional<Event> derive_created(const Event& e);
  void advance(int64_t t);
  /// Classifies, resolves and keeps the batch's events (begin/add_event/finish_replay).
  void flush_batch();
  void push_wake(uint32_t p);
  EntityState state_of(uint32_t e, bool take) const;
  DerivedState derived(bool take) const;
};

}  // namespace revarch::lifecycle
