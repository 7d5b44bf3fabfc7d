#pragma once
// Derived state written by the lifecycle engine: stage transitions and alerts. Derived means
// re-computable: the engine replaces it as a whole after replaying the log through a design
// (Store::replace_derived). Plain value types; the lifecycle layer may add fields.

#include <cstdint>
#include <string>
#include <vector>

namespace revarch {

/// An entity moved from one stage to another.
struct StageTransition {
  std::string entity_id;
  int64_t at_ms = 0;       // UTC
  std::string from_stage;  // "" for the first stage
  std::string to_stage;
  std::string reason_json;     // which criteria held, as a JSON document (free form)
  std::string design_version;  // hash or version of the design that derived it
  bool operator==(const StageTransition&) const = default;
};

/// Something a person should look at: a stuck deal, a missed hand-off SLA.
struct Alert {
  std::string entity_id;
  int64_t at_ms = 0;
  std::string kind;      // "deal.stuck", "handoff.sla_missed", ...
  std::string severity;  // "high", "medium", "low"
  std::string message;
  std::string details_json;
  std::string design_version;
  bool operator==(const Alert&) const = default;
};

/// Everything one derivation run produced; replace_derived swaps it in atomically.
struct DerivedSnapshot {
  std::string design_version;
  std::vector<StageTransition> transitions;
  std::vector<Alert> alerts;
};

}  // namespace revarch
