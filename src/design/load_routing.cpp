// routing (ordered rules) and handoffs (team-to-team acceptance with an SLA).
#include "design/load_sections.h"

namespace revarch::design {
namespace {

constexpr EnumTable<RouteAction> kActions = {
    {"assign_owner", RouteAction::kAssignOwner},
    {"round_robin", RouteAction::kRoundRobin},
    {"territory", RouteAction::kTerritory},
    {"queue_next_business_day", RouteAction::kQueueNextBusinessDay},
    {"log_only", RouteAction::kLogOnly},
    {"alert_csm", RouteAction::kAlertCsm}};
constexpr EnumTable<SlaClock> kClocks = {{"business_hours", SlaClock::kBusinessHours},
                                         {"business_days", SlaClock::kBusinessDays},
                                         {"calendar", SlaClock::kCalendar}};
constexpr EnumTable<RejectPath> kRejects = {{"recycle", RejectPath::kRecycle},
                                            {"nurture", RejectPath::kNurture},
                                            {"return", RejectPath::kReturn}};

SourceLocation key_loc(Reader& r, const YAML::Node& map, const char* key) {
  return map[key] ? r.loc(map[key]) : SourceLocation{};
}

}  // namespace

void load_routing(Reader& r, const YAML::Node& n, std::vector<RoutingRule>* out) {
  if (!r.expect_seq(n, "'routing'")) return;
  for (const auto& item : n) {
    if (!r.expect_map(item, "a routing rule")) continue;
    r.check_keys(item,
                 {"id", "priority", "when", "action", "owner", "team", "territories",
                  "territory_field", "sla", "sla_clock"},
                 "a routing rule");
    RoutingRule rule;
    rule.where = r.loc(item);
    r.read_string(item, "id", &rule.id, true);
    r.read_int(item, "priority", &rule.priority, 0, 100000);
    rule.when = r.read_criterion(item, "when");
    r.read_enum(item, "action", &rule.action, kActions, true);
    r.read_string(item, "owner", &rule.owner);
    rule.owner_where = key_loc(r, item, "owner");
    r.read_string(item, "team", &rule.team);
    rule.team_where = key_loc(r, item, "team");
    if (YAML::Node t = item["territories"]; t && r.expect_map(t, "'territories'")) {
      for (auto it = t.begin(); it != t.end(); ++it) {
        auto region = r.string_of(it->first, "a region");
        auto team = r.string_of(it->second, "a team");
        if (region && team) rule.territories.emplace_back(*region, *team);
      }
    }
    r.read_string(item, "territory_field", &rule.territory_field);
    r.read_duration(item, "sla", &rule.sla);
    r.read_enum(item, "sla_clock", &rule.sla_clock, kClocks);
    out->push_back(std::move(rule));
  }
}

void load_handoffs(Reader& r, const YAML::Node& n, std::vector<Handoff>* out) {
  if (!r.expect_seq(n, "'handoffs'")) return;
  for (const auto& item : n) {
    if (!r.expect_map(item, "a hand-off")) continue;
    r.check_keys(item,
                 {"id", "from", "to", "from_team", "to_team", "sla", "sla_clock", "on_reject"},
                 "a hand-off");
    Handoff h;
    h.where = r.loc(item);
    r.read_string(item, "id", &h.id, true);
    r.read_string(item, "from", &h.from_stage, true);
    r.read_string(item, "to", &h.to_stage, true);
    r.read_string(item, "from_team", &h.from_team, true);
    r.read_string(item, "to_team", &h.to_team, true);
    h.from_where = key_loc(r, item, "from");
    h.to_where = key_loc(r, item, "to");
    h.from_team_where = key_loc(r, item, "from_team");
    h.to_team_where = key_loc(r, item, "to_team");
    r.read_duration(item, "sla", &h.sla);
    r.read_enum(item, "sla_clock", &h.sla_clock, kClocks);
    r.read_enum(item, "on_reject", &h.on_reject, kRejects);
    out->push_back(std::move(h));
  }
}

}  // namespace revarch::design
