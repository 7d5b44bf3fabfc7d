#pragma once
// What connectors produce and where it goes: the EventSink interface, the quarantine record,
// the per-source options and the source kinds.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/event.h"
#include "store/store.h"

namespace revarch::connectors {

/// The tools revarch reads. Sansan and Eight are both business-card sources.
enum class SourceKind { kHubspot, kSalesforce, kSansan, kEight, kGa4 };

/// "hubspot", "salesforce", "sansan", "eight", "ga4".
const char* source_kind_name(SourceKind kind);
/// Inverse of source_kind_name (case-insensitive); nullopt for anything else.
std::optional<SourceKind> parse_source_kind(std::string_view name);

/// Rows the connector could not (fully) use go to the sink as revarch::QuarantinedRow
/// (store/store.h): `row` is the 1-based data row (header excluded; the record number for
/// NDJSON), `line` the physical line where it starts, `column` the source column concerned ("" for
/// the whole row), `raw` the offending cell (or the whole row when column is ""). A row that still
/// produced its events has a reason ending in "(kept)", e.g. "invalid e-mail (kept)"; any other
/// reason means the row produced nothing.
using revarch::QuarantinedRow;

/// Receives a connector's output, in file order. Implementations decide what to keep; the
/// connectors never retain references to what they pass.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void on_event(Event&& event) = 0;
  virtual void on_quarantine(QuarantinedRow&& row) = 0;
};

/// A sink that keeps everything in memory (tests, small imports). Not thread-safe.
class CollectingSink : public EventSink {
 public:
  void on_event(Event&& event) override { events.push_back(std::move(event)); }
  void on_quarantine(QuarantinedRow&& row) override { quarantine.push_back(std::move(row)); }
  std::vector<Event> events;
  std::vector<QuarantinedRow> quarantine;
};

/// How to read one source. Every field has a default that suits the standard exports.
struct ConnectorOptions {
  /// Name written into Event::source and SourceRef::source; "" means the source kind's name.
  std::string source_name;
  /// Source header (as written in the file, compared case-insensitively after NFKC) ->
  /// canonical property name (store/canonical.h) or one of the connector's field names
  /// (docs/connectors.md). Overrides win over the built-in header aliases.
  std::map<std::string, std::string> column_overrides;
  /// Offset applied to timestamps that carry none (540 = JST).
  int default_utc_offset_minutes = 540;
  /// Written to Event::origin_file and QuarantinedRow::file; "" means the path given.
  std::string file_label;
};

}  // namespace revarch::connectors
