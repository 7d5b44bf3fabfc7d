// HubSpot JSON: API v3 records (one object, an array, or {"results": [...]}) and webhook
// deliveries (an array of events with "subscriptionType").
#include <nlohmann/json.hpp>

#include "connectors/connector_impl.h"
#include "connectors/hubspot.h"
#include "store/canonical.h"

namespace revarch::connectors {
namespace {

using nlohmann::json;

std::string scalar_text(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number_unsigned()) return std::to_string(v.get<uint64_t>());
  if (v.is_number_float()) return v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return "";
}

// ---- API records -------------------------------------------------------------------------

std::string join_association_ids(const json& assoc) {
  std::string out;
  const json& results = assoc.contains("results") ? assoc["results"] : assoc;
  if (!results.is_array()) return out;
  for (const json& r : results) {
    std::string id = r.is_object() && r.contains("id")           ? scalar_text(r["id"])
                     : r.is_object() && r.contains("toObjectId") ? scalar_text(r["toObjectId"])
                                                                 : scalar_text(r);
    if (id.empty()) continue;
    if (!out.empty()) out.push_back(';');
    out += id;
  }
  return out;
}

// A record as a one-row table: header = property names, cells = values.
void emit_record(const json& rec, int64_t index, const std::string& file,
                 const ConnectorOptions& options, const RowContext& base) {
  RowContext ctx = base;
  ctx.row = index;
  CsvRecord header;
  CsvRecord row;
  auto add = [&](std::string name, std::string value) {
    header.fields.push_back(std::move(name));
    row.fields.push_back(std::move(value));
  };
  if (rec.contains("properties") && rec["properties"].is_object()) {
    for (const auto& [k, v] : rec["properties"].items()) add(k, scalar_text(v));
  }
  if (rec.contains("id")) add("hs_object_id", scalar_text(rec["id"]));
  if (rec.contains("createdAt")) add("createdate", scalar_text(rec["createdAt"]));
  if (rec.contains("updatedAt")) add("lastmodifieddate", scalar_text(rec["updatedAt"]));
  if (rec.contains("associations") && rec["associations"].is_object()) {
    for (const auto& [k, v] : rec["associations"].items()) {
      if (k.find("compan") != std::string::npos)
        add("Associated Company IDs", join_association_ids(v));
      if (k.find("contact") != std::string::npos)
        add("Associated Contact IDs", join_association_ids(v));
      if (k.find("deal") != std::string::npos) add("Associated Deal IDs", join_association_ids(v));
    }
  }
  ColumnMap map(header.fields, hubspot::aliases(), options.column_overrides);
  std::string hint = file;
  if (rec.contains("objectType")) hint = scalar_text(rec["objectType"]);
  hubspot::emit_row(map, row, hubspot::detect_object(hint, map), ctx);
}

// ---- Webhooks ----------------------------------------------------------------------------

EntityKind kind_of_subscription(std::string_view type) {
  if (type.substr(0, 7) == "company") return EntityKind::kAccount;
  if (type.substr(0, 4) == "deal") return EntityKind::kDeal;
  return EntityKind::kContact;
}

std::string canonical_property(std::string_view hubspot_name) {
  std::vector<std::string> header{std::string(hubspot_name)};
  ColumnMap map(header, hubspot::aliases(), {});
  for (const auto& fa : hubspot::aliases()) {
    if (map.index(fa.field) == 0) return std::string(fa.field);
  }
  return std::string(hubspot_name);
}

void emit_webhook(const json& w, int64_t index, const RowContext& base) {
  RowContext ctx = base;
  ctx.row = index;
  std::string type = scalar_text(w.value("subscriptionType", json()));
  std::string object_id = scalar_text(w.value("objectId", json()));
  std::string occurred = scalar_text(w.value("occurredAt", json()));
  std::string prop = scalar_text(w.value("propertyName", json()));
  std::string value = scalar_text(w.value("propertyValue", json()));
  std::string event_id = scalar_text(w.value("eventId", json()));
  auto t = parse_time(occurred, 0);
  if (type.empty() || !t) {
    ctx.drop(type.empty() ? "subscriptionType" : "occurredAt", "webhook event without type or time",
             w.dump(-1, ' ', false, json::error_handler_t::replace));
    return;
  }
  EntityKind kind = kind_of_subscription(type);
  std::string action = type.substr(type.find('.') == std::string::npos ? 0 : type.find('.') + 1);
  std::string subject_id = object_id;
  if (action == "merge") {
    for (const char* k : {"newObjectId", "primaryObjectId"}) {
      if (w.contains(k) && !scalar_text(w[k]).empty()) {
        subject_id = scalar_text(w[k]);
        break;
      }
    }
  }
  if (action == "associationChange" && w.contains("fromObjectId")) {
    subject_id = scalar_text(w["fromObjectId"]);
  }
  if (subject_id.empty()) {
    ctx.drop("objectId", "webhook event without object id",
             w.dump(-1, ' ', false, json::error_handler_t::replace));
    return;
  }
  std::string_view etype = canon::kRecordUpsert;
  if (action == "propertyChange") etype = canon::kPropertyChanged;
  if (action == "deletion" || action == "privacyDeletion") etype = canon::kRecordDeleted;
  if (action == "merge") etype = canon::kRecordMerged;
  if (action == "associationChange") etype = canon::kAssociationChanged;
  Event e = ctx.make_event(etype);
  e.origin_row = index;
  e.subject = SourceRef{ctx.source, kind, subject_id};
  e.source_record_id = event_id;
  e.occurred_at_ms = t->utc_ms;
  e.original_tz = "Z";
  // eventId alone is not unique (FORMATS.md): the fact is the whole change.
  e.idempotency_key = make_idempotency_key(
      {ctx.source, "webhook", event_id, type, object_id, prop, value, occurred});
  Properties& p = e.properties;
  if (etype == canon::kPropertyChanged) {
    std::string canonical = canonical_property(prop);
    set_property(p, "property", canonical);
    set_property(p, "source_property", prop);
    set_property(p, "value", value);
  }
  if (w.contains("changeSource")) set_property(p, "change_source", scalar_text(w["changeSource"]));
  if (w.contains("changeFlag")) set_property(p, "change_flag", scalar_text(w["changeFlag"]));
  if (etype == canon::kRecordMerged && w.contains("mergedObjectIds") &&
      w["mergedObjectIds"].is_array()) {
    for (const json& m : w["mergedObjectIds"]) {
      if (scalar_text(m) != subject_id)
        e.related.push_back(SourceRef{ctx.source, kind, scalar_text(m)});
    }
  }
  if (etype == canon::kAssociationChanged) {
    std::string assoc = scalar_text(w.value("associationType", json()));
    EntityKind to_kind = assoc.find("TO_COMPANY") != std::string::npos ? EntityKind::kAccount
                         : assoc.find("TO_DEAL") != std::string::npos  ? EntityKind::kDeal
                                                                       : EntityKind::kContact;
    if (assoc.substr(0, 7) == "COMPANY") e.subject.kind = EntityKind::kAccount;
    if (assoc.substr(0, 4) == "DEAL") e.subject.kind = EntityKind::kDeal;
    if (assoc.substr(0, 7) == "CONTACT") e.subject.kind = EntityKind::kContact;
    e.related.push_back(SourceRef{ctx.source, to_kind, scalar_text(w.value("toObjectId", json()))});
    set_property(p, "association_type", assoc);
    set_property(p, "removed",
                 scalar_text(w.value("associationRemoved", json())) == "true" ? "true" : "false");
  }
  ctx.sink->on_event(Event(e));
  // Stage moves are also first-class events.
  std::string canonical = etype == canon::kPropertyChanged ? canonical_property(prop) : "";
  if (canonical == "lifecycle_stage" || canonical == "stage") {
    bool deal = canonical == "stage";
    Event s = e;
    s.type = deal ? canon::kDealStageChanged : canon::kLifecycleChanged;
    s.properties.clear();
    set_property(s.properties, canon::kStage,
                 deal ? hubspot::deal_stage_value(value) : hubspot::lifecycle_value(value));
    s.idempotency_key = make_idempotency_key({e.idempotency_key, "stage"});
    ctx.sink->on_event(std::move(s));
  }
}

bool is_webhook(const json& v) {
  return v.is_object() && v.contains("subscriptionType");
}

void emit_value(const json& v, int64_t& index, const std::string& file,
                const ConnectorOptions& options, const RowContext& ctx, int depth = 0) {
  constexpr int kMaxNesting = 4;  // a page of results inside an array, at most
  if (v.is_array() && depth < kMaxNesting) {
    for (const json& item : v) emit_value(item, index, file, options, ctx, depth + 1);
    return;
  }
  if (v.is_object() && v.contains("results") && v["results"].is_array() && depth < kMaxNesting) {
    emit_value(v["results"], index, file, options, ctx, depth + 1);
    return;
  }
  ++index;
  if (is_webhook(v)) {
    emit_webhook(v, index, ctx);
  } else if (v.is_object() && (v.contains("properties") || v.contains("id"))) {
    emit_record(v, index, file, options, ctx);
  } else {
    RowContext c = ctx;
    c.row = index;
    c.drop("", "neither a HubSpot record nor a webhook event",
           v.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 500));
  }
}

}  // namespace

