// Findings about routing rules (targets, shadowing, ambiguous overlaps) and hand-offs.
#include <algorithm>

#include "design/check_internal.h"
#include "expr/analysis.h"

namespace revarch::design {
namespace {

bool is_special_owner(const std::string& o) {
  return o == "account_owner" || o == "contact_owner";
}

void check_targets(const Design& d, const RoutingRule& r, const std::vector<std::string>& teams,
                   Diagnostics* diags) {
  auto need = [&](bool ok, const char* what) {
    if (!ok)
      diags->error("routing-missing-target",
                   "routing rule '" + r.id + "' with action " + route_action_name(r.action) +
                       " needs " + what,
                   r.where);
  };
  switch (r.action) {
    case RouteAction::kAssignOwner: need(!r.owner.empty(), "an 'owner'"); break;
    case RouteAction::kRoundRobin: need(!r.team.empty(), "a 'team' (the pool)"); break;
    case RouteAction::kTerritory:
      need(!r.territories.empty() && !r.territory_field.empty(),
           "'territories' and a 'territory_field'");
      break;
    case RouteAction::kQueueNextBusinessDay: need(!r.team.empty(), "a 'team'"); break;
    case RouteAction::kLogOnly:
    case RouteAction::kAlertCsm: break;
  }
  if (!r.owner.empty() && !is_special_owner(r.owner) && !d.is_member(r.owner))
    diags->error("unknown-owner",
                 "unknown owner '" + r.owner +
                     "': not a member of any team (or account_owner / contact_owner)",
                 r.owner_where);
  if (!r.team.empty()) check_ref(r.team, teams, "unknown-team", "team", r.team_where, diags);
  for (const auto& [region, team] : r.territories)
    check_ref(team, teams, "unknown-team", "team", r.where, diags);
}

bool same_target(const RoutingRule& a, const RoutingRule& b) {
  return a.action == b.action && a.owner == b.owner && a.team == b.team &&
         a.territories == b.territories && a.territory_field == b.territory_field;
}

// True when `later` can never match without `earlier` matching too.
bool shadows(const RoutingRule& earlier, const RoutingRule& later) {
  if (!earlier.when.present()) return true;  // a catch-all
  if (!later.when.present() || !earlier.when.compiled() || !later.when.compiled()) return false;
  return expr::implies(later.when.program->ast(), earlier.when.program->ast());
}

bool overlap(const RoutingRule& a, const RoutingRule& b) {
  if (!a.when.present() || !b.when.present()) return true;
  if (!a.when.compiled() || !b.when.compiled()) return false;
  return expr::may_overlap(a.when.program->ast(), b.when.program->ast());
}

}  // namespace

void check_routing(const Design& d, Diagnostics* diags) {
  const std::vector<std::string> teams = team_ids(d);
  std::vector<const RoutingRule*> order;
  for (const auto& r : d.routing) {
    check_targets(d, r, teams, diags);
    order.push_back(&r);
  }
  // Rules are tried by ascending priority, ties in file order.
  std::stable_sort(order.begin(), order.end(), [](const RoutingRule* a, const RoutingRule* b) {
    return a->priority < b->priority;
  });
  for (size_t j = 0; j < order.size(); ++j) {
    const RoutingRule& later = *order[j];
    for (size_t i = 0; i < j; ++i) {
      const RoutingRule& earlier = *order[i];
      if (shadows(earlier, later)) {
        diags->error("rule-shadowed",
                     "routing rule '" + later.id +
                         "' can never fire: every input it matches is "
                         "matched first by rule '" +
                         earlier.id + "' (" + earlier.where.to_string() + ")",
                     later.where);
        break;
      }
      if (earlier.priority == later.priority && !same_target(earlier, later) &&
          overlap(earlier, later)) {
        diags->error("rule-overlap",
                     "routing rules '" + earlier.id + "' and '" + later.id +
                         "' have the same "
                         "priority " +
                         std::to_string(later.priority) +
                         ", can match the same input, and act differently",
                     later.where);
      }
    }
  }
}

void check_handoffs(const Design& d, Diagnostics* diags) {
  const std::vector<std::string> stages = stage_ids(d);
  const std::vector<std::string> teams = team_ids(d);
  for (const auto& h : d.handoffs) {
    bool from_ok = h.from_stage.empty() ||
                   check_ref(h.from_stage, stages, "unknown-stage", "stage", h.from_where, diags);
    bool to_ok = h.to_stage.empty() ||
                 check_ref(h.to_stage, stages, "unknown-stage", "stage", h.to_where, diags);
    if (!h.from_team.empty())
      check_ref(h.from_team, teams, "unknown-team", "team", h.from_team_where, diags);
    if (!h.to_team.empty())
      check_ref(h.to_team, teams, "unknown-team", "team", h.to_team_where, diags);
    if (!h.sla)
      diags->error("handoff-no-sla", "hand-off '" + h.id + "' has no acceptance SLA", h.where);
    if (from_ok && to_ok && !h.from_stage.empty() && !h.to_stage.empty()) {
      const Stage* from = d.find_stage(h.from_stage);
      bool allowed = false;
      for (const auto& [next, where] : from->next) allowed = allowed || next == h.to_stage;
      if (!allowed)
        diags->warning("handoff-not-a-transition",
                       "hand-off '" + h.id + "': stage '" + h.from_stage + "' has no 'next' to '" +
                           h.to_stage + "'",
                       h.where);
    }
  }
}

}  // namespace revarch::design
