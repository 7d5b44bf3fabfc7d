#pragma once
// Internal to the lifecycle layer: the per-entity state the stage engine keeps while it replays
// the log, and the prepared (resolved, classified) form of an event. Not a public contract.

#include <cstdint>
#include <limits>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include "lifecycle/compiled_design.h"
#include "lifecycle/entity_map.h"
#include "lifecycle/lite_log.h"
#include "lifecycle/small_vec.h"
#include "store/event.h"

namespace revarch::lifecycle {

inline constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

/// A signal that fired at `at`.
struct Hit {
  int64_t at = 0;
  uint16_t signal = 0;
};

/// An exponentially decaying sum, kept as (value at `at`). Adding and reading are O(1); the
/// same sequence of operations gives bit-identical results, which replay equality relies on.
struct Decay {
  double value = 0;
  int64_t at = 0;
  double at_time(int64_t t, int64_t half_life_ms) const;
  void add(double w, int64_t t, int64_t half_life_ms);
};

struct TransitionRec {
  int64_t at = 0;
  int16_t from = -1, to = -1;          // stage indices in the kind's plans
  int16_t from_sub = -1, to_sub = -1;  // sub-state indices (sub-state changes)
  bool substate = false;
  std::string reason_json;
};

struct AlertRec {
  int64_t at = 0;
  std::string kind, severity, message, details_json;
};

/// Everything the engine knows about one entity at the current replay time.
struct EntityRt {
  std::vector<std::pair<PropId, std::string>> props;  // latest value per property
  std::vector<Hit> hits;  // signals on this entity (accounts: also their contacts'), in time order
  Decay engagement;
  int32_t account = -1;           // contacts and deals: the current account
  std::vector<uint32_t> members;  // accounts: contacts; deals: contacts on the deal
  std::vector<uint32_t> deals;    // accounts and contacts: their deals
  int16_t stage = -1, substate = -1;
  int64_t stage_since = 0, substate_since = 0;
  int8_t seniority = -1, role = -1;
  int64_t last_activity = -1;  // time of the last signal; -1 never
  uint8_t alerted = 0;         // bit 0 stalled, bit 1 stuck (for the current stint)
  // Re-entry (docs/lifecycle.md "Re-entry"): per stage index, the last time the entity left it
  // (-1 never; empty until the first departure), and bit j set once stage j may be entered
  // again because its entry criterion was seen false after the departure.
  std::vector<int64_t> left_at;
  uint64_t rearmed = 0;
  int64_t next_wake = kNever;
  std::vector<TransitionRec> transitions;
  std::vector<AlertRec> alerts;

  const std::string* prop(PropId p) const {
    for (const auto& [k, v] : props)
      if (k == p) return &v;
    return nullptr;
  }
};

/// An event resolved to entities and classified into signals, once.
struct PreparedEvent {
  int64_t at = 0;
  int64_t seq = 0;
  uint32_t event = 0;             // index into the LiteLog (and the full events when kept)
  int32_t subject = -1;           // entity index, -1 when unresolved
  SmallVec<uint32_t, 3> related;  // resolved related entities
  SmallVec<uint16_t, 4> signals;  // fired signal indices
};

/// A set of entities that share no event with any other set: replayed alone, in parallel.
struct Partition {
  std::vector<uint32_t> entities;
  std::vector<uint32_t> events;               // indices into prepared events, in (at, seq) order
  using Wake = std::pair<int64_t, uint32_t>;  // (time, entity)
  std::priority_queue<Wake, std::vector<Wake>, std::greater<>> wakes;
  bool alive = true;  // false once merged into another
};

/// Read-mostly context of a replay: design, entities, events, per-entity state.
struct ReplayContext {
  const CompiledDesign* design = nullptr;
  const EntityMap* map = nullptr;
  const LiteLog* log = nullptr;
  const std::vector<PreparedEvent>* prepared = nullptr;
  std::vector<EntityRt>* rt = nullptr;
};

}  // namespace revarch::lifecycle
