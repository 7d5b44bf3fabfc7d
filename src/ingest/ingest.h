#pragma once
// `revarch ingest`: export files → connectors → event log → identity resolution.
//
// Each file is read by its connector in one streaming pass; events are appended to the store in
// batches, one transaction per batch, so a crash leaves every batch either wholly stored or not
// at all, and re-running the same ingest adds exactly what is missing (idempotency keys).
// Quarantined rows are stored with file, row, column and reason; the rest of the file goes on.
// After the files, identity is resolved again over the whole log and replaced atomically.
//
// Not thread-safe: one Ingestor per store connection.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "connectors/sink.h"
#include "identity/config.h"
#include "store/store.h"

namespace revarch::ingest {

/// What one file gave.
struct FileSummary {
  std::string path;
  std::string source;   // detected or given
  IngestCounts counts;  // read = records read (rows, objects, webhook events)
  Status status;        // not ok when the file could not be read at all
  std::vector<QuarantinedRow> quarantine_sample;  // the first few quarantined rows
};

/// Totals per source, in first-seen order.
struct SourceSummary {
  std::string source;
  int files = 0;
  IngestCounts counts;
};

struct IdentitySummary {
  int64_t records = 0;
  int64_t people = 0;
  int64_t companies = 0;
  int64_t deals = 0;
  // Wall seconds of its three steps: reading the log into the resolver (scan + add), resolving,
  // and replacing the stored identity.
  double scan_seconds = 0;
  double resolve_seconds = 0;
  double store_seconds = 0;
};

/// Where an ingest spent its wall time, in seconds. connectors + store_writes is the time spent
/// reading the files (the two interleave; store_writes is the time inside Store::append and
/// Store::quarantine, connectors the rest: decompression, decoding, parsing, building events).
struct IngestPhases {
  double connectors = 0;
  double store_writes = 0;
  double index_build = 0;  // end of a bulk load: the log's indexes rebuilt
  double identity = 0;     // resolve_identity as a whole (see IdentitySummary for its steps)
};

struct IngestSummary {
  std::vector<FileSummary> files;
  std::vector<SourceSummary> sources;
  IdentitySummary identity;
  int64_t events_in_log = 0;
  double seconds = 0;
  IngestPhases phases;

  bool any_file_failed() const;
  int64_t quarantined() const;
};

/// Progress of the file being read, for a progress bar.
struct Progress {
  std::string path;
  int file_index = 0;  // 0-based
  int file_count = 0;
  int64_t bytes_done = 0;
  int64_t bytes_total = 0;
  int64_t records = 0;
};

struct IngestOptions {
  /// Source of every file; detected per file when empty.
  std::optional<connectors::SourceKind> source;
  /// Per-source connector options (column overrides from the design's `sources`).
  std::map<connectors::SourceKind, connectors::ConnectorOptions> connector_options;
  identity::IdentityConfig identity;
  /// Events per transaction.
  size_t batch_size = 20000;
  /// Files adding up to this many bytes of text or more are loaded in the store's bulk mode
  /// (a .zip or .gz file counts five times its size).
  int64_t bulk_load_bytes = 64ll << 20;
  /// Resolve identity over the whole log after the files.
  bool resolve_identity = true;
  /// Called now and then while reading (at most ~10 times a second); may be empty.
  std::function<void(const Progress&)> on_progress;
};

/// Expands directories (recursively, sorted; hidden entries and `truth/` folders skipped) into
/// files. kNotFound for a path that does not exist.
Result<std::vector<std::string>> expand_paths(const std::vector<std::string>& paths);

/// Ingests `paths` into `store`. Files that cannot be read at all get a non-ok status in their
/// FileSummary and the others go on; the returned Status is not ok only when the store fails
/// (then what was committed stays committed).
Result<IngestSummary> ingest_files(Store& store, const std::vector<std::string>& paths,
                                   const IngestOptions& options);

/// Re-runs identity resolution over every event in the store and replaces the stored
/// identity. Used by ingest and by build.
Result<IdentitySummary> resolve_identity(Store& store, const identity::IdentityConfig& config);

}  // namespace revarch::ingest
