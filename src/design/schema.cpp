#include "design/schema.h"

namespace revarch::design {
namespace {

using expr::Type;
using expr::TypeKind;

struct FieldRow {
  const char* path;
  TypeKind kind;
  const char* doc;
};

constexpr TypeKind kStr = TypeKind::kString;
constexpr TypeKind kInt = TypeKind::kInt;
constexpr TypeKind kDbl = TypeKind::kDouble;
constexpr TypeKind kBool = TypeKind::kBool;
constexpr TypeKind kTime = TypeKind::kTimestamp;

constexpr FieldRow kFields[] = {
    // The person.
    {"contact.email", kStr, "e-mail address, lower case"},
    {"contact.title", kStr, "job title as written (役職), e.g. 部長, VP Sales"},
    {"contact.department", kStr, "department (部署)"},
    {"contact.country", kStr, "ISO 3166 alpha-2 country"},
    {"contact.seniority", kStr, "from the title map: executive, director, manager, lead, staff"},
    {"contact.role", kStr, "from the title map: decision_maker, influencer, evaluator, user"},
    {"contact.lifecycle_stage", kStr, "the source CRM's own lifecycle stage"},
    {"contact.lead_status", kStr, "the source CRM's lead status"},
    {"contact.created_at", kTime, "when the person first appeared in any source"},
    {"contact.original_source", kStr, "first-touch channel"},
    {"contact.owner", kStr, "the named owner (a team member)"},
    {"contact.opted_out", kBool, "unsubscribed from marketing e-mail"},
    // The company.
    {"account.name", kStr, "company name, normalised"},
    {"account.domain", kStr, "web domain"},
    {"account.corporate_number", kStr, "Japan's 13-digit corporate number (法人番号)"},
    {"account.employees", kInt, "number of employees"},
    {"account.annual_revenue", kDbl, "annual revenue in the market currency"},
    {"account.industry", kStr, "industry"},
    {"account.country", kStr, "ISO 3166 alpha-2 country"},
    {"account.prefecture", kStr, "prefecture (都道府県), e.g. 東京都"},
    {"account.segment", kStr, "segment used by benchmarks: enterprise, mid_market, smb"},
    {"account.owner", kStr, "the named account owner (a team member)"},
    {"account.is_customer", kBool, "has a won deal"},
    // The deal (a contact's or account's open deal when the object is not a deal).
    {"deal.amount", kDbl, "amount in the market currency"},
    {"deal.stage", kStr, "the source CRM's deal stage"},
    {"deal.probability", kDbl, "0..1"},
    {"deal.close_date", kTime, "expected or actual close date"},
    {"deal.created_at", kTime, "when the deal was created"},
    {"deal.is_closed", kBool, "closed (won or lost)"},
    {"deal.is_won", kBool, "closed won"},
    {"deal.type", kStr, "new, expansion, renewal"},
    {"deal.pipeline", kStr, "the source CRM's pipeline"},
    {"deal.requirements_shared", kBool, "the buyer shared requirements (RFP, 要件定義)"},
    {"deal.budget_status", kStr, "none, planned, underway (予算化中), approved"},
    // The signal being routed (routing rules only).
    {"signal.id", kStr, "id from the signal taxonomy"},
    {"signal.intent", kStr, "high, medium or low"},
    {"signal.priority", kInt, "1 = most urgent"},
    {"signal.source", kStr, "the source that produced the event"},
    {"signal.channel", kStr, "seminar, trade_show, referral, web, ..."},
    {"signal.occurred_at", kTime, "when the event happened"},
    // Scores.
    {"score.fit", kInt, "fit (ICP) score: sum of scoring.fit rule points"},
    {"score.engagement", kDbl, "engagement score with decay (scoring.engagement)"},
    {"score.health", kDbl, "deal/account health 0..100, multi-threading weighted"},
    // The buying committee of the account.
    {"committee.size", kInt, "known contacts at the account"},
    {"committee.engaged", kInt, "contacts with a signal in the last 90 days"},
    {"committee.engaged_functions", kInt, "distinct departments among the engaged"},
    {"committee.decision_maker_engaged", kBool, "an engaged contact with role decision_maker"},
    {"committee.executive_engaged", kBool, "an engaged contact with seniority executive"},
    // The raw event (signal definitions only).
    {"event.type", kStr, "canonical event type: web.form_submitted, card.exchanged, ..."},
    {"event.source", kStr, "hubspot, salesforce, sansan, eight, ga4"},
    {"event.channel", kStr, "seminar, trade_show, referral, ..."},
    {"event.campaign", kStr, "campaign name"},
    {"event.form", kStr, "form id or name (web.form_submitted)"},
    {"event.page_location", kStr, "page URL (web.page_view)"},
    {"event.event_name", kStr, "GA4 event name"},
    {"event.subject", kStr, "activity subject (meetings, tasks)"},
    {"event.stage", kStr, "new stage (lifecycle.changed, deal.stage_changed)"},
    {"event.occurred_at", kTime, "when it happened"},
};

expr::Schema build() {
  expr::Schema s;
  for (const auto& f : kFields) s.add_field(f.path, Type::of(f.kind), f.doc);
  const Type str = Type::of(kStr), dur = Type::of(TypeKind::kDuration), time = Type::of(kTime);
  const Type integer = Type::of(kInt), boolean = Type::of(kBool);
  s.add_function(kFnSignalsCount, {str, dur}, integer,
                 "times the signal with this id fired within the window");
  s.add_function(kFnSignalsCountIntent, {str, dur}, integer,
                 "signals of this intent (high, medium, low) within the window");
  s.add_function(kFnSignalsLast, {str}, time, "when the signal last fired; null if never");
  s.add_function("days_in_stage", {}, integer, "calendar days in the current stage");
  s.add_function("business_days_in_stage", {}, integer,
                 "business days (market calendar) in the current stage");
  s.add_function("days_since", {time}, integer, "calendar days from the timestamp to now");
  s.add_function("business_days_since", {time}, integer,
                 "business days (market calendar) from the timestamp to now");
  s.add_function(kFnDef, {str}, boolean, "whether the named definition holds");
  s.add_function(kFnStageIs, {str}, boolean, "whether the entity is in the named stage");
  s.add_function(kFnInSubstate, {str}, boolean,
                 "whether the entity is in the named sub-state of its stage");
  return s;
}

}  // namespace

const expr::Schema& standard_schema() {
  static const expr::Schema schema = build();
  return schema;
}

}  // namespace revarch::design
