// GA4 BigQuery export rows as NDJSON (optionally gzip): one event per line.
#include <nlohmann/json.hpp>

#include "connectors/connector_impl.h"
#include "connectors/ndjson_reader.h"
#include "store/canonical.h"
#include "text/contact_points.h"
#include "text/ids.h"

namespace revarch::connectors {
namespace {

using nlohmann::json;

std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number_unsigned()) return std::to_string(v.get<uint64_t>());
  if (v.is_number_float()) return v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return "";
}

std::string field(const json& o, const char* key) {
  if (!o.is_object()) return "";
  auto it = o.find(key);
  return it == o.end() ? "" : text_of(*it);
}

const json& object_at(const json& o, const char* key) {
  static const json kNull;
  if (!o.is_object()) return kNull;
  auto it = o.find(key);
  return it == o.end() ? kNull : *it;
}

// event_params as key -> text of whichever value is set.
std::vector<std::pair<std::string, std::string>> params_of(const json& row) {
  std::vector<std::pair<std::string, std::string>> out;
  const json& params = object_at(row, "event_params");
  if (!params.is_array()) return out;
  for (const json& p : params) {
    std::string key = field(p, "key");
    const json& value = object_at(p, "value");
    if (key.empty() || !value.is_object()) continue;
    for (const char* k : {"string_value", "int_value", "double_value", "float_value"}) {
      std::string v = field(value, k);
      if (!v.empty()) {
        out.emplace_back(key, std::move(v));
        break;
      }
    }
  }
  return out;
}

std::string param(const std::vector<std::pair<std::string, std::string>>& ps, const json& row,
                  const char* key) {
  for (const auto& [k, v] : ps) {
    if (k == key) return v;
  }
  return field(row, key);  // dbt-style flattened rows carry some params as columns
}

std::string_view type_of(const std::string& name) {
  if (name == "page_view") return canon::kPageView;
  if (name == "session_start") return canon::kSessionStarted;
  if (name == "generate_lead" || name == "form_submit") return canon::kFormSubmitted;
  return canon::kWebEvent;
}

void emit_row(const json& row, const RowContext& ctx) {
  if (!row.is_object()) {
    ctx.drop("", "not a JSON object",
             row.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 500));
    return;
  }
  std::string name = field(row, "event_name");
  std::string ts = field(row, "event_timestamp");
  std::string pseudo = field(row, "user_pseudo_id");
  if (pseudo.empty()) pseudo = field(row, "client_id");  // dbt-ga4 staging renames it
  std::string user_id = field(row, "user_id");
  if (name.empty()) {
    ctx.drop("event_name", "no event_name",
             row.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 500));
    return;
  }
  int64_t micros = 0;
  try {
    size_t used = 0;
    micros = std::stoll(ts, &used);
    if (used != ts.size()) throw std::invalid_argument(ts);
  } catch (const std::exception&) {
    ctx.drop("event_timestamp", "event_timestamp is not epoch microseconds", ts);
    return;
  }
  std::string visitor = !pseudo.empty() ? pseudo : user_id;
  if (visitor.empty()) {
    ctx.drop("user_pseudo_id", "no user_pseudo_id, client_id or user_id",
             row.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 500));
    return;
  }
  auto ps = params_of(row);
  std::string session = param(ps, row, "ga_session_id");
  Event e = ctx.make_event(type_of(name));
  e.subject = SourceRef{ctx.source, EntityKind::kVisitor, visitor};
  e.occurred_at_ms = micros / 1000;
  e.original_tz = "Z";
  std::string bundle = field(row, "event_bundle_sequence_id");
  e.source_record_id = visitor + ":" + ts + ":" + name;
  // Late-event re-exports repeat rows: the key is what GA4 itself treats as the event.
  e.idempotency_key = make_idempotency_key(
      {ctx.source, visitor, ts, name, session, bundle, field(row, "batch_event_index"),
       field(row, "batch_page_id"), field(row, "batch_ordering_id")});
  Properties& p = e.properties;
  set_property(p, canon::kEventName, name);
  if (!session.empty()) set_property(p, canon::kSessionId, session);
  for (const char* k : {"page_location", "page_title", "page_referrer", "ga_session_number",
                        "engagement_time_msec", "session_engaged", "form_id", "form_name"}) {
    std::string v = param(ps, row, k);
    if (!v.empty()) set_property(p, k, v);
  }
  if (!user_id.empty()) {
    set_property(p, "user_id", user_id);
    if (auto email = text::normalize_email(user_id)) set_property(p, canon::kEmail, *email);
    if (auto sf = text::salesforce_id18(user_id)) {
      std::string_view prefix = text::salesforce_key_prefix(*sf);
      if (prefix == "003" || prefix == "00Q")
        e.related.push_back(SourceRef{"salesforce", EntityKind::kContact, *sf});
    }
  }
  const json& cts = object_at(row, "collected_traffic_source");
  const json& ts_first = object_at(row, "traffic_source");
  std::string src = field(cts, "manual_source");
  std::string med = field(cts, "manual_medium");
  std::string campaign = field(cts, "manual_campaign_name");
  if (src.empty()) src = param(ps, row, "source");
  if (med.empty()) med = param(ps, row, "medium");
  if (campaign.empty()) campaign = param(ps, row, "campaign");
  if (!src.empty()) set_property(p, "traffic_source", src);
  if (!med.empty()) set_property(p, "traffic_medium", med);
  if (!campaign.empty()) set_property(p, canon::kCampaign, campaign);
  if (std::string g = field(cts, "gclid"); !g.empty()) set_property(p, "gclid", g);
  for (const char* k : {"source", "medium", "name"}) {
    std::string v = field(ts_first, k);
    if (!v.empty()) set_property(p, std::string("first_traffic_") + k, v);
  }
  const json& geo = object_at(row, "geo");
  if (std::string c = field(geo, "country"); !c.empty()) set_property(p, canon::kCountry, c);
  if (std::string c = field(geo, "region"); !c.empty()) set_property(p, canon::kPrefecture, c);
  if (std::string c = field(geo, "city"); !c.empty()) set_property(p, canon::kCity, c);
  if (std::string d = field(object_at(row, "device"), "category"); !d.empty()) {
    set_property(p, "device_category", d);
  }
  ctx.sink->on_event(std::move(e));
}

}  // namespace

Status read_ga4_ndjson(std::unique_ptr<ByteSource> raw, const std::string& file,
                       const ConnectorOptions& options, EventSink& sink) {
  NdjsonReader reader(std::move(raw));
  RowContext ctx = make_row_context(SourceKind::kGa4, options, file, sink);
  NdjsonLine line;
  json row;
  while (true) {
    Result<bool> more = reader.next_line(line);
    if (!more.is_ok()) {
      Status st = more.status();
      return Status(st.code(), st.message(), SourceLocation{ctx.file, st.where().line});
    }
    if (!*more) break;
    ++ctx.row;
    ctx.line = line.line;
    if (!NdjsonReader::parse(line, row).is_ok()) {
      ctx.drop("", "not valid JSON", line.text.substr(0, 500));
      continue;
    }
    if (row.is_array()) {  // a JSON array of rows on one line (BigQuery console download)
      for (const json& r : row) emit_row(r, ctx);
    } else {
      emit_row(row, ctx);
    }
  }
  return Status::ok();
}

}  // namespace revarch::connectors
