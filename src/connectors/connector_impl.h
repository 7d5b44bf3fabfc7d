#pragma once
// Internal: the per-source readers behind read_export (connectors.h) and helpers they share.
// Each reads one decoded or raw stream and reports through `sink`; the returned Status is only
// for what stops the whole file (unreadable bytes, no header, unknown object).

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "connectors/byte_source.h"
#include "connectors/columns.h"
#include "connectors/sink.h"
#include "connectors/values.h"

namespace revarch::connectors {

/// The name written into events: options.source_name or the kind's name.
std::string source_label(SourceKind kind, const ConnectorOptions& options);

/// A RowContext for `file` with the options' offset and the sink.
RowContext make_row_context(SourceKind kind, const ConnectorOptions& options,
                            const std::string& file, EventSink& sink);

/// Splits "1;2, 3" on ';', ',' and white space; empty parts dropped.
std::vector<std::string> split_ids(std::string_view s);

/// A stable id for a record the source gave none: "h:" + 16 hex digits of the parts' key.
std::string fallback_id(std::initializer_list<std::string_view> parts);

/// Quarantines `rec` as ragged when its width differs from the header's; returns true when the
/// row must be skipped (more cells than the header), false when it can be read (fewer cells:
/// the missing cells are empty, noted).
bool check_width(const CsvRecord& rec, size_t header_width, const RowContext& ctx);

/// Reads the data rows that follow `header`, keeping ctx.row / ctx.line current, quarantining
/// rows wider than the header (check_width), and calling `on_row(rec)` for every other row.
/// Returns the reader's error, located at file and line, or ok at the end of the file.
template <typename OnRow>
Status for_each_data_row(CsvReader& reader, const CsvRecord& header, size_t width, RowContext& ctx,
                         OnRow&& on_row) {
  CsvRecord rec;
  while (true) {
    Result<bool> more = reader.next(rec);
    if (!more.is_ok()) {
      Status st = more.status();
      return Status(st.code(), st.message(), SourceLocation{ctx.file, st.where().line});
    }
    if (!*more) return Status::ok();
    ctx.row = rec.record - header.record;
    ctx.line = rec.line;
    if (check_width(rec, width, ctx)) continue;
    on_row(rec);
  }
}

// ---- Per-source readers (raw bytes in; they decode) ------------------------------------
Status read_hubspot_csv(std::unique_ptr<ByteSource> raw, const std::string& file,
                        const ConnectorOptions& options, EventSink& sink);
Status read_hubspot_json(std::unique_ptr<ByteSource> raw, const std::string& file,
                         const ConnectorOptions& options, EventSink& sink);
Status read_salesforce_csv(std::unique_ptr<ByteSource> raw, const std::string& file,
                           const ConnectorOptions& options, EventSink& sink);
Status read_salesforce_zip(const std::string& path, const ConnectorOptions& options,
                           EventSink& sink);
Status read_cards_csv(SourceKind kind, std::unique_ptr<ByteSource> raw, const std::string& file,
                      const ConnectorOptions& options, EventSink& sink);
Status read_ga4_ndjson(std::unique_ptr<ByteSource> raw, const std::string& file,
                       const ConnectorOptions& options, EventSink& sink);

}  // namespace revarch::connectors
