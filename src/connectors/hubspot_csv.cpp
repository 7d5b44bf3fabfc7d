// HubSpot CSV exports (contacts, companies, deals) with label or internal-name headers.
#include <algorithm>

#include "connectors/connector_impl.h"
#include "connectors/encoding.h"
#include "connectors/hubspot.h"
#include "store/canonical.h"
#include "text/contact_points.h"

namespace revarch::connectors::hubspot {
namespace {

EntityKind kind_of(Object o) {
  switch (o) {
    case Object::kCompany: return EntityKind::kAccount;
    case Object::kDeal: return EntityKind::kDeal;
    default: return EntityKind::kContact;
  }
}
const char* object_name(Object o) {
  switch (o) {
    case Object::kCompany: return "company";
    case Object::kDeal: return "deal";
    default: return "contact";
  }
}

struct RowTimes {
  std::optional<ParsedTime> created, updated;
};

Properties row_properties(const ColumnMap& m, const CsvRecord& r, const RowContext& ctx,
                          RowTimes& times) {
  Properties p;
  auto col = [&](std::string_view f) { return m.column_of(f); };
  auto get = [&](std::string_view f) { return m.get(r, f); };
  put_email(p, ctx, col("email"), get("email"));
  put_text(p, canon::kFirstName, get("first_name"));
  put_text(p, canon::kLastName, get("last_name"));
  put_phone(p, ctx, canon::kPhone, col("phone"), get("phone"));
  put_phone(p, ctx, canon::kMobile, col("mobile"), get("mobile"));
  put_text(p, canon::kTitle, get("title"));
  put_text(p, canon::kDepartment, get("department"));
  put_text(p, canon::kCompanyName, get("company_name"));
  put_text(p, canon::kOwnerId, get("owner_id"));
  times.created = put_time(p, ctx, canon::kCreatedAt, col("created_at"), get("created_at"));
  times.updated = put_time(p, ctx, canon::kUpdatedAt, col("updated_at"), get("updated_at"));
  if (std::string v = clean_text(get("lifecycle_stage")); !v.empty()) {
    set_property(p, canon::kLifecycleStage, lifecycle_value(v));
  }
  if (std::string v = clean_text(get("lead_status")); !v.empty()) {
    set_property(p, canon::kLeadStatus, lead_status_value(v));
  }
  if (std::string v = clean_text(get("original_source")); !v.empty()) {
    set_property(p, canon::kOriginalSource, source_value(v));
  }
  put_website(p, get("website"));
  if (auto d = text::normalize_domain(get("domain"))) set_property(p, canon::kDomain, *d);
  put_number(p, ctx, canon::kEmployees, col("employees"), get("employees"));
  put_number(p, ctx, canon::kAnnualRevenue, col("annual_revenue"), get("annual_revenue"));
  put_text(p, canon::kIndustry, get("industry"));
  put_text(p, canon::kCity, get("city"));
  put_text(p, canon::kPrefecture, get("prefecture"));
  put_text(p, canon::kCountry, get("country"));
  put_text(p, canon::kPostalCode, get("postal_code"));
  put_corporate_number(p, ctx, col("corporate_number"), get("corporate_number"));
  put_text(p, canon::kDealName, get("deal_name"));
  std::string stage = clean_text(get("stage"));
  if (!stage.empty()) {
    stage = deal_stage_value(stage);
    set_property(p, canon::kStage, stage);
    if (stage == "closedwon" || stage == "closedlost") {
      set_property(p, canon::kIsClosed, "true");
      set_property(p, canon::kIsWon, stage == "closedwon" ? "true" : "false");
    }
  }
  if (!clean_text(get("pipeline")).empty()) {
    set_property(p, canon::kPipeline, pipeline_value(get("pipeline")));
  }
  put_number(p, ctx, canon::kAmount, col("amount"), get("amount"));
  put_text(p, canon::kCurrency, get("currency"));
  put_date(p, ctx, canon::kCloseDate, col("close_date"), get("close_date"));
  put_text(p, canon::kDealType, get("deal_type"));
  put_number(p, ctx, canon::kProbability, col("probability"), get("probability"));
  put_bool(p, ctx, canon::kIsWon, col("is_won"), get("is_won"));
  for (const auto& [i, prop] : m.passthrough()) {
    if (static_cast<size_t>(i) < r.fields.size())
      put_text(p, prop, r.fields[static_cast<size_t>(i)]);
  }
  return p;
}

void add_related(Event& e, std::string_view ids, EntityKind kind) {
  for (std::string& id : split_ids(ids))
    e.related.push_back(SourceRef{e.source, kind, std::move(id)});
}

struct StageDate {
  std::string stage;
  ParsedTime when;
  std::string column;
};

// lifecycle.changed / deal.stage_changed events from the stage-date columns, in time order,
// each naming the stage before it.
void emit_stage_dates(const ColumnMap& m, const StageColumns& stages, const CsvRecord& r,
                      Object object, const SourceRef& subj, const RowContext& ctx) {
  std::vector<StageDate> dates;
  for (const auto& [i, stage] : stages) {
    if (i >= r.fields.size() || r.fields[i].empty()) continue;
    const std::string& column = m.header_name(static_cast<int>(i));
    auto t = parse_time(r.fields[i], ctx);
    if (!t) {
      ctx.note(column, "unparseable date", r.fields[i]);
      continue;
    }
    dates.push_back(StageDate{stage, std::move(*t), column});
  }
  if (dates.empty()) return;
  std::stable_sort(dates.begin(), dates.end(), [](const StageDate& a, const StageDate& b) {
    return a.when.utc_ms < b.when.utc_ms;
  });
  std::string previous;
  for (const StageDate& d : dates) {
    Event e = ctx.make_event(object == Object::kDeal ? canon::kDealStageChanged
                                                     : canon::kLifecycleChanged);
    e.subject = subj;
    e.source_record_id = subj.id;
    e.occurred_at_ms = d.when.utc_ms;
    e.original_tz = original_tz(d.when, ctx.default_offset_minutes);
    e.idempotency_key = make_idempotency_key({ctx.source, object_name(object), subj.id, "stage",
                                              d.stage, std::to_string(d.when.utc_ms)});
    set_property(e.properties, canon::kStage, d.stage);
    if (!previous.empty()) set_property(e.properties, canon::kPreviousStage, previous);
    previous = d.stage;
    ctx.sink->on_event(std::move(e));
  }
}

}  // namespace

StageColumns stage_columns(const ColumnMap& m) {
  StageColumns out;
  for (size_t i = 0; i < m.keys().size(); ++i) {
    std::string stage = stage_of_date_column(m.keys()[i]);
    if (!stage.empty()) out.emplace_back(i, std::move(stage));
  }
  return out;
}

void emit_row(const ColumnMap& m, const CsvRecord& r, Object object, const RowContext& ctx) {
  emit_row(m, stage_columns(m), r, object, ctx);
}

void emit_row(const ColumnMap& m, const StageColumns& stages, const CsvRecord& r, Object object,
              const RowContext& ctx) {
  RowTimes times;
  Properties props = row_properties(m, r, ctx, times);
  std::string id = clean_text(m.get(r, "record_id"));
  const std::string* email = find_property(props, canon::kEmail);
  const std::string* first = find_property(props, canon::kFirstName);
  const std::string* last = find_property(props, canon::kLastName);
  const std::string* name =
      find_property(props, object == Object::kDeal ? canon::kDealName : canon::kCompanyName);
  if (id.empty()) {
    if (!email && !first && !last && !name) {
      ctx.drop(m.column_of("record_id"), "no record id, e-mail or name", r.joined());
      return;
    }
    id = fallback_id(
        {email ? *email : "", first ? *first : "", last ? *last : "", name ? *name : ""});
    ctx.note(m.column_of("record_id"), "no record id, stable hash used", "");
  }
  Event e = ctx.make_event(canon::kRecordUpsert);
  e.subject = SourceRef{ctx.source, kind_of(object), id};
  e.source_record_id = id;
  add_related(e, m.get(r, "company_ids"), EntityKind::kAccount);
  add_related(e, m.get(r, "contact_ids"), EntityKind::kContact);
  add_related(e, m.get(r, "deal_ids"), EntityKind::kDeal);
  const std::optional<ParsedTime>& updated = times.updated;
  const std::optional<ParsedTime>& created = times.created;
  const auto* when = updated ? &*updated : created ? &*created : nullptr;
  if (when) {
    e.occurred_at_ms = when->utc_ms;
    e.original_tz = original_tz(*when, ctx.default_offset_minutes);
  } else {
    ctx.note(m.column_of("updated_at"), "no modification or creation date, occurred_at is 0", "");
  }
  // Same record, same modification time: the same snapshot. Without a modification time the
  // content decides.
  std::string version = updated ? std::to_string(updated->utc_ms) : "content:" + r.joined('\x1f');
  e.idempotency_key = make_idempotency_key({ctx.source, object_name(object), id, version});
  e.properties = std::move(props);
  SourceRef subject = e.subject;
  ctx.sink->on_event(std::move(e));
  emit_stage_dates(m, stages, r, object, subject, ctx);
}

}  // namespace revarch::connectors::hubspot

namespace revarch::connectors {

Status read_hubspot_csv(std::unique_ptr<ByteSource> raw, const std::string& file,
                        const ConnectorOptions& options, EventSink& sink) {
  CsvReader reader(utf8_decoding_source(std::move(raw)));
  REVARCH_ASSIGN_OR_RETURN(auto header, find_header(reader, hubspot::aliases(), 2));
  if (!header) {
    return Status(ErrorCode::kParse, "no HubSpot header row found", SourceLocation{file});
  }
  ColumnMap map(header->fields, hubspot::aliases(), options.column_overrides);
  hubspot::Object object = hubspot::detect_object(file, map);
  const hubspot::StageColumns stages = hubspot::stage_columns(map);
  RowContext ctx = make_row_context(SourceKind::kHubspot, options, file, sink);
  ctx.slash_dates = true;  // the portal's date format
  return for_each_data_row(reader, *header, map.width(), ctx, [&](const CsvRecord& rec) {
    hubspot::emit_row(map, stages, rec, object, ctx);
  });
}

}  // namespace revarch::connectors
