#pragma once
// A design prepared for fast replay: the schema's fields bound to where their values live,
// stages grouped per object kind, signal weights, title rules and the wake-up offsets that let
// time-driven criteria (silence, windows, benchmarks) fire between events.
// Immutable after build(); safe to share between threads.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "calendar/business_calendar.h"
#include "common/status.h"
#include "design/model.h"
#include "store/event.h"

namespace revarch::lifecycle {

inline constexpr int64_t kDayMs = 86'400'000;
/// "Engaged" means a signal within this window (committee.engaged, docs/lifecycle.md).
inline constexpr int64_t kEngagedWindowMs = 90 * kDayMs;

using PropId = uint8_t;

/// Where a schema field's value comes from.
enum class FieldSource : uint8_t {
  kNone,      // not supplied by the lifecycle engine (signal.*): null
  kContact,   // a property of the contact
  kAccount,   // a property of the account (the contact's or deal's account)
  kDeal,      // a property of the deal (a contact's / account's open deal)
  kEvent,     // a property of the event being classified
  kComputed,  // seniority, role, scores, committee
};

enum class Computed : uint8_t {
  kNone,
  kSeniority,
  kRole,
  kFit,
  kEngagement,
  kHealth,
  kCommitteeSize,
  kCommitteeEngaged,
  kCommitteeFunctions,
  kDecisionMakerEngaged,
  kExecutiveEngaged,
  kIsCustomer,
  kEventType,
  kEventSource,
  kEventOccurredAt,
};

enum class Fn : uint8_t {
  kUnknown,
  kSignalsCount,
  kSignalsCountIntent,
  kSignalsLast,
  kDaysInStage,
  kBusinessDaysInStage,
  kDaysSince,
  kBusinessDaysSince,
  kDef,
  kStageIs,
  kInSubstate,
};

struct FieldBinding {
  FieldSource source = FieldSource::kNone;
  PropId prop = 0;
  Computed computed = Computed::kNone;
  expr::TypeKind type = expr::TypeKind::kString;
};

/// One stage of one object kind, with what the engine needs at run time.
struct StagePlan {
  const design::Stage* stage = nullptr;
  std::vector<int> next;  // indices into the kind's plan list, in the design's order
  bool root = false;      // no stage of the same kind leads here: where entities start
  /// Sorted distinct offsets (ms) after an anchor (stage entry, sub-state entry, last signal)
  /// at which a criterion of this stage could change its value with no new event.
  std::vector<int64_t> wake_offsets;
};

class CompiledDesign {
 public:
  /// Prepares `design` (which must have loaded without errors). `version` identifies it in
  /// every stored transition (design_version_of()).
  CompiledDesign(std::shared_ptr<const design::Design> design, std::string version);

  const design::Design& design() const { return *design_; }
  const std::string& version() const { return version_; }
  const calendar::BusinessCalendar& calendar() const { return calendar_; }

  const FieldBinding& binding(expr::FieldSlot slot) const { return bindings_[slot]; }
  Fn function(expr::FunctionSlot slot) const { return functions_[slot]; }
  /// PropId of a canonical property key, or -1 when no field reads it.
  int prop_of(std::string_view key) const;
  size_t prop_count() const { return prop_keys_.size(); }
  /// True when a contact, account or deal field reads this property (worth keeping per entity).
  bool entity_prop(PropId p) const { return entity_prop_[p]; }
  const std::string& prop_key(PropId p) const { return prop_keys_[p]; }
  /// The binding of a contact.*, account.* or deal.* field path ("contact.title"), as a
  /// connector's field mapping names a property; nullptr for other paths.
  const FieldBinding* entity_field(std::string_view path) const;

  const std::vector<StagePlan>& plans(EntityKind kind) const;
  /// Index of a stage id in plans(kind), or -1.
  int stage_index(EntityKind kind, std::string_view id) const;
  /// The object kind a stage id belongs to; nullopt when no stage has this id.
  std::optional<EntityKind> stage_kind(std::string_view id) const;

  int signal_index(std::string_view id) const;
  int intent_index(std::string_view intent) const;  // 0 high, 1 medium, 2 low, -1 unknown
  /// Engagement points of a signal (signal_weights, else intent_weights, else 30/10/3).
  double signal_weight(int signal) const { return weights_[signal]; }
  int signal_intent(int signal) const;
  /// Half-life in ms; 0 means no decay.
  int64_t half_life_ms() const { return half_life_ms_; }
  int definition_index(std::string_view name) const;

  /// Seniority and role of a title by the design's title map; -1 when no rule matches.
  std::pair<int, int> classify_title(std::string_view title) const;

 private:
  void bind_fields();
  void plan_stages();
  std::vector<int64_t> offsets_of(const design::Criterion& c) const;

  std::shared_ptr<const design::Design> design_;
  std::string version_;
  calendar::BusinessCalendar calendar_;
  std::vector<FieldBinding> bindings_;
  std::vector<Fn> functions_;
  std::vector<std::string> prop_keys_;
  std::unordered_map<std::string, PropId> prop_ids_;
  std::vector<bool> entity_prop_;
  std::unordered_map<std::string, FieldBinding> entity_fields_;  // "contact.title" -> binding
  std::vector<StagePlan> plans_[3];                              // contact, account, deal
  std::vector<double> weights_;
  int64_t half_life_ms_ = 0;
  std::vector<std::vector<std::string>> title_keys_;  // normalised match strings per rule
  std::vector<int64_t> definition_offsets_;
  // Views into design_'s strings (criteria look signals and definitions up on every call).
  std::unordered_map<std::string_view, int> signal_ids_, definition_ids_;
};

/// A stable identifier of the design: SHA-256 (128 bits, hex) over the content of every file
/// of the design in load order. kIo when a file cannot be read.
Result<std::string> design_version_of(const design::Design& design);

/// The business calendar of a design's market section.
calendar::BusinessCalendar calendar_of(const design::Market& market);

}  // namespace revarch::lifecycle
