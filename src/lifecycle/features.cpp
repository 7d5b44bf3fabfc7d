#include "lifecycle/features.h"

#include <algorithm>
#include <cmath>

namespace revarch::lifecycle {
namespace {

const std::vector<Hit>& hits_of(const ReplayContext& ctx, uint32_t e) {
  const auto& rt = *ctx.rt;
  if (ctx.map->at(e).kind == EntityKind::kDeal && rt[e].account >= 0) return rt[rt[e].account].hits;
  return rt[e].hits;
}

}  // namespace

double Decay::at_time(int64_t t, int64_t half_life_ms) const {
  if (half_life_ms <= 0 || t == at || value == 0) return value;
  return value * std::exp2(-static_cast<double>(t - at) / static_cast<double>(half_life_ms));
}

void Decay::add(double w, int64_t t, int64_t half_life_ms) {
  value = at_time(t, half_life_ms) + w;
  at = t;
}

int32_t account_of(const ReplayContext& ctx, uint32_t e) {
  if (ctx.map->at(e).kind == EntityKind::kAccount) return static_cast<int32_t>(e);
  return (*ctx.rt)[e].account;
}

int32_t deal_of(const ReplayContext& ctx, uint32_t e) {
  const auto& rt = *ctx.rt;
  EntityKind k = ctx.map->at(e).kind;
  if (k == EntityKind::kDeal) return static_cast<int32_t>(e);
  const std::vector<uint32_t>* deals = &rt[e].deals;
  if (deals->empty() && k == EntityKind::kContact && rt[e].account >= 0)
    deals = &rt[rt[e].account].deals;
  if (deals->empty()) return -1;
  int prop = ctx.design->prop_of("is_closed");
  for (auto it = deals->rbegin(); it != deals->rend(); ++it) {
    const std::string* closed = prop < 0 ? nullptr : rt[*it].prop(static_cast<PropId>(prop));
    if (!closed || *closed != "true") return static_cast<int32_t>(*it);
  }
  return static_cast<int32_t>(deals->back());
}

int64_t count_hits(const ReplayContext& ctx, uint32_t e, int signal, int intent, int64_t window,
                   int64_t now) {
  const auto& hits = hits_of(ctx, e);
  auto lo = std::upper_bound(hits.begin(), hits.end(), now - window,
                             [](int64_t t, const Hit& h) { return t < h.at; });
  auto hi = std::upper_bound(lo, hits.end(), now, [](int64_t t, const Hit& h) { return t < h.at; });
  if (signal < 0 && intent < 0) return hi - lo;
  int64_t n = 0;
  for (auto it = lo; it != hi; ++it) {
    if (signal >= 0 && it->signal != signal) continue;
    if (intent >= 0 && ctx.design->signal_intent(it->signal) != intent) continue;
    ++n;
  }
  return n;
}

int64_t last_hit(const ReplayContext& ctx, uint32_t e, int signal, int64_t now) {
  const auto& hits = hits_of(ctx, e);
  auto hi = std::upper_bound(hits.begin(), hits.end(), now,
                             [](int64_t t, const Hit& h) { return t < h.at; });
  for (auto it = hi; it != hits.begin();) {
    --it;
    if (signal < 0 || it->signal == signal) return it->at;
  }
  return -1;
}

int64_t last_activity(const ReplayContext& ctx, uint32_t e) {
  const auto& rt = *ctx.rt;
  int64_t t = rt[e].last_activity;
  if (ctx.map->at(e).kind == EntityKind::kDeal && rt[e].account >= 0)
    t = std::max(t, rt[rt[e].account].last_activity);
  return t;
}

CommitteeSummary committee(const ReplayContext& ctx, int32_t account, int64_t now) {
  CommitteeSummary c;
  if (account < 0) return c;
  const auto& rt = *ctx.rt;
  int dept = ctx.design->prop_of("department");
  std::vector<std::string_view> functions;
  for (uint32_t m : rt[account].members) {
    const EntityRt& r = rt[m];
    ++c.size;
    if (r.last_activity < 0 || r.last_activity <= now - kEngagedWindowMs) continue;
    ++c.engaged;
    const std::string* d = dept < 0 ? nullptr : r.prop(static_cast<PropId>(dept));
    if (d && !d->empty() && std::find(functions.begin(), functions.end(), *d) == functions.end())
      functions.push_back(*d);
    if (r.role == static_cast<int>(design::BuyingRole::kDecisionMaker))
      c.decision_maker_engaged = true;
    if (r.seniority == static_cast<int>(design::Seniority::kExecutive)) c.executive_engaged = true;
    c.top_engagement =
        std::max(c.top_engagement, r.engagement.at_time(now, ctx.design->half_life_ms()));
  }
  c.engaged_functions = static_cast<int>(functions.size());
  return c;
}

double engagement(const ReplayContext& ctx, uint32_t e, int64_t now) {
  const auto& rt = *ctx.rt;
  uint32_t src = e;
  if (ctx.map->at(e).kind == EntityKind::kDeal && rt[e].account >= 0)
    src = static_cast<uint32_t>(rt[e].account);
  return rt[src].engagement.at_time(now, ctx.design->half_life_ms());
}

std::vector<Contribution> health_contributions(const CommitteeSummary& c) {
  std::vector<Contribution> out;
  out.push_back({"engaged stakeholders (20 each, up to 3)", 20.0 * std::min(c.engaged, 3)});
  out.push_back({"engaged functions (10 each, up to 2)", 10.0 * std::min(c.engaged_functions, 2)});
  out.push_back({"decision-maker engaged", c.decision_maker_engaged ? 10.0 : 0.0});
  out.push_back({"momentum of the most active contact (up to 10)",
                 10.0 * std::min(1.0, c.top_engagement / 100.0)});
  return out;
}

double health(const ReplayContext& ctx, uint32_t e, int64_t now) {
  int32_t account = account_of(ctx, e);
  CommitteeSummary c;
  if (account >= 0) {
    c = committee(ctx, account, now);
  } else if (ctx.map->at(e).kind == EntityKind::kContact) {
    const EntityRt& r = (*ctx.rt)[e];
    c.size = 1;
    if (r.last_activity >= 0 && r.last_activity > now - kEngagedWindowMs) {
      c.engaged = 1;
      c.engaged_functions = 1;
      c.decision_maker_engaged = r.role == static_cast<int>(design::BuyingRole::kDecisionMaker);
      c.top_engagement = r.engagement.at_time(now, ctx.design->half_life_ms());
    }
  }
  double total = 0;
  for (const auto& part : health_contributions(c)) total += part.points;
  return total;
}

int fit(const ReplayContext& ctx, uint32_t e, int64_t now) {
  int total = 0;
  EntityActivation act(ctx, e, now);
  for (const auto& rule : ctx.design->design().scoring.fit)
    if (rule.when.compiled() && rule.when.program->eval_bool(act)) total += rule.points;
  return total;
}

const char* seniority_text(int s) {
  return s < 0 ? "" : design::seniority_name(static_cast<design::Seniority>(s));
}
const char* role_text(int r) {
  return r < 0 ? "" : design::buying_role_name(static_cast<design::BuyingRole>(r));
}

}  // namespace revarch::lifecycle
