#include "design/model.h"

namespace revarch::design {

SourceLocation Criterion::at(const expr::Position& pos) const {
  SourceLocation out = where;
  if (pos.line <= 1) {
    out.column = where.column + pos.column - 1;
  } else {
    out.line = where.line + pos.line - 1;
    out.column = continuation_column + pos.column - 1;
  }
  return out;
}

namespace {
template <typename T, typename Id>
const T* find_by(const std::vector<T>& items, std::string_view key, Id T::*id) {
  for (const auto& item : items)
    if (item.*id == key) return &item;
  return nullptr;
}
}  // namespace

const Stage* Design::find_stage(std::string_view id) const {
  return find_by(stages, id, &Stage::id);
}
const Signal* Design::find_signal(std::string_view id) const {
  return find_by(signals, id, &Signal::id);
}
const Definition* Design::find_definition(std::string_view def_name) const {
  return find_by(definitions, def_name, &Definition::name);
}
const Team* Design::find_team(std::string_view id) const {
  return find_by(teams, id, &Team::id);
}

bool Design::is_member(std::string_view person) const {
  for (const auto& t : teams)
    for (const auto& m : t.members)
      if (m == person) return true;
  return false;
}

const char* source_type_name(SourceType t) {
  switch (t) {
    case SourceType::kHubspot: return "hubspot";
    case SourceType::kSalesforce: return "salesforce";
    case SourceType::kSansan: return "sansan";
    case SourceType::kEight: return "eight";
    case SourceType::kGa4: return "ga4";
  }
  return "?";
}
const char* seniority_name(Seniority s) {
  switch (s) {
    case Seniority::kExecutive: return "executive";
    case Seniority::kDirector: return "director";
    case Seniority::kManager: return "manager";
    case Seniority::kLead: return "lead";
    case Seniority::kStaff: return "staff";
  }
  return "?";
}
const char* buying_role_name(BuyingRole r) {
  switch (r) {
    case BuyingRole::kDecisionMaker: return "decision_maker";
    case BuyingRole::kInfluencer: return "influencer";
    case BuyingRole::kEvaluator: return "evaluator";
    case BuyingRole::kUser: return "user";
  }
  return "?";
}
const char* intent_name(Intent i) {
  switch (i) {
    case Intent::kHigh: return "high";
    case Intent::kMedium: return "medium";
    case Intent::kLow: return "low";
  }
  return "?";
}
const char* object_kind_name(ObjectKind o) {
  switch (o) {
    case ObjectKind::kContact: return "contact";
    case ObjectKind::kAccount: return "account";
    case ObjectKind::kDeal: return "deal";
  }
  return "?";
}
const char* side_name(Side s) {
  return s == Side::kAcquisition ? "acquisition" : "retention";
}
const char* route_action_name(RouteAction a) {
  switch (a) {
    case RouteAction::kAssignOwner: return "assign_owner";
    case RouteAction::kRoundRobin: return "round_robin";
    case RouteAction::kTerritory: return "territory";
    case RouteAction::kQueueNextBusinessDay: return "queue_next_business_day";
    case RouteAction::kLogOnly: return "log_only";
    case RouteAction::kAlertCsm: return "alert_csm";
  }
  return "?";
}
const char* sla_clock_name(SlaClock c) {
  switch (c) {
    case SlaClock::kBusinessHours: return "business_hours";
    case SlaClock::kBusinessDays: return "business_days";
    case SlaClock::kCalendar: return "calendar";
  }
  return "?";
}
const char* reject_path_name(RejectPath r) {
  switch (r) {
    case RejectPath::kRecycle: return "recycle";
    case RejectPath::kNurture: return "nurture";
    case RejectPath::kReturn: return "return";
  }
  return "?";
}
const char* conflict_policy_name(ConflictPolicy p) {
  return p == ConflictPolicy::kPrecedence ? "precedence" : "recency";
}

}  // namespace revarch::design
