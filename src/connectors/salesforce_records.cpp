// Salesforce records: Lead, Contact, Account, Opportunity, Task, Event.
#include <cstdlib>

#include "connectors/connector_impl.h"
#include "connectors/salesforce.h"
#include "store/canonical.h"

namespace revarch::connectors::salesforce {
namespace {

struct Row {
  const ColumnMap& m;
  const CsvRecord& r;
  const RowContext& ctx;
  std::string_view get(std::string_view f) const { return m.get(r, f); }
  std::string_view col(std::string_view f) const { return m.column_of(f); }
  std::string id(std::string_view f) const { return id18(get(f), ctx, col(f)); }
};

void add_ref(Event& e, const std::string& id, std::optional<EntityKind> fallback = std::nullopt) {
  if (id.empty()) return;
  std::optional<EntityKind> k = kind_of_id(id);
  if (!k) k = fallback;
  if (!k) return;
  SourceRef ref{e.source, *k, id};
  for (const SourceRef& r : e.related) {
    if (r == ref) return;
  }
  e.related.push_back(std::move(ref));
}

void person_props(const Row& row, Properties& p) {
  put_email(p, row.ctx, row.col("email"), row.get("email"));
  put_text(p, canon::kFirstName, row.get("firstname"));
  put_text(p, canon::kLastName, row.get("lastname"));
  put_text(p, canon::kFullName, row.get("name"));
  put_text(p, canon::kTitle, row.get("title"));
  put_text(p, canon::kDepartment, row.get("department"));
  put_phone(p, row.ctx, canon::kMobile, row.col("mobilephone"), row.get("mobilephone"));
  put_text(p, canon::kCompanyName, row.get("company"));
  put_text(p, canon::kLeadStatus, row.get("status"));
}

void company_props(const Row& row, Properties& p, bool account) {
  if (account) put_text(p, canon::kCompanyName, row.get("name"));
  put_website(p, row.get("website"));
  put_text(p, canon::kIndustry, row.get("industry"));
  put_number(p, row.ctx, canon::kEmployees, row.col("numberofemployees"),
             row.get("numberofemployees"));
  put_number(p, row.ctx, canon::kAnnualRevenue, row.col("annualrevenue"), row.get("annualrevenue"));
  put_text(p, canon::kCountry, row.get("country"));
  put_text(p, canon::kPrefecture, row.get("state"));
  put_text(p, canon::kCity, row.get("city"));
  put_text(p, canon::kPostalCode, row.get("postalcode"));
  put_corporate_number(p, row.ctx, row.col("corporatenumber__c"), row.get("corporatenumber__c"));
}

void deal_props(const Row& row, Properties& p) {
  put_text(p, canon::kDealName, row.get("name"));
  put_text(p, canon::kStage, row.get("stagename"));
  put_number(p, row.ctx, canon::kAmount, row.col("amount"), row.get("amount"));
  put_date(p, row.ctx, canon::kCloseDate, row.col("closedate"), row.get("closedate"));
  if (auto n = parse_number(row.get("probability"))) {  // percent -> 0..1
    set_property(p, canon::kProbability, std::to_string(std::strtod(n->c_str(), nullptr) / 100.0));
  } else if (!clean_text(row.get("probability")).empty()) {
    row.ctx.note(row.col("probability"), "not a number", row.get("probability"));
  }
  put_bool(p, row.ctx, canon::kIsClosed, row.col("isclosed"), row.get("isclosed"));
  put_bool(p, row.ctx, canon::kIsWon, row.col("iswon"), row.get("iswon"));
  put_text(p, canon::kDealType, row.get("type"));
  put_text(p, canon::kCurrency, row.get("currencyisocode"));
}

void activity_props(const Row& row, Properties& p) {
  put_text(p, canon::kSubjectText, row.get("subject"));
  put_text(p, "status", row.get("status"));
  put_text(p, "priority", row.get("priority"));
  std::string subtype = ascii_lower(clean_text(row.get("tasksubtype")));
  if (subtype.empty()) subtype = ascii_lower(clean_text(row.get("eventsubtype")));
  if (!subtype.empty()) set_property(p, canon::kChannel, subtype);
  put_number(p, row.ctx, "call_duration_seconds", row.col("calldurationinseconds"),
             row.get("calldurationinseconds"));
  put_number(p, row.ctx, "duration_minutes", row.col("durationinminutes"),
             row.get("durationinminutes"));
  put_time(p, row.ctx, "start_at", row.col("startdatetime"), row.get("startdatetime"));
  put_time(p, row.ctx, "end_at", row.col("enddatetime"), row.get("enddatetime"));
  put_bool(p, row.ctx, "all_day", row.col("isalldayevent"), row.get("isalldayevent"));
  put_text(p, "location", row.get("location"));
}

// The first parseable of `fields`; notes unparseable ones.
std::optional<ParsedTime> first_time(const Row& row,
                                     std::initializer_list<std::string_view> fields) {
  for (std::string_view f : fields) {
    std::string_view v = row.get(f);
    if (clean_text(v).empty()) continue;
    if (auto t = parse_time(v, row.ctx.default_offset_minutes)) return t;
  }
  return std::nullopt;
}

void set_time(Event& e, const std::optional<ParsedTime>& t, const RowContext& ctx) {
  if (!t) return;
  e.occurred_at_ms = t->utc_ms;
  e.original_tz = original_tz(*t, ctx.default_offset_minutes);
}

void emit_conversion(const Row& row, const SourceRef& subject, const std::string& record_id) {
  if (parse_bool(row.get("isconverted")) != true) return;
  Event e = row.ctx.make_event(canon::kLeadConverted);
  e.subject = subject;
  e.source_record_id = record_id;
  set_time(e, first_time(row, {"converteddate", "lastmodifieddate", "systemmodstamp"}), row.ctx);
  add_ref(e, row.id("convertedcontactid"), EntityKind::kContact);
  add_ref(e, row.id("convertedaccountid"), EntityKind::kAccount);
  add_ref(e, row.id("convertedopportunityid"), EntityKind::kDeal);
  put_date(e.properties, row.ctx, "converted_date", row.col("converteddate"),
           row.get("converteddate"));
  e.idempotency_key = make_idempotency_key({e.source, "Lead", e.subject.id, "converted"});
  row.ctx.sink->on_event(std::move(e));
}

}  // namespace

void emit_record(Object object, const ColumnMap& m, const CsvRecord& r, const RowContext& ctx) {
  Row row{m, r, ctx};
  std::string id = row.id("id");
  if (id.empty()) {
    ctx.drop(m.column_of("id"), "no Id", r.joined());
    return;
  }
  bool activity = object == Object::kTask || object == Object::kEvent;
  Event e = ctx.make_event(object == Object::kTask    ? canon::kTask
                           : object == Object::kEvent ? canon::kMeeting
                                                      : canon::kRecordUpsert);
  if (!activity && parse_bool(row.get("isdeleted")) == true) e.type = canon::kRecordDeleted;
  e.source_record_id = id;
  Properties& p = e.properties;
  switch (object) {
    case Object::kLead:
    case Object::kContact:
      e.subject = SourceRef{ctx.source, EntityKind::kContact, id};
      person_props(row, p);
      put_phone(p, ctx, canon::kPhone, row.col("phone"), row.get("phone"));
      if (object == Object::kLead) company_props(row, p, false);
      put_text(p, canon::kOriginalSource, row.get("leadsource"));
      break;
    case Object::kAccount:
      e.subject = SourceRef{ctx.source, EntityKind::kAccount, id};
      company_props(row, p, true);
      put_phone(p, ctx, canon::kPhone, row.col("phone"), row.get("phone"));
      break;
    case Object::kOpportunity:
      e.subject = SourceRef{ctx.source, EntityKind::kDeal, id};
      deal_props(row, p);
      put_text(p, canon::kOriginalSource, row.get("leadsource"));
      break;
    default: activity_props(row, p); break;
  }
  std::string owner = row.id("ownerid");
  if (!owner.empty()) set_property(p, canon::kOwnerId, owner);
  put_time(p, ctx, canon::kCreatedAt, row.col("createddate"), row.get("createddate"));
  put_time(p, ctx, canon::kUpdatedAt, row.col("lastmodifieddate"), row.get("lastmodifieddate"));
  for (const auto& [i, prop] : m.passthrough()) {  // custom columns the design maps
    if (static_cast<size_t>(i) < r.fields.size())
      put_text(p, prop, r.fields[static_cast<size_t>(i)]);
  }
  if (activity) {
    std::string who = row.id("whoid");
    std::string what = row.id("whatid");
    add_ref(e, who);  // first: the subject is the person when there is one
    add_ref(e, row.id("accountid"), EntityKind::kAccount);
    add_ref(e, what);
    if (!what.empty() && !kind_of_id(what)) set_property(p, "what_id", what);
    if (e.related.empty()) {
      if (owner.empty()) {
        ctx.drop("WhoId", "activity linked to no contact, account, opportunity or owner",
                 r.joined());
        return;
      }
      e.subject = SourceRef{ctx.source, EntityKind::kOwner, owner};
    } else {
      e.subject = e.related.front();  // the person when WhoId is set, else the account / deal
    }
    set_time(e,
             first_time(row, {"completeddatetime", "startdatetime", "activitydatetime",
                              "activitydate", "createddate"}),
             ctx);
  } else {
    add_ref(e, row.id("accountid"), EntityKind::kAccount);
    add_ref(e, owner, EntityKind::kOwner);
    set_time(e, first_time(row, {"lastmodifieddate", "systemmodstamp", "createddate"}), ctx);
  }
  if (e.occurred_at_ms == 0)
    ctx.note(m.column_of("createddate"), "no usable date, occurred_at is 0", "");
  std::string version(clean_text(row.get("systemmodstamp")));
  if (version.empty()) version = clean_text(row.get("lastmodifieddate"));
  if (version.empty()) version = "content:" + r.joined('\x1f');
  e.idempotency_key = make_idempotency_key({ctx.source, object_name(object), id, version});
  if (object != Object::kLead) {
    ctx.sink->on_event(std::move(e));
    return;
  }
  const SourceRef subject = e.subject;
  ctx.sink->on_event(std::move(e));
  emit_conversion(row, subject, id);
}

}  // namespace revarch::connectors::salesforce
