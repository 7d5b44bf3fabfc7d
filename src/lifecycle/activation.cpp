// EntityActivation and EventActivation: what criteria and signal definitions read.
#include <algorithm>
#include <cstdlib>

#include "common/time.h"
#include "lifecycle/features.h"
#include "lifecycle/snapshot.h"
#include "store/canonical.h"

namespace revarch::lifecycle {
namespace {

using expr::TypeKind;
using expr::Value;

thread_local int g_score_depth = 0;  // score.fit / def() inside a fit rule or definition

int32_t entity_for(const ReplayContext& ctx, uint32_t e, FieldSource src) {
  EntityKind k = ctx.map->at(e).kind;
  switch (src) {
    case FieldSource::kContact: return k == EntityKind::kContact ? static_cast<int32_t>(e) : -1;
    case FieldSource::kAccount: return account_of(ctx, e);
    case FieldSource::kDeal: return deal_of(ctx, e);
    default: return -1;
  }
}

int64_t days_between(int64_t a, int64_t b) {
  return (b - a) / kDayMs;
}

}  // namespace

Value EntityActivation::typed(const std::string* text, TypeKind type) const {
  if (!text || text->empty()) return Value();
  const std::string& s = *text;
  switch (type) {
    case TypeKind::kString: return Value(std::string_view(s));
    case TypeKind::kInt: {
      char* end = nullptr;
      long long v = std::strtoll(s.c_str(), &end, 10);
      return end == s.c_str() ? Value() : Value(static_cast<int64_t>(v));
    }
    case TypeKind::kDouble: {
      char* end = nullptr;
      double v = std::strtod(s.c_str(), &end);
      return end == s.c_str() ? Value() : Value(v);
    }
    case TypeKind::kBool: return Value(s == "true" || s == "1" || s == "yes");
    case TypeKind::kTimestamp: {
      auto ms = parse_iso8601_ms(s);
      return ms ? Value(expr::Timestamp{*ms}) : Value();
    }
    default: return Value(std::string_view(s));
  }
}

Value EntityActivation::field(expr::FieldSlot slot) const {
  const FieldBinding& b = ctx_.design->binding(slot);
  switch (b.source) {
    case FieldSource::kNone:
    case FieldSource::kEvent: return Value();
    case FieldSource::kComputed: return computed(b.computed);
    default: break;
  }
  int32_t owner = entity_for(ctx_, e_, b.source);
  if (owner < 0) return Value();
  return typed((*ctx_.rt)[owner].prop(b.prop), b.type);
}

Value EntityActivation::computed(Computed c) const {
  const EntityRt& r = (*ctx_.rt)[e_];
  switch (c) {
    case Computed::kSeniority:
      return r.seniority < 0 ? Value() : Value(seniority_text(r.seniority));
    case Computed::kRole: return r.role < 0 ? Value() : Value(role_text(r.role));
    case Computed::kFit: {
      if (g_score_depth > 0) return Value(0);
      ++g_score_depth;
      int f = fit(ctx_, e_, now_);
      --g_score_depth;
      return Value(f);
    }
    case Computed::kEngagement: return Value(engagement(ctx_, e_, now_));
    case Computed::kHealth: return Value(health(ctx_, e_, now_));
    case Computed::kIsCustomer: {
      int32_t a = account_of(ctx_, e_);
      if (a < 0) return Value(false);
      int won = ctx_.design->prop_of("is_won");
      if (won < 0) return Value(false);
      for (uint32_t d : (*ctx_.rt)[a].deals) {
        const std::string* w = (*ctx_.rt)[d].prop(static_cast<PropId>(won));
        if (w && *w == "true") return Value(true);
      }
      return Value(false);
    }
    default: break;
  }
  CommitteeSummary s = committee(ctx_, account_of(ctx_, e_), now_);
  switch (c) {
    case Computed::kCommitteeSize: return Value(s.size);
    case Computed::kCommitteeEngaged: return Value(s.engaged);
    case Computed::kCommitteeFunctions: return Value(s.engaged_functions);
    case Computed::kDecisionMakerEngaged: return Value(s.decision_maker_engaged);
    case Computed::kExecutiveEngaged: return Value(s.executive_engaged);
    default: return Value();
  }
}

bool EntityActivation::stage_is(std::string_view id) const {
  auto kind = ctx_.design->stage_kind(id);
  if (!kind) return false;
  int idx = ctx_.design->stage_index(*kind, id);
  const auto& rt = *ctx_.rt;
  EntityKind own = ctx_.map->at(e_).kind;
  if (*kind == own) return rt[e_].stage == idx;
  int32_t account = account_of(ctx_, e_);
  if (*kind == EntityKind::kAccount) return account >= 0 && rt[account].stage == idx;
  const std::vector<uint32_t>* list = nullptr;
  if (*kind == EntityKind::kDeal) {
    list = own == EntityKind::kContact && !rt[e_].deals.empty() ? &rt[e_].deals
           : account >= 0                                       ? &rt[account].deals
                                                                : nullptr;
  } else {
    list = own == EntityKind::kDeal ? &rt[e_].members
           : account >= 0           ? &rt[account].members
                                    : nullptr;
  }
  if (!list) return false;
  for (uint32_t x : *list)
    if (rt[x].stage == idx) return true;
  return false;
}

bool EntityActivation::in_substate(std::string_view id) const {
  const auto& rt = *ctx_.rt;
  auto holds = [&](uint32_t x) {
    const EntityRt& r = rt[x];
    if (r.stage < 0 || r.substate < 0) return false;
    const auto& plan = ctx_.design->plans(ctx_.map->at(x).kind)[r.stage];
    return plan.stage->substates[r.substate].id == id;
  };
  if (holds(e_)) return true;
  if (ctx_.map->at(e_).kind == EntityKind::kDeal) return false;
  int32_t d = deal_of(ctx_, e_);
  return d >= 0 && holds(static_cast<uint32_t>(d));
}

int64_t EntityActivation::window(int64_t w) const {
  // (now - w, now] clipped to (floor, now]
  if (floor_ == std::numeric_limits<int64_t>::min()) return w;
  return std::max<int64_t>(0, std::min(w, now_ - floor_));
}

Value EntityActivation::call(expr::FunctionSlot fn, std::span<const Value> args) const {
  const EntityRt& r = (*ctx_.rt)[e_];
  const CompiledDesign& d = *ctx_.design;
  switch (d.function(fn)) {
    case Fn::kSignalsCount: {
      int s = d.signal_index(args[0].as_string());
      if (s < 0) return Value(0);
      return Value(count_hits(ctx_, e_, s, -1, window(args[1].as_duration().ms), now_));
    }
    case Fn::kSignalsCountIntent: {
      int i = d.intent_index(args[0].as_string());
      if (i < 0) return Value(0);
      return Value(count_hits(ctx_, e_, -1, i, window(args[1].as_duration().ms), now_));
    }
    case Fn::kSignalsLast: {
      int s = d.signal_index(args[0].as_string());
      int64_t t = s < 0 ? -1 : last_hit(ctx_, e_, s, now_);
      return t < 0 || t <= floor_ ? Value() : Value(expr::Timestamp{t});
    }
    case Fn::kDaysInStage: return r.stage < 0 ? Value() : Value(days_between(r.stage_since, now_));
    case Fn::kBusinessDaysInStage:
      return r.stage < 0 ? Value() : Value(d.calendar().business_days_between(r.stage_since, now_));
    case Fn::kDaysSince:
      return args[0].is_null() ? Value() : Value(days_between(args[0].as_timestamp().ms, now_));
    case Fn::kBusinessDaysSince:
      return args[0].is_null()
                 ? Value()
                 : Value(d.calendar().business_days_between(args[0].as_timestamp().ms, now_));
    case Fn::kDef: {
      int i = d.definition_index(args[0].as_string());
      if (i < 0 || depth_ > 8) return Value(false);
      const auto& def = d.design().definitions[i];
      if (!def.expr.compiled()) return Value(false);
      ++depth_;
      bool held = def.expr.program->eval_bool(*this);
      --depth_;
      return Value(held);
    }
    case Fn::kStageIs: return Value(stage_is(args[0].as_string()));
    case Fn::kInSubstate: return Value(in_substate(args[0].as_string()));
    case Fn::kUnknown: break;
  }
  return Value();
}

Value EventActivation::field(expr::FieldSlot slot) const {
  const FieldBinding& b = design_.binding(slot);
  if (b.source == FieldSource::kComputed) {
    switch (b.computed) {
      case Computed::kEventType: return Value(std::string_view(event_.type));
      case Computed::kEventSource: return Value(std::string_view(event_.source));
      case Computed::kEventOccurredAt: return Value(expr::Timestamp{event_.occurred_at_ms});
      default: return Value();
    }
  }
  if (b.source != FieldSource::kEvent) return Value();
  const std::string& key = design_.prop_key(b.prop);
  const std::string* v = find_property(event_.properties, key);
  if ((!v || v->empty()) && key == "channel") {
    // No channel of its own: a record's first-touch source names it ("REFERRALS" -> referral).
    const std::string* source = find_property(event_.properties, canon::kOriginalSource);
    if (!source || source->empty()) return Value();
    channel_ = channel_of_source(*source);
    return Value(std::string_view(channel_));
  }
  if (!v || v->empty()) return Value();
  return Value(std::string_view(*v));
}

}  // namespace revarch::lifecycle
