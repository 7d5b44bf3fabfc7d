// GA4 BigQuery export rows as NDJSON (optionally gzip): one event per line.
#include <nlohmann/json.hpp>

#include "connectors/connector_impl.h"
#include "connectors/ga4_row.h"
#include "connectors/ndjson_reader.h"
#include "store/canonical.h"
#include "text/contact_points.h"
#include "text/ids.h"

namespace revarch::connectors {
namespace ga4 {
namespace {

using nlohmann::json;

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

}  // namespace

std::string text_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number_unsigned()) return std::to_string(v.get<uint64_t>());
  if (v.is_number_float()) return v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return "";
}

const std::string& Ga4Row::param(size_t i) const {
  for (const auto& [k, v] : params) {
    if (k == kParamNames[i]) return v;
  }
  return columns[i];
}

void from_dom(const json& row, Ga4Row& out) {
  out.event_name = field(row, "event_name");
  out.event_timestamp = field(row, "event_timestamp");
  out.user_pseudo_id = field(row, "user_pseudo_id");
  out.client_id = field(row, "client_id");
  out.user_id = field(row, "user_id");
  out.bundle = field(row, "event_bundle_sequence_id");
  out.batch_event_index = field(row, "batch_event_index");
  out.batch_page_id = field(row, "batch_page_id");
  out.batch_ordering_id = field(row, "batch_ordering_id");
  for (size_t i = 0; i < kParamNames.size(); ++i) {
    out.columns[i] = field(row, std::string(kParamNames[i]).c_str());
  }
  out.params.clear();
  const json& params = object_at(row, "event_params");
  if (params.is_array()) {
    for (const json& p : params) {
      std::string key = field(p, "key");
      const json& value = object_at(p, "value");
      if (key.empty() || !value.is_object()) continue;
      for (const char* k : {"string_value", "int_value", "double_value", "float_value"}) {
        std::string v = field(value, k);
        if (!v.empty()) {
          out.params.emplace_back(key, std::move(v));
          break;
        }
      }
    }
  }
  const json& cts = object_at(row, "collected_traffic_source");
  out.cts_source = field(cts, "manual_source");
  out.cts_medium = field(cts, "manual_medium");
  out.cts_campaign = field(cts, "manual_campaign_name");
  out.cts_gclid = field(cts, "gclid");
  const json& first = object_at(row, "traffic_source");
  out.first_source = field(first, "source");
  out.first_medium = field(first, "medium");
  out.first_name = field(first, "name");
  const json& geo = object_at(row, "geo");
  out.country = field(geo, "country");
  out.region = field(geo, "region");
  out.city = field(geo, "city");
  out.device_category = field(object_at(row, "device"), "category");
}

}  // namespace ga4

namespace {

using ga4::Ga4Row;
using nlohmann::json;

std::string_view type_of(const std::string& name) {
  if (name == "page_view") return canon::kPageView;
  if (name == "session_start") return canon::kSessionStarted;
  if (name == "generate_lead" || name == "form_submit") return canon::kFormSubmitted;
  return canon::kWebEvent;
}

std::string dump(const json& row) {
  return row.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 500);
}

