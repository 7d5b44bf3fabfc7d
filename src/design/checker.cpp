#include "design/checker.h"

#include <map>
#include <set>

#include "design/check_internal.h"

namespace revarch::design {

void check_design(const Design& design, const CheckOptions& options, Diagnostics* diags) {
  if (design.parse_failed) return;  // findings on a partial design would mislead
  check_duplicates(design, diags);
  check_stages(design, diags);
  check_expressions(design, diags);
  check_routing(design, diags);
  check_handoffs(design, diags);
  check_ownership(design, options, diags);
  check_references(design, diags);
}

const std::vector<std::string>& known_metrics() {
  static const std::vector<std::string> kMetrics = {"stage_conversion",
                                                    "time_in_stage",
                                                    "drop_off",
                                                    "stuck_deals",
                                                    "pipeline_health",
                                                    "deal_velocity",
                                                    "pipeline_coverage",
                                                    "channel_pipeline",
                                                    "channel_ltv",
                                                    "channel_win_rate",
                                                    "handoff_sla",
                                                    "handoff_leakage",
                                                    "handoff_rejections",
                                                    "signal_to_action_latency",
                                                    "committee_coverage",
                                                    "expansion_revenue",
                                                    "net_revenue_retention",
                                                    "fiscal_quarter_forecast",
                                                    "forecast_attainment"};
  return kMetrics;
}

bool check_ref(const std::string& name, const std::vector<std::string>& known, const char* code,
               const char* kind, const SourceLocation& where, Diagnostics* diags) {
  for (const auto& k : known)
    if (k == name) return true;
  std::string msg = std::string("unknown ") + kind + " '" + name + "'";
  std::string hint = closest_match(name, known);
  if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
  diags->error(code, msg, where);
  return false;
}

std::vector<std::string> team_ids(const Design& d) {
  std::vector<std::string> out;
  for (const auto& t : d.teams) out.push_back(t.id);
  return out;
}

std::vector<std::string> stage_ids(const Design& d) {
  std::vector<std::string> out;
  for (const auto& s : d.stages) out.push_back(s.id);
  return out;
}

void for_each_criterion(
    const Design& d,
    const std::function<void(const Criterion&, CriterionContext, const std::string&)>& fn) {
  auto visit = [&](const Criterion& c, CriterionContext ctx, const std::string& owner) {
    if (c.present()) fn(c, ctx, owner);
  };
  for (const auto& s : d.signals) visit(s.when, CriterionContext::kSignal, "signal '" + s.id + "'");
  for (const auto& f : d.scoring.fit) visit(f.when, CriterionContext::kOther, "a fit rule");
  for (const auto& s : d.stages) {
    visit(s.entry, CriterionContext::kOther, "stage '" + s.id + "'");
    visit(s.exit, CriterionContext::kOther, "stage '" + s.id + "'");
    for (const auto& sub : s.substates)
      visit(sub.entry, CriterionContext::kOther, "sub-state '" + sub.id + "'");
  }
  for (const auto& def : d.definitions)
    visit(def.expr, CriterionContext::kOther, "definition '" + def.name + "'");
  for (const auto& r : d.routing)
    visit(r.when, CriterionContext::kRouting, "routing rule '" + r.id + "'");
}

void check_duplicates(const Design& d, Diagnostics* diags) {
  auto dup = [&](const char* kind, const std::string& id, const SourceLocation& where,
                 std::map<std::string, SourceLocation>* seen) {
    if (id.empty()) return;
    auto [it, inserted] = seen->emplace(id, where);
    if (!inserted)
      diags->error(
          "duplicate-id",
          std::string(kind) + " '" + id + "' is already defined at " + it->second.to_string(),
          where);
  };
  std::map<std::string, SourceLocation> stages, substates, signals, defs, rules, handoffs, teams,
      decisions, tools, elements;
  for (const auto& s : d.stages) {
    dup("stage", s.id, s.where, &stages);
    for (const auto& sub : s.substates) dup("sub-state", sub.id, sub.where, &substates);
  }
  for (const auto& s : d.signals) dup("signal", s.id, s.where, &signals);
  for (const auto& def : d.definitions) dup("definition", def.name, def.where, &defs);
  for (const auto& r : d.routing) dup("routing rule", r.id, r.where, &rules);
  for (const auto& h : d.handoffs) dup("hand-off", h.id, h.where, &handoffs);
  for (const auto& t : d.teams) dup("team", t.id, t.where, &teams);
  for (const auto& x : d.decisions) dup("decision", x.id, x.where, &decisions);
  for (const auto& s : d.sources.tools) dup("source", s.name, s.where, &tools);
  for (const auto& o : d.ownership) dup("ownership entry for", o.element, o.where, &elements);
}

}  // namespace revarch::design
