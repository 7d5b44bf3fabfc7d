// The engine's results as values: per-entity state, the canonical text form and its digest,
// and the store's DerivedSnapshot.
#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <iterator>
#include <numeric>
#include <thread>

#include "lifecycle/engine_impl.h"
#include "lifecycle/features.h"
#include "lifecycle/stage_engine.h"
#include "store/hash.h"

namespace revarch::lifecycle {
namespace {

std::string stage_name(const std::vector<StagePlan>& plans, int stage, int sub) {
  if (stage < 0) return "";
  const design::Stage& s = *plans[stage].stage;
  if (sub < 0) return s.id;
  return s.id + "/" + s.substates[sub].id;
}

std::string fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  std::string s = buf;
  if (s == "-0.000" || s == "-0.000000") s.erase(0, 1);
  return s;
}

}  // namespace

EntityState LifecycleEngine::Impl::state_of(uint32_t e, bool take) const {
  ReplayContext ctx = context();
  const EntityInfo& info = map.at(e);
  const EntityRt& r = rt[e];
  const auto& plans = design->plans(info.kind);
  EntityState s;
  s.id = info.id;
  s.kind = info.kind;
  s.display_name = info.display_name;
  const int64_t now = as_of;
  if (r.stage >= 0) {
    s.stage = plans[r.stage].stage->id;
    if (r.substate >= 0) s.substate = plans[r.stage].stage->substates[r.substate].id;
    s.stage_since_ms = r.stage_since;
    s.substate_since_ms = r.substate >= 0 ? r.substate_since : 0;
    s.days_in_stage = (now - r.stage_since) / kDayMs;
    s.business_days_in_stage = design->calendar().business_days_between(r.stage_since, now);
    s.status = stint_status(ctx, e, now);
  }
  s.fit = fit(ctx, e, now);
  s.engagement = engagement(ctx, e, now);
  s.health = health(ctx, e, now);
  if (info.kind != EntityKind::kAccount && r.account >= 0) s.account_id = map.at(r.account).id;
  for (const TransitionRec& t : r.transitions) {
    StageTransition out;
    out.entity_id = info.id;
    out.at_ms = t.at;
    out.from_stage = stage_name(plans, t.from, t.substate ? t.from_sub : -1);
    if (t.substate && t.from_sub < 0) out.from_stage = stage_name(plans, t.from, -1);
    out.to_stage = stage_name(plans, t.to, t.substate ? t.to_sub : -1);
    // take: the reasons move out (take_derived(); the engine is spent afterwards).
    out.reason_json = take ? std::move(const_cast<TransitionRec&>(t).reason_json) : t.reason_json;
    out.design_version = design->version();
    s.transitions.push_back(std::move(out));
  }
  for (const AlertRec& a : r.alerts) {
    s.alerts.push_back(
        Alert{info.id, a.at, a.kind, a.severity, a.message, a.details_json, design->version()});
  }
  return s;
}

DerivedState LifecycleEngine::derived() const {
  return impl_->derived(false);
}

DerivedState LifecycleEngine::take_derived() {
  DerivedState d = impl_->derived(true);
  begin_replay();  // spent: the state of an engine that replayed no event
  finish_replay();
  return d;
}

DerivedState LifecycleEngine::Impl::derived(bool take) const {
  const Impl& m = *this;
  DerivedState d;
  d.design_version = m.design->version();
  d.as_of_ms = m.as_of;
  d.events = static_cast<int64_t>(m.prepared.size()) - m.derived_events;
  d.unresolved_events = m.unresolved;
  std::vector<uint32_t> order(m.map.entities().size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&m](uint32_t a, uint32_t b) { return m.map.at(a).id < m.map.at(b).id; });
  d.entities.resize(order.size());
  // Scores at as-of are independent per entity: fill on both cores.
  std::vector<std::thread> pool;
  int threads = std::max(1, m.options.threads);
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (size_t i = static_cast<size_t>(t); i < order.size(); i += static_cast<size_t>(threads))
        d.entities[i] = m.state_of(order[i], take);
    });
  }
  for (auto& t : pool) t.join();
  return d;
}

std::optional<EntityState> LifecycleEngine::entity_state(const std::string& id) const {
  auto e = impl_->map.find_id(id);
  if (!e) return std::nullopt;
  return impl_->state_of(*e, false);
}

namespace {

std::string canonical_header(const DerivedState& d) {
  return "revarch-derived 1\ndesign " + d.design_version + "\nas_of " + std::to_string(d.as_of_ms) +
         "\nevents " + std::to_string(d.events) + " unresolved " +
         std::to_string(d.unresolved_events) + "\n";
}

void append_canonical(std::string& out, const EntityState& e) {
  out += "E " + e.id + " " + entity_kind_name(e.kind) + " stage=" + e.stage + " sub=" + e.substate +
         " since=" + std::to_string(e.stage_since_ms) +
         " subsince=" + std::to_string(e.substate_since_ms) + " status=" + e.status +
         " fit=" + std::to_string(e.fit) + " engagement=" + fixed(e.engagement, 6) +
         " health=" + fixed(e.health, 3) + " account=" + e.account_id + "\n";
  for (const StageTransition& t : e.transitions)
    out += "T " + std::to_string(t.at_ms) + " " + t.from_stage + " > " + t.to_stage + " " +
           t.reason_json + "\n";
  for (const Alert& a : e.alerts)
    out += "A " + std::to_string(a.at_ms) + " " + a.kind + " " + a.severity + " " + a.message +
           " " + a.details_json + "\n";
}

}  // namespace

std::string DerivedState::canonical() const {
  std::string out = canonical_header(*this);
  out.reserve(entities.size() * 96);
  for (const EntityState& e : entities) append_canonical(out, e);
  return out;
}

std::string DerivedState::digest() const {
  // The same bytes as canonical(), hashed entity by entity instead of built whole (at 10M
  // events the text is several GB).
  ContentHasher h;
  std::string chunk = canonical_header(*this);
  for (const EntityState& e : entities) {
    append_canonical(chunk, e);
    h.update(chunk);
    chunk.clear();
  }
  h.update(chunk);
  return h.hex256();
}

DerivedSnapshot DerivedState::take_snapshot() {
  DerivedSnapshot s;
  s.design_version = design_version;
  for (EntityState& e : entities) {
    std::move(e.transitions.begin(), e.transitions.end(), std::back_inserter(s.transitions));
    std::move(e.alerts.begin(), e.alerts.end(), std::back_inserter(s.alerts));
    e.transitions = {};
    e.alerts = {};
  }
  return s;
}

DerivedSnapshot DerivedState::snapshot() const {
  DerivedSnapshot s;
  s.design_version = design_version;
  for (const EntityState& e : entities) {
    s.transitions.insert(s.transitions.end(), e.transitions.begin(), e.transitions.end());
    s.alerts.insert(s.alerts.end(), e.alerts.begin(), e.alerts.end());
  }
  return s;
}

}  // namespace revarch::lifecycle
