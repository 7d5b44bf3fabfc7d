#include "connectors/connector_impl.h"

#include "store/canonical.h"

namespace revarch::connectors {

std::string source_label(SourceKind kind, const ConnectorOptions& options) {
  return options.source_name.empty() ? source_kind_name(kind) : options.source_name;
}

RowContext make_row_context(SourceKind kind, const ConnectorOptions& options,
                            const std::string& file, EventSink& sink) {
  RowContext ctx;
  ctx.source = source_label(kind, options);
  ctx.file = options.file_label.empty() ? file : options.file_label;
  ctx.default_offset_minutes = options.default_utc_offset_minutes;
  ctx.sink = &sink;
  return ctx;
}

std::vector<std::string> split_ids(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ';' || c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string fallback_id(std::initializer_list<std::string_view> parts) {
  return "h:" + make_idempotency_key(parts).substr(0, 16);
}

bool check_width(const CsvRecord& rec, size_t header_width, const RowContext& ctx) {
  if (rec.fields.size() == header_width) return false;
  std::string reason = "ragged row: " + std::to_string(rec.fields.size()) + " cells, header has " +
                       std::to_string(header_width);
  if (rec.fields.size() > header_width) {
    ctx.drop("", reason, rec.joined());
    return true;
  }
  ctx.note("", reason + ", missing cells read as empty", rec.joined());
  return false;
}

}  // namespace revarch::connectors
