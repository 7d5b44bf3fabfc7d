#pragma once
// Features of an entity at an instant, computed from the replay state: windowed signal counts,
// the buying committee, scores. Internal to the lifecycle layer. All functions are pure reads
// of the context and safe to call concurrently for entities of different partitions.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "expr/expr.h"
#include "lifecycle/runtime.h"

namespace revarch::lifecycle {

/// The buying committee of an account at an instant.
struct CommitteeSummary {
  int size = 0;
  int engaged = 0;
  int engaged_functions = 0;
  bool decision_maker_engaged = false;
  bool executive_engaged = false;
  double top_engagement = 0;  // the most engaged single contact's engagement score
  bool operator==(const CommitteeSummary&) const = default;
};

/// The account an entity's committee and account.* fields come from; -1 when none.
int32_t account_of(const ReplayContext& ctx, uint32_t e);
/// A contact's or account's open deal (the latest one not closed, else the latest); a deal
/// itself; -1 when none.
int32_t deal_of(const ReplayContext& ctx, uint32_t e);

/// Signals on `e` within (now - window, now]; `signal` -1 = any, `intent` -1 = any.
int64_t count_hits(const ReplayContext& ctx, uint32_t e, int signal, int intent, int64_t window,
                   int64_t now);
/// Last time `signal` fired on `e` at or before now; -1 when never.
int64_t last_hit(const ReplayContext& ctx, uint32_t e, int signal, int64_t now);
/// Last signal of any kind on the entity (for accounts and deals: on the account too).
int64_t last_activity(const ReplayContext& ctx, uint32_t e);

CommitteeSummary committee(const ReplayContext& ctx, int32_t account, int64_t now);
double engagement(const ReplayContext& ctx, uint32_t e, int64_t now);
/// 0..100: 20 per engaged stakeholder (up to 3), 10 per engaged function (up to 2), 10 for an
/// engaged decision-maker, up to 10 for the most active contact's momentum. Multi-threading
/// (60 + 20) outweighs single-thread momentum (10). docs/lifecycle.md.
double health(const ReplayContext& ctx, uint32_t e, int64_t now);
/// One line of the health score.
struct Contribution {
  std::string what;
  double points = 0;
};
std::vector<Contribution> health_contributions(const CommitteeSummary& c);
/// Sum of the points of the fit rules that hold.
int fit(const ReplayContext& ctx, uint32_t e, int64_t now);

/// Field values and domain functions of one entity at `now`, for criteria.
class EntityActivation final : public expr::Activation {
 public:
  EntityActivation(const ReplayContext& ctx, uint32_t e, int64_t now)
      : ctx_(ctx), e_(e), now_(now) {}
  /// Signal functions (signals.count, count_intent, last) see only the entity's signals after
  /// `floor` (re-entry's "new evidence" test); scores and the committee are unaffected.
  EntityActivation(const ReplayContext& ctx, uint32_t e, int64_t now, int64_t signals_after)
      : ctx_(ctx), e_(e), now_(now), floor_(signals_after) {}
  expr::Value field(expr::FieldSlot slot) const override;
  expr::Value call(expr::FunctionSlot fn, std::span<const expr::Value> args) const override;
  expr::Timestamp now() const override { return expr::Timestamp{now_}; }

 private:
  expr::Value typed(const std::string* text, expr::TypeKind type) const;
  expr::Value computed(Computed c) const;
  bool stage_is(std::string_view id) const;
  int64_t window(int64_t w) const;  // a signal window clipped to the floor
  bool in_substate(std::string_view id) const;

  const ReplayContext& ctx_;
  uint32_t e_;
  int64_t now_;
  int64_t floor_ = std::numeric_limits<int64_t>::min();
  mutable int depth_ = 0;  // guards def() and score.fit against recursion
};

/// The event.* fields of one event, for signal classification.
class EventActivation final : public expr::Activation {
 public:
  EventActivation(const CompiledDesign& design, const Event& event)
      : design_(design), event_(event) {}
  expr::Value field(expr::FieldSlot slot) const override;
  expr::Timestamp now() const override { return expr::Timestamp{event_.occurred_at_ms}; }

 private:
  const CompiledDesign& design_;
  const Event& event_;
  mutable std::string channel_;  // event.channel derived from original_source
};

const char* seniority_text(int s);
const char* role_text(int r);

}  // namespace revarch::lifecycle
