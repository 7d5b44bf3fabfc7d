#include "lifecycle/stage_engine.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "lifecycle/features.h"
#include "lifecycle/json_out.h"
#include "lifecycle/snapshot.h"
#include "store/canonical.h"

namespace revarch::lifecycle {
namespace {

using nlohmann::json;

EntityKind kind_of(const ReplayContext& ctx, uint32_t e) {
  return ctx.map->at(e).kind;
}

bool holds(const design::Criterion& c, const expr::Activation& act) {
  if (!c.present()) return true;
  return c.compiled() && c.program->eval_bool(act);
}

// One criterion's trace: {"clauses", "definitions", "held", "of", "role", "text"} (keys in
// nlohmann's sorted order, so the bytes equal the tree form's dump()).
void write_trace(JsonOut& j, const design::Criterion& c, const char* role, std::string_view of,
                 const expr::Activation& act, const std::vector<design::Definition>* definitions) {
  j.begin_object();
  if (!c.compiled()) {
    j.key("held").value(!c.present()).key("of").value(of).key("role").value(role);
    j.key("text").value(c.text).end_object();
    return;
  }
  j.key("clauses").begin_array();
  for (const auto& cl : c.program->trace(act)) {
    j.begin_object().key("held").value(cl.held).key("seen").begin_array();
    for (const auto& [k, v] : cl.seen) j.begin_array().value(k).value(v).end_array();
    j.end_array().key("text").value(cl.text).end_object();
  }
  j.end_array();
  // def("name"): show the definition's own clauses too, so the values behind it are visible.
  std::vector<const design::Definition*> defs;
  for (size_t at = c.text.find("def(\""); at != std::string::npos && definitions;
       at = c.text.find("def(\"", at + 1)) {
    size_t start = at + 5, end = c.text.find('"', start);
    if (end == std::string::npos) break;
    std::string_view name = std::string_view(c.text).substr(start, end - start);
    for (const auto& d : *definitions)
      if (d.name == name) defs.push_back(&d);
  }
  std::sort(defs.begin(), defs.end(), [](auto* a, auto* b) { return a->name < b->name; });
  defs.erase(
      std::unique(defs.begin(), defs.end(), [](auto* a, auto* b) { return a->name == b->name; }),
      defs.end());
  if (!defs.empty()) {
    j.key("definitions").begin_object();
    for (const auto* d : defs) {
      j.key(d->name);
      write_trace(j, d->expr, "definition", d->name, act, nullptr);
    }
    j.end_object();
  }
  j.key("held").value(c.program->eval_bool(act)).key("of").value(of).key("role").value(role);
  j.key("text").value(c.text).end_object();
}

void push_unique(std::vector<uint32_t>* v, uint32_t x) {
  if (std::find(v->begin(), v->end(), x) == v->end()) v->push_back(x);
}
void erase_value(std::vector<uint32_t>* v, uint32_t x) {
  v->erase(std::remove(v->begin(), v->end(), x), v->end());
}

}  // namespace

int64_t benchmark_for(const ReplayContext& ctx, uint32_t e, const design::Benchmark& b) {
  int32_t account = account_of(ctx, e);
  int seg = ctx.design->prop_of("segment");
  if (account >= 0 && seg >= 0) {
    if (const std::string* s = (*ctx.rt)[account].prop(static_cast<PropId>(seg))) {
      for (const auto& [name, d] : b.segments)
        if (name == *s) return d.ms;
    }
  }
  return b.default_limit ? b.default_limit->ms : 0;
}

namespace {

struct Stint {
  int64_t since = 0;
  int64_t limit = 0;
  double factor = 1.5;
  const design::Stage* stage = nullptr;
  const design::Substate* sub = nullptr;  // when the benchmark is the sub-state's
  // "opportunity" or "opportunity/internal_approval"
  std::string where() const { return sub ? stage->id + "/" + sub->id : stage->id; }
};

Stint stint_of(const ReplayContext& ctx, uint32_t e) {
  const EntityRt& r = (*ctx.rt)[e];
  Stint s;
  const auto& plan = ctx.design->plans(kind_of(ctx, e))[r.stage];
  const design::Stage& st = *plan.stage;
  s.stage = &st;
  if (r.substate >= 0 && st.substates[r.substate].benchmark.present()) {
    const auto& sub = st.substates[r.substate];
    s.since = r.substate_since;
    s.limit = benchmark_for(ctx, e, sub.benchmark);
    s.factor = sub.stuck_factor;
    s.sub = &sub;
  } else {
    s.since = r.stage_since;
    s.limit = st.terminal ? 0 : benchmark_for(ctx, e, st.benchmark);
    s.factor = st.stuck_factor;
  }
  return s;
}

}  // namespace

std::string stint_status(const ReplayContext& ctx, uint32_t e, int64_t now) {
  const EntityRt& r = (*ctx.rt)[e];
  if (r.stage < 0) return "";
  Stint s = stint_of(ctx, e);
  if (s.limit <= 0) return "";
  int64_t in = now - s.since;
  if (in > static_cast<int64_t>(static_cast<double>(s.limit) * s.factor)) return "stuck";
  if (in > s.limit) return "stalled";
  return "on_track";
}

void PartitionRunner::run_until(int64_t t) {
  auto& rt = *ctx_.rt;
  while (!part_.wakes.empty() && part_.wakes.top().first <= t) {
    auto [w, e] = part_.wakes.top();
    part_.wakes.pop();
    if (rt[e].next_wake != w) continue;
    rt[e].next_wake = kNever;
    evaluate(e, w, nullptr);
  }
}

void PartitionRunner::replay(int64_t as_of) {
  auto& rt = *ctx_.rt;
  for (uint32_t e : part_.entities) rt[e] = EntityRt{};
  part_.wakes = {};
  for (uint32_t i : part_.events) {
    const PreparedEvent& pe = (*ctx_.prepared)[i];
    run_until(pe.at);
    apply(pe);
  }
  run_until(as_of);
}

void PartitionRunner::set_account(uint32_t contact, uint32_t account) {
  auto& rt = *ctx_.rt;
  if (rt[contact].account == static_cast<int32_t>(account)) return;
  if (rt[contact].account >= 0) erase_value(&rt[rt[contact].account].members, contact);
  rt[contact].account = static_cast<int32_t>(account);
  push_unique(&rt[account].members, contact);
}

void PartitionRunner::set_deal_account(uint32_t deal, uint32_t account) {
  auto& rt = *ctx_.rt;
  if (rt[deal].account == static_cast<int32_t>(account)) return;
  if (rt[deal].account >= 0) erase_value(&rt[rt[deal].account].deals, deal);
  rt[deal].account = static_cast<int32_t>(account);
  push_unique(&rt[account].deals, deal);
}

void PartitionRunner::link_deal_contact(uint32_t deal, uint32_t contact) {
  auto& rt = *ctx_.rt;
  push_unique(&rt[deal].members, contact);
  push_unique(&rt[contact].deals, deal);
}

void PartitionRunner::link(uint32_t s, uint32_t o) {
  EntityKind ks = kind_of(ctx_, s), ko = kind_of(ctx_, o);
  using K = EntityKind;
  if (ks == K::kContact && ko == K::kAccount) set_account(s, o);
  if (ks == K::kAccount && ko == K::kContact) set_account(o, s);
  if (ks == K::kDeal && ko == K::kAccount) set_deal_account(s, o);
  if (ks == K::kAccount && ko == K::kDeal) set_deal_account(o, s);
  if (ks == K::kDeal && ko == K::kContact) link_deal_contact(s, o);
  if (ks == K::kContact && ko == K::kDeal) link_deal_contact(o, s);
}

void PartitionRunner::set_prop(uint32_t e, PropId id, std::string_view value) {
  EntityRt& r = (*ctx_.rt)[e];
  const CompiledDesign& d = *ctx_.design;
  bool found = false;
  for (auto& [k, v] : r.props) {
    if (k == id) {
      if (v == value) return;
      v = value;
      found = true;
      break;
    }
  }
  if (!found) r.props.emplace_back(id, value);
  if (kind_of(ctx_, e) == EntityKind::kContact && d.prop_key(id) == canon::kTitle) {
    auto [seniority, role] = d.classify_title(value);
    r.seniority = static_cast<int8_t>(seniority);
    r.role = static_cast<int8_t>(role);
  }
}

void PartitionRunner::update_props(uint32_t s, const EventLite& ev) {
  const CompiledDesign& d = *ctx_.design;
  const bool deal = kind_of(ctx_, s) == EntityKind::kDeal;
  // A key is a canonical property of the subject ("title"), or a field path a connector's field
  // mapping wrote ("contact.title", "account.name"): that field of the subject's contact,
  // account or deal.
  const std::span<const PropView> props = ctx_.log->props(ev);
  const std::string_view type = ctx_.log->name(ev.type);
  auto find = [&props](std::string_view key) { return LiteLog::find(props, key); };
  auto set = [&](std::string_view key, std::string_view value) {
    if (key.find('.') != std::string_view::npos) {
      const FieldBinding* b = d.entity_field(key);
      if (!b) return;
      EntityKind k = kind_of(ctx_, s);
      int32_t target = b->source == FieldSource::kContact   ? (k == EntityKind::kContact ? s : -1)
                       : b->source == FieldSource::kAccount ? account_of(ctx_, s)
                                                            : deal_of(ctx_, s);
      if (target >= 0) set_prop(static_cast<uint32_t>(target), b->prop, value);
      return;
    }
    int p = d.prop_of(key);
    if (p < 0 || !d.entity_prop(static_cast<PropId>(p))) return;
    set_prop(s, static_cast<PropId>(p), value);
  };
  const std::string_view* stage = nullptr;  // a deal's new stage, when the event names one
  if (type == canon::kPropertyChanged) {
    const std::string_view* key = find("property");
    const std::string_view* value = find("value");
    if (key && value) set(*key, *value);
    if (key && value && *key == canon::kStage) stage = value;
  } else if (type == canon::kLifecycleChanged && !deal) {
    if (const std::string_view* v = find(canon::kStage)) set(canon::kLifecycleStage, *v);
  } else {
    for (const auto& [k, v] : props) {
      if (k == canon::kStage && !deal) continue;
      set(k, v);
    }
    stage = find(canon::kStage);
  }
  // A deal's stage says whether it is closed and won ("Closed Won", "closedlost"), unless the
  // event states it itself (a record snapshot's IsClosed / IsWon).
  const int closed = d.prop_of("is_closed"), won = d.prop_of("is_won");
  if (deal && stage && !find("is_closed")) {
    ClosedState c = closed_state_of_stage(*stage);
    if (closed >= 0) set_prop(s, static_cast<PropId>(closed), c.closed ? "true" : "false");
    if (won >= 0) set_prop(s, static_cast<PropId>(won), c.won ? "true" : "false");
  } else if (deal && type == kRecordCreated && !find("is_closed")) {
    // A deal is open when it is created; its snapshot's closing comes at the snapshot's time.
    if (closed >= 0 && !(*ctx_.rt)[s].prop(static_cast<PropId>(closed))) {
      set_prop(s, static_cast<PropId>(closed), "false");
      if (won >= 0) set_prop(s, static_cast<PropId>(won), "false");
    }
  }
}

void PartitionRunner::add_hits(const PreparedEvent& pe) {
  if (pe.signals.empty()) return;
  auto& rt = *ctx_.rt;
  std::vector<uint32_t> targets;
  auto s = static_cast<uint32_t>(pe.subject);
  targets.push_back(s);
  for (uint32_t r : pe.related)
    if (kind_of(ctx_, r) == EntityKind::kContact) push_unique(&targets, r);
  if (int32_t a = account_of(ctx_, s); a >= 0) push_unique(&targets, static_cast<uint32_t>(a));
  if (kind_of(ctx_, s) == EntityKind::kDeal && rt[s].account < 0) {
    // a deal without an account keeps its own signals (features.cpp reads them)
  }
  const int64_t hl = ctx_.design->half_life_ms();
  for (uint32_t t : targets) {
    EntityRt& r = rt[t];
    for (uint16_t sig : pe.signals) {
      r.hits.push_back(Hit{pe.at, sig});
      r.engagement.add(ctx_.design->signal_weight(sig), pe.at, hl);
    }
    r.last_activity = pe.at;
  }
}

void PartitionRunner::apply(const PreparedEvent& pe) {
  if (pe.subject < 0) return;
  auto& rt = *ctx_.rt;
  const EventLite& ev = ctx_.log->at(pe.event);
  auto s = static_cast<uint32_t>(pe.subject);
  int32_t account_before = account_of(ctx_, s);
  CommitteeSummary before = committee(ctx_, account_before, pe.at);
  for (uint32_t o : pe.related) link(s, o);
  update_props(s, ev);
  add_hits(pe);
  int32_t account = account_of(ctx_, s);
  CommitteeSummary after = committee(ctx_, account, pe.at);

  std::vector<uint32_t>& order = order_;  // reused: one allocation per runner
  order.clear();
  order.push_back(s);
  for (uint32_t o : pe.related) push_unique(&order, o);
  for (int32_t a : {account, account_before}) {
    if (a < 0) continue;
    push_unique(&order, static_cast<uint32_t>(a));
    for (uint32_t d : rt[a].deals) push_unique(&order, d);
  }
  for (uint32_t d : rt[s].deals) push_unique(&order, d);
  if (account >= 0 && (account != account_before || !(before == after)))
    for (uint32_t m : rt[account].members) push_unique(&order, m);

  for (uint32_t e : order) evaluate(e, pe.at, &ev);
}

void PartitionRunner::evaluate(uint32_t e, int64_t now, const EventLite* trigger) {
  const auto& plans = ctx_.design->plans(kind_of(ctx_, e));
  if (plans.empty()) return;
  EntityRt& r = (*ctx_.rt)[e];
  EntityActivation act(ctx_, e, now);
  for (size_t guard = 0; guard <= plans.size(); ++guard) {
    int target = -1;
    Reentry reentry = Reentry::kFirst;
    if (r.stage < 0) {
      for (size_t i = 0; i < plans.size() && target < 0; ++i)
        if (plans[i].root && holds(plans[i].stage->entry, act)) target = static_cast<int>(i);
    } else {
      const StagePlan& p = plans[r.stage];
      if (p.stage->terminal) break;
      if (p.stage->exit.present() && !holds(p.stage->exit, act)) break;
      // A stage entered at this very instant moves on only along its main path (the first
      // `next`): side paths (nurture, recycled, closed-lost) need time spent in the stage.
      const size_t candidates = r.stage_since == now && !r.transitions.empty() ? 1 : p.next.size();
      for (size_t c = 0; c < candidates && c < p.next.size(); ++c) {
        int j = p.next[c];
        if (j == r.stage) continue;
        if (!holds(plans[j].stage->entry, act)) {
          if (j < static_cast<int>(r.left_at.size()) && j < 64) r.rearmed |= uint64_t{1} << j;
          continue;
        }
        reentry = reentry_of(e, j, now);
        if (reentry == Reentry::kBlocked) continue;
        target = j;
        break;
      }
    }
    if (target < 0) break;
    enter_stage(e, target, now, trigger, reentry);
  }
  update_substate(e, now, trigger);
  check_alerts(e, now);
  schedule(e, now);
}

std::string PartitionRunner::trigger_text(const EventLite* ev) const {
  if (!ev) return "time";
  std::string t = "event ";
  t.append(ctx_.log->name(ev->source)).append(":").append(ev->subject_id).append(" ");
  return t.append(ctx_.log->name(ev->type));
}

Reentry PartitionRunner::reentry_of(uint32_t e, int j, int64_t now) const {
  const EntityRt& r = (*ctx_.rt)[e];
  if (j >= static_cast<int>(r.left_at.size()) || r.left_at[j] < 0 || j >= 64)
    return Reentry::kFirst;
  if (r.rearmed & (uint64_t{1} << j)) return Reentry::kWasFalse;
  // New evidence: the criterion holds on the signals since the departure alone, and would not
  // hold without any signal.
  const design::Criterion& entry = ctx_.design->plans(kind_of(ctx_, e))[j].stage->entry;
  if (holds(entry, EntityActivation(ctx_, e, now, r.left_at[j])) &&
      !holds(entry, EntityActivation(ctx_, e, now, now)))
    return Reentry::kNewSignals;
  return Reentry::kBlocked;
}

void PartitionRunner::enter_stage(uint32_t e, int target, int64_t now, const EventLite* trigger,
                                  Reentry reentry) {
  EntityRt& r = (*ctx_.rt)[e];
  const auto& plans = ctx_.design->plans(kind_of(ctx_, e));
  EntityActivation act(ctx_, e, now);
  const auto* defs = &ctx_.design->design().definitions;
  std::string reason;
  JsonOut j(&reason);
  j.begin_object().key("criteria").begin_array();
  write_trace(j, plans[target].stage->entry, "entry", plans[target].stage->id, act, defs);
  if (r.stage >= 0 && plans[r.stage].stage->exit.present())
    write_trace(j, plans[r.stage].stage->exit, "exit", plans[r.stage].stage->id, act, defs);
  j.end_array();
  if (plans[target].stage->milestone) j.key("milestone").value(true);
  if (reentry != Reentry::kFirst) {
    j.key("reentry").begin_object();
    j.key("by").value(reentry == Reentry::kWasFalse ? "criterion_was_false_since"
                                                    : "new_signals_since");
    j.key("left_ms").value(r.left_at[target]).end_object();
  }
  j.key("trigger").value(trigger_text(trigger)).end_object();
  if (r.stage >= 0) {
    if (r.left_at.empty()) r.left_at.assign(plans.size(), -1);
    r.left_at[r.stage] = now;
    if (r.stage < 64) r.rearmed &= ~(uint64_t{1} << r.stage);
  }
  TransitionRec t;
  t.at = now;
  t.from = r.stage;
  t.to = static_cast<int16_t>(target);
  t.reason_json = std::move(reason);
  r.transitions.push_back(std::move(t));
  r.stage = static_cast<int16_t>(target);
  r.stage_since = now;
  r.substate = -1;
  r.substate_since = now;
  r.alerted = 0;
}

void PartitionRunner::update_substate(uint32_t e, int64_t now, const EventLite* trigger) {
  EntityRt& r = (*ctx_.rt)[e];
  if (r.stage < 0) return;
  const design::Stage& st = *ctx_.design->plans(kind_of(ctx_, e))[r.stage].stage;
  if (st.substates.empty()) return;
  EntityActivation act(ctx_, e, now);
  // Later sub-states are the more specific ones (cold, internal_approval): the last whose
  // entry holds wins; when none holds any more, the entity leaves its sub-state.
  int found = -1;
  for (int i = static_cast<int>(st.substates.size()) - 1; i >= 0 && found < 0; --i)
    if (holds(st.substates[i].entry, act)) found = i;
  if (found == r.substate) return;
  const auto* defs = &ctx_.design->design().definitions;
  // When none holds any more, the last one's criterion shows why it stopped.
  const int shown = found >= 0 ? found : r.substate;
  std::string reason;
  JsonOut j(&reason);
  j.begin_object().key("criteria").begin_array();
  write_trace(j, st.substates[shown].entry, "entry", st.id + "/" + st.substates[shown].id, act,
              defs);
  j.end_array().key("trigger").value(trigger_text(trigger)).end_object();
  TransitionRec t;
  t.at = now;
  t.from = t.to = r.stage;
  t.from_sub = r.substate;
  t.to_sub = static_cast<int16_t>(found);
  t.substate = true;
  t.reason_json = std::move(reason);
  r.transitions.push_back(std::move(t));
  r.substate = static_cast<int16_t>(found);
  r.substate_since = now;
  r.alerted = 0;
}

void PartitionRunner::check_alerts(uint32_t e, int64_t now) {
  EntityRt& r = (*ctx_.rt)[e];
  if (r.stage < 0) return;
  Stint s = stint_of(ctx_, e);
  if (s.limit <= 0) return;
  const char* kind = entity_kind_name(kind_of(ctx_, e));
  auto stuck_at = static_cast<int64_t>(static_cast<double>(s.limit) * s.factor);
  auto raise = [&](uint8_t bit, const char* what, const char* severity, int64_t limit) {
    if (now - s.since <= limit || (r.alerted & bit)) return;
    r.alerted |= bit;
    AlertRec a;
    a.at = s.since + limit + 1;
    a.kind = std::string(kind) + "." + what;
    a.severity = severity;
    const std::string where = s.where();
    a.message = std::string(kind) + " " + what + " in " + where + ": more than " +
                std::to_string(limit / kDayMs) + " days (benchmark " +
                std::to_string(s.limit / kDayMs) + " days)";
    a.details_json = json{
        {"stage", where},
        {"since_ms", s.since},
        {"benchmark_days", s.limit / kDayMs},
        {"limit_days", limit / kDayMs},
        {"stuck_factor",
         s.factor}}.dump();
    r.alerts.push_back(std::move(a));
  };
  raise(1, "stalled", "medium", s.limit);
  raise(2, "stuck", "high", stuck_at);
}

void PartitionRunner::schedule(uint32_t e, int64_t now) {
  EntityRt& r = (*ctx_.rt)[e];
  int64_t next = kNever;
  if (r.stage >= 0) {
    const auto& offsets = ctx_.design->plans(kind_of(ctx_, e))[r.stage].wake_offsets;
    auto consider = [&](int64_t anchor) {
      if (anchor < 0) return;
      auto it = std::upper_bound(offsets.begin(), offsets.end(), now - anchor);
      if (it != offsets.end()) next = std::min(next, anchor + *it);
    };
    consider(r.stage_since);
    if (r.substate >= 0) consider(r.substate_since);
    consider(last_activity(ctx_, e));
  }
  if (next == r.next_wake) return;
  r.next_wake = next;
  if (next != kNever) part_.wakes.emplace(next, e);
}

}  // namespace revarch::lifecycle