// event_timestamp as an integer (what std::stoll accepts, all of it); nullopt otherwise.
std::optional<int64_t> micros_of(const std::string& ts) {
  try {
    size_t used = 0;
    int64_t v = std::stoll(ts, &used);
    if (used != ts.size()) return std::nullopt;
    return v;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// Why `r` produces no event, or nullopt when it produces one. Sets `micros`.
std::optional<std::pair<const char*, const char*>> drop_reason(const Ga4Row& r, int64_t& micros) {
  if (r.event_name.empty()) return std::make_pair("event_name", "no event_name");
  std::optional<int64_t> m = micros_of(r.event_timestamp);
  if (!m) {
    return std::make_pair("event_timestamp", "event_timestamp is not epoch microseconds");
  }
  micros = *m;
  if (r.user_pseudo_id.empty() && r.client_id.empty() && r.user_id.empty()) {
    return std::make_pair("user_pseudo_id", "no user_pseudo_id, client_id or user_id");
  }
  return std::nullopt;
}

void emit(const Ga4Row& r, int64_t micros, const RowContext& ctx) {
  const std::string& pseudo = !r.user_pseudo_id.empty() ? r.user_pseudo_id : r.client_id;
  const std::string& visitor = !pseudo.empty() ? pseudo : r.user_id;
  const std::string& name = r.event_name;
  const std::string& ts = r.event_timestamp;
  const std::string& session = r.param(ga4::kSessionId);
  Event e = ctx.make_event(type_of(name));
  e.subject = SourceRef{ctx.source, EntityKind::kVisitor, visitor};
  e.occurred_at_ms = micros / 1000;
  e.original_tz = "Z";
  e.source_record_id.reserve(visitor.size() + ts.size() + name.size() + 2);
  e.source_record_id.append(visitor).append(":").append(ts).append(":").append(name);
  // Late-event re-exports repeat rows: the key is what GA4 itself treats as the event.
  e.idempotency_key =
      make_idempotency_key({ctx.source, visitor, ts, name, session, r.bundle, r.batch_event_index,
                            r.batch_page_id, r.batch_ordering_id});
  Properties& p = e.properties;
  p.reserve(16);
  set_property(p, canon::kEventName, name);
  if (!session.empty()) set_property(p, canon::kSessionId, session);
  for (size_t i = ga4::kFirstProperty; i <= ga4::kLastProperty; ++i) {
    const std::string& v = r.param(i);
    if (!v.empty()) set_property(p, ga4::kParamNames[i], v);
  }
  if (!r.user_id.empty()) {
    set_property(p, "user_id", r.user_id);
    if (auto email = text::normalize_email(r.user_id)) set_property(p, canon::kEmail, *email);
    if (auto sf = text::salesforce_id18(r.user_id)) {
      std::string_view prefix = text::salesforce_key_prefix(*sf);
      if (prefix == "003" || prefix == "00Q")
        e.related.push_back(SourceRef{"salesforce", EntityKind::kContact, *sf});
    }
  }
  const std::string& src = !r.cts_source.empty() ? r.cts_source : r.param(ga4::kSource);
  const std::string& med = !r.cts_medium.empty() ? r.cts_medium : r.param(ga4::kMedium);
  const std::string& campaign = !r.cts_campaign.empty() ? r.cts_campaign : r.param(ga4::kCampaign);
  if (!src.empty()) set_property(p, "traffic_source", src);
  if (!med.empty()) set_property(p, "traffic_medium", med);
  if (!campaign.empty()) set_property(p, canon::kCampaign, campaign);
  if (!r.cts_gclid.empty()) set_property(p, "gclid", r.cts_gclid);
  if (!r.first_source.empty()) set_property(p, "first_traffic_source", r.first_source);
  if (!r.first_medium.empty()) set_property(p, "first_traffic_medium", r.first_medium);
  if (!r.first_name.empty()) set_property(p, "first_traffic_name", r.first_name);
  if (!r.country.empty()) set_property(p, canon::kCountry, r.country);
  if (!r.region.empty()) set_property(p, canon::kPrefecture, r.region);
  if (!r.city.empty()) set_property(p, canon::kCity, r.city);
  if (!r.device_category.empty()) set_property(p, "device_category", r.device_category);
  ctx.sink->on_event(std::move(e));
}

void emit_row(const json& row, Ga4Row& scratch, const RowContext& ctx) {
  if (!row.is_object()) {
    ctx.drop("", "not a JSON object", dump(row));
    return;
  }
  ga4::from_dom(row, scratch);
  int64_t micros = 0;
  if (auto why = drop_reason(scratch, micros)) {
    ctx.drop(
        why->first, why->second,
        why->first == std::string_view("event_timestamp") ? scratch.event_timestamp : dump(row));
    return;
  }
  emit(scratch, micros, ctx);
}

}  // namespace

Status read_ga4_ndjson(std::unique_ptr<ByteSource> raw, const std::string& file,
                       const ConnectorOptions& options, EventSink& sink) {
  NdjsonReader reader(std::move(raw));
  RowContext ctx = make_row_context(SourceKind::kGa4, options, file, sink);
  NdjsonLine line;
  json row;
  Ga4Row fast;
  while (true) {
    Result<bool> more = reader.next_line(line);
    if (!more.is_ok()) {
      Status st = more.status();
      return Status(st.code(), st.message(), SourceLocation{ctx.file, st.where().line});
    }
    if (!*more) break;
    ++ctx.row;
    ctx.line = line.line;
    int64_t micros = 0;
    if (ga4::from_text(line.text, fast) && !drop_reason(fast, micros)) {
      emit(fast, micros, ctx);  // the usual row: no DOM needed
      continue;
    }
    if (!NdjsonReader::parse(line, row).is_ok()) {
      ctx.drop("", "not valid JSON", line.text.substr(0, 500));
      continue;
    }
    if (row.is_array()) {  // a JSON array of rows on one line (BigQuery console download)
      for (const json& r : row) emit_row(r, fast, ctx);
    } else {
      emit_row(row, fast, ctx);
    }
  }
  return Status::ok();
}

}  // namespace revarch::connectors