Status read_hubspot_json(std::unique_ptr<ByteSource> raw, const std::string& file,
                         const ConnectorOptions& options, EventSink& sink) {
  // API pages and webhook bodies are small (a page is at most a few MB): read whole.
  std::string text;
  char buf[64 * 1024];
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(size_t n, raw->read(buf, sizeof buf));
    if (n == 0) break;
    text.append(buf, n);
  }
  RowContext ctx = make_row_context(SourceKind::kHubspot, options, file, sink);
  json doc = json::parse(text, nullptr, false);
  int64_t index = 0;
  if (!doc.is_discarded()) {
    emit_value(doc, index, file, options, ctx);
    return Status::ok();
  }
  // Not one document: try one JSON value per line.
  size_t start = 0;
  int64_t line = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    ++line;
    std::string_view l(text.data() + start, end - start);
    start = end + 1;
    if (l.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    json v = json::parse(l, nullptr, false);
    if (v.is_discarded()) {
      if (line == 1)
        return Status(ErrorCode::kParse, "not valid JSON", SourceLocation{ctx.file, 1});
      RowContext c = ctx;
      c.line = line;
      c.row = index + 1;
      c.drop("", "not valid JSON", std::string(l.substr(0, 500)));
      continue;
    }
    ctx.line = line;
    emit_value(v, index, file, options, ctx);
  }
  return Status::ok();
}

}  // namespace revarch::connectors
