// Salesforce files: one object CSV (loose or a Data Export ZIP member), OpportunityHistory.
#include <algorithm>
#include <cstdlib>

#include "connectors/connector_impl.h"
#include "connectors/encoding.h"
#include "connectors/salesforce.h"
#include "connectors/zip_reader.h"
#include "store/canonical.h"

namespace revarch::connectors {
namespace salesforce {

void HistoryBuffer::add(const ColumnMap& m, const CsvRecord& r, const RowContext& ctx) {
  std::string opp = id18(m.get(r, "opportunityid"), ctx, m.column_of("opportunityid"));
  if (opp.empty()) {
    ctx.drop(m.column_of("opportunityid"), "no OpportunityId", r.joined());
    return;
  }
  if (parse_bool(m.get(r, "isdeleted")) == true) return;
  auto t = parse_time(m.get(r, "createddate"), ctx.default_offset_minutes);
  if (!t) {
    ctx.drop(m.column_of("createddate"), "unparseable date", m.get(r, "createddate"));
    return;
  }
  Row row;
  row.id = id18(m.get(r, "id"), ctx, m.column_of("id"));
  row.created_ms = t->utc_ms;
  row.tz = original_tz(*t, ctx.default_offset_minutes);
  row.stage = clean_text(m.get(r, "stagename"));
  row.row = ctx.row;
  put_number(row.props, ctx, canon::kAmount, m.column_of("amount"), m.get(r, "amount"));
  put_date(row.props, ctx, canon::kCloseDate, m.column_of("closedate"), m.get(r, "closedate"));
  if (auto n = parse_number(m.get(r, "probability"))) {
    set_property(row.props, canon::kProbability,
                 std::to_string(std::strtod(n->c_str(), nullptr) / 100.0));
  }
  put_text(row.props, "forecast_category", m.get(r, "forecastcategory"));
  auto [it, fresh] = by_opportunity_.try_emplace(opp);
  if (fresh) order_.push_back(opp);
  it->second.push_back(std::move(row));
}

void HistoryBuffer::finish(const RowContext& ctx) {
  for (const std::string& opp : order_) {
    std::vector<Row>& rows = by_opportunity_[opp];
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.created_ms < b.created_ms; });
    std::string previous;
    for (Row& row : rows) {
      if (row.stage.empty() || row.stage == previous) continue;  // amount / date change only
      Event e = ctx.make_event(canon::kDealStageChanged);
      e.origin_row = row.row;
      e.subject = SourceRef{ctx.source, EntityKind::kDeal, opp};
      e.source_record_id = row.id.empty() ? opp : row.id;
      e.occurred_at_ms = row.created_ms;
      e.original_tz = row.tz;
      e.properties = std::move(row.props);
      set_property(e.properties, canon::kStage, row.stage);
      if (!previous.empty()) set_property(e.properties, canon::kPreviousStage, previous);
      e.idempotency_key = make_idempotency_key({ctx.source, "OpportunityHistory", opp, row.id,
                                                std::to_string(row.created_ms), row.stage});
      previous = row.stage;
      ctx.sink->on_event(std::move(e));
    }
  }
  by_opportunity_.clear();
  order_.clear();
}

}  // namespace salesforce

namespace {

Status read_object_csv(std::unique_ptr<ByteSource> raw, const std::string& file,
                       const ConnectorOptions& options, EventSink& sink, bool skip_unknown) {
  CsvReader reader(utf8_decoding_source(std::move(raw)));
  RowContext ctx = make_row_context(SourceKind::kSalesforce, options, file, sink);
  REVARCH_ASSIGN_OR_RETURN(auto header, find_header(reader, salesforce::aliases(), 2, 5));
  if (!header) {
    if (skip_unknown) return Status::ok();
    return Status(ErrorCode::kParse, "no Salesforce header row found", SourceLocation{ctx.file});
  }
  ColumnMap map(header->fields, salesforce::aliases(), options.column_overrides);
  auto object = salesforce::object_from_name(file);
  if (!object) object = salesforce::object_from_columns(map);
  if (!object) {
    if (skip_unknown) return Status::ok();
    return Status(ErrorCode::kUnsupported,
                  "cannot tell which Salesforce object this file holds (name it <Object>.csv)",
                  SourceLocation{ctx.file});
  }
  salesforce::HistoryBuffer history;
  REVARCH_RETURN_IF_ERROR(
      for_each_data_row(reader, *header, map.width(), ctx, [&](const CsvRecord& rec) {
        if (*object == salesforce::Object::kOpportunityHistory) {
          history.add(map, rec, ctx);
        } else {
          salesforce::emit_record(*object, map, rec, ctx);
        }
      }));
  ctx.line = 0;
  history.finish(ctx);
  return Status::ok();
}

}  // namespace

Status read_salesforce_csv(std::unique_ptr<ByteSource> raw, const std::string& file,
                           const ConnectorOptions& options, EventSink& sink) {
  return read_object_csv(std::move(raw), file, options, sink, false);
}

Status read_salesforce_zip(const std::string& path, const ConnectorOptions& options,
                           EventSink& sink) {
  REVARCH_ASSIGN_OR_RETURN(ZipArchive zip, ZipArchive::open(path));
  int known = 0;
  std::string label = options.file_label.empty() ? path : options.file_label;
  for (const std::string& member : zip.members()) {
    if (ascii_lower(member).size() < 4 ||
        ascii_lower(member).substr(ascii_lower(member).size() - 4) != ".csv" ||
        !salesforce::object_from_name(member)) {
      continue;  // the export also holds objects revarch does not read
    }
    ++known;
    REVARCH_ASSIGN_OR_RETURN(auto src, zip.open_member(member));
    ConnectorOptions member_options = options;
    member_options.file_label = label + "!" + member;
    REVARCH_RETURN_IF_ERROR(read_object_csv(std::move(src), member, member_options, sink, true));
  }
  if (known == 0) {
    return Status(ErrorCode::kUnsupported,
                  "no Salesforce object CSV (Lead.csv, Contact.csv, ...) in ZIP",
                  SourceLocation{path});
  }
  return Status::ok();
}

}  // namespace revarch::connectors
