#pragma once
// The lifecycle engine: replays the event log through a design and keeps, per entity, the stage
// and sub-state with every transition (and the criterion values that caused it), alerts for
// stalled and stuck entities, scores and the buying committee. docs/lifecycle.md.
//
//   auto design = std::make_shared<const CompiledDesign>(loaded, version);
//   LifecycleEngine engine(design, std::move(entity_map));
//   engine.replay(std::move(events));          // full replay (2 threads, by partition)
//   engine.apply(new_event);                   // incremental: same result as a full replay
//   DerivedState state = engine.derived();     // canonical() / digest() / snapshot()
//
// Determinism: the same events (any input order; ordered by occurred_at, then seq) and design
// give byte-identical derived().canonical(), whatever the thread count, and
// replay(prefix) + apply(each later event) gives the same as replay(all).
//
// Not thread-safe: one caller at a time. replay() uses worker threads internally.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lifecycle/compiled_design.h"
#include "lifecycle/entity_map.h"
#include "store/derived.h"
#include "store/event.h"

namespace revarch::lifecycle {

struct ReplayOptions {
  int threads = 2;  // workers for replay(); 1 = on the calling thread
  /// Keep every whole event for explain's timeline (source record ids, the CRM's own stage).
  /// Without it the engine keeps only what the stage engine reads (a fraction of the memory);
  /// `build` and the benchmark replay without it.
  bool keep_events = true;
};

/// One entity's derived state at the engine's as-of time.
struct EntityState {
  std::string id;
  EntityKind kind = EntityKind::kContact;
  std::string display_name;
  std::string stage;     // "" when the entity entered no stage
  std::string substate;  // "" when the stage has none (or none held yet)
  int64_t stage_since_ms = 0;
  int64_t substate_since_ms = 0;
  int64_t days_in_stage = 0;           // calendar days
  int64_t business_days_in_stage = 0;  // on the design's business calendar
  std::string status;                  // "on_track", "stalled", "stuck" or "" (no benchmark)
  int fit = 0;
  double engagement = 0;
  double health = 0;
  std::string account_id;  // contacts and deals: the current account
  /// Stage changes, then sub-state changes interleaved in time order. A sub-state change has
  /// from_stage/to_stage "stage/substate".
  std::vector<StageTransition> transitions;
  std::vector<Alert> alerts;
};

struct DerivedState {
  std::string design_version;
  int64_t as_of_ms = 0;  // the latest event time; wake-ups are evaluated up to it
  int64_t events = 0;
  int64_t unresolved_events = 0;      // events whose subject no entity claims
  std::vector<EntityState> entities;  // ordered by id

  /// The canonical text form: one line per entity, transition and alert, in id/time order,
  /// numbers in fixed formats. Byte-identical for identical inputs.
  std::string canonical() const;
  /// SHA-256 (hex, 64 digits) of canonical().
  std::string digest() const;
  /// The store's form (Store::replace_derived).
  DerivedSnapshot snapshot() const;
  /// The same, moving the transitions and alerts out of `entities` (left without them) instead
  /// of copying them: one copy of the reasons in memory instead of two.
  DerivedSnapshot take_snapshot();
};

class LifecycleEngine {
 public:
  LifecycleEngine(std::shared_ptr<const CompiledDesign> design, EntityMap map,
                  ReplayOptions options = {});
  ~LifecycleEngine();
  LifecycleEngine(const LifecycleEngine&) = delete;
  LifecycleEngine& operator=(const LifecycleEngine&) = delete;

  /// Replaces all state with the replay of `events`. Events with seq 0 get seq = position + 1.
  void replay(std::vector<Event> events);
  /// The same replay, fed one event at a time (from a store scan, without holding the whole
  /// log): begin_replay(), add_event() for each event in any order, finish_replay(). The result
  /// equals replay() of the same events in the same order.
  void begin_replay();
  void add_event(Event event);
  void finish_replay();
  /// Applies one more event (seq 0: the next seq). Events later than everything seen take the
  /// fast path; an earlier one, or one that joins two partitions, replays its partition.
  void apply(Event event);

  DerivedState derived() const;
  /// derived(), moving the transition reasons out instead of copying them. Afterwards the engine
  /// holds the replay of no event (for a caller that is done with it, such as `build`).
  DerivedState take_derived();
  /// The derived state of one entity (by entity id); nullopt when unknown.
  std::optional<EntityState> entity_state(const std::string& id) const;
  int64_t as_of_ms() const;

  const CompiledDesign& design() const;
  const EntityMap& entities() const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  void apply_one(Event event, bool derived);  // one event of apply(); derived: implied
  std::unique_ptr<Impl> impl_;
};

}  // namespace revarch::lifecycle
