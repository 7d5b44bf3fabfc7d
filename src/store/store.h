#pragma once
// The event log and entity store: one per workspace. `Store` is the interface every layer codes
// against; SqliteStore (store/sqlite_store.h) is the embedded back-end, and a PostgreSQL one can
// follow behind the same interface (docs/event-schema.md, "Path to PostgreSQL").
//
// Error model: every operation returns Status / Result. kBusy when the database stays locked by
// another process past the busy timeout, kIo when the file cannot be read or written, kCorrupt
// when stored data contradicts itself, kInvalidArgument for bad input (nothing is written then).
//
// Thread-safety: a Store may be shared between threads; calls are serialised internally (one
// connection). Scan callbacks run with the store locked and must not call back into the same
// Store (such calls fail with kInvalidArgument). Several processes may open the same workspace:
// readers never block; writers wait up to StoreOptions::busy_timeout_ms.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "store/derived.h"
#include "store/entities.h"
#include "store/event.h"
#include "store/hash.h"

namespace revarch {

/// How to open a store. Defaults suit the CLI and the server.
struct StoreOptions {
  /// false: synchronous=NORMAL in WAL mode -- a committed transaction survives a crash of the
  /// process, but the last transactions before a power loss or OS crash may roll back (never a
  /// corrupt database). true: synchronous=FULL -- every commit is fsync'ed before it returns, as
  /// the server needs before acknowledging a webhook.
  bool durable_commits = false;
  int busy_timeout_ms = 5000;
  /// Page cache in MiB; a large cache keeps the idempotency index in memory during big ingests.
  int cache_mib = 256;
  /// Clock for ingested_at and run timestamps (UTC ms); the system clock when empty.
  std::function<int64_t()> now_ms;
};

/// Counts of one append call.
struct AppendStats {
  int64_t appended = 0;    // new events stored
  int64_t duplicates = 0;  // events whose idempotency_key was already stored (or repeated)
  /// When record_seqs is set: one entry per input event, its assigned seq, 0 for a duplicate.
  bool record_seqs = false;
  std::vector<int64_t> seqs;
};

/// Which events a scan or count selects; empty members select everything.
struct EventFilter {
  std::vector<std::string> sources;  // any of these connectors
  std::vector<std::string> types;    // any of these event types
  std::optional<SourceRef> subject;  // only events about this record
  std::optional<int64_t> from_ms;    // occurred_at_ms >= from_ms
  std::optional<int64_t> until_ms;   // occurred_at_ms < until_ms
  int64_t after_seq = 0;             // seq > after_seq (incremental replay)
  /// Scan in seq (append) order instead of (occurred_at_ms, seq): for readers that do not
  /// depend on order (identity resolution), a sequential read of the log with no index.
  bool seq_order = false;
};

/// Counts of one ingest run per source file.
struct IngestCounts {
  int64_t read = 0;
  int64_t accepted = 0;
  int64_t duplicates = 0;
  int64_t quarantined = 0;
  bool operator==(const IngestCounts&) const = default;
};

/// One ingest of one file (or one webhook delivery batch).
struct IngestRun {
  int64_t id = 0;
  std::string source;
  FileFingerprint file;
  int64_t started_at_ms = 0;
  int64_t finished_at_ms = 0;  // 0 while running (or when the process died)
  std::string status;          // "running", "ok", "failed"
  IngestCounts counts;
};

/// A row a connector could not turn into an event; kept with where and why.
struct QuarantinedRow {
  std::string source;
  std::string file;
  int64_t row = 0;     // 1-based data row; 0 when unknown
  int64_t line = 0;    // 1-based physical line; 0 when unknown
  std::string column;  // column name, when one column is at fault
  std::string reason;
  std::string raw;  // the raw text of the row
  bool operator==(const QuarantinedRow&) const = default;
};

class Store {
 public:
  virtual ~Store() = default;

  // ---- Events --------------------------------------------------------------------------
  /// Appends `events` in one transaction: all or nothing. An event whose idempotency_key is
  /// already stored is skipped and counted as a duplicate (not an error). Assigns seq (growing
  /// in append order) and ingested_at_ms; the input's values of both are ignored.
  /// kInvalidArgument (nothing written) when an event has an empty idempotency_key, source or
  /// type. `stats` may be null.
  virtual Status append(std::span<const Event> events, AppendStats* stats = nullptr) = 0;
  /// Calls `fn` for each selected event in (occurred_at_ms, seq) order -- seq order when
  /// filter.seq_order -- until it returns false. The Event reference is valid only during the
  /// call.
  virtual Status scan_events(const EventFilter& filter,
                             const std::function<bool(const Event&)>& fn) = 0;
  virtual Result<int64_t> count_events(const EventFilter& filter) = 0;
  /// Events whose subject is one of `refs`, in (occurred_at_ms, seq) order.
  virtual Result<std::vector<Event>> events_for_subjects(std::span<const SourceRef> refs) = 0;
  /// Highest seq stored; 0 when the log is empty.
  virtual Result<int64_t> last_seq() = 0;
  /// Bulk loading (a large ingest): until end_bulk_load, appends skip maintaining the indexes
  /// of the log (time order, subject, idempotency key). Duplicates are still detected and
  /// counted exactly as outside a bulk load (SqliteStore keeps the keys in memory meanwhile:
  /// ~16-32 bytes per stored event). end_bulk_load rebuilds the indexes by sorting, far cheaper
  /// than millions of random index updates. Scans and counts during a bulk load end it first;
  /// a process that dies during one has the indexes rebuilt at the next open. Back-ends
  /// without such a mode ignore both calls.
  virtual Status begin_bulk_load() { return Status::ok(); }
  virtual Status end_bulk_load() { return Status::ok(); }

  // ---- Ingest bookkeeping ---------------------------------------------------------------
  /// Records the start of an ingest; returns the run id.
  virtual Result<int64_t> begin_ingest_run(const std::string& source,
                                           const FileFingerprint& file) = 0;
  /// Records the end; `ok` false marks the run failed. kNotFound for an unknown run id.
  virtual Status finish_ingest_run(int64_t run_id, const IngestCounts& counts, bool ok) = 0;
  /// The latest successful run of `source` over the same content (content_hash), if any.
  virtual Result<std::optional<IngestRun>> find_ingest_run(const std::string& source,
                                                           const std::string& content_hash) = 0;
  /// All runs, oldest first.
  virtual Result<std::vector<IngestRun>> list_ingest_runs() = 0;

  // ---- Quarantine ----------------------------------------------------------------------
  /// Stores rows in one transaction. The same (source, file, row, line, column, reason) is
  /// kept once, so re-ingesting a file does not repeat its quarantine.
  virtual Status quarantine(std::span<const QuarantinedRow> rows) = 0;
  /// Rows of `source` (all sources when empty) in insertion order, until `fn` returns false.
  virtual Status scan_quarantine(const std::string& source,
                                 const std::function<bool(const QuarantinedRow&)>& fn) = 0;
  virtual Result<int64_t> count_quarantine() = 0;

  // ---- Identity ------------------------------------------------------------------------
  /// Replaces all entities, links and field values in one transaction.
  /// kInvalidArgument when a link or value names an entity not in the snapshot, or an entity
  /// id or a link ref repeats.
  virtual Status replace_identity(const IdentitySnapshot& snapshot) = 0;
  /// Like replace_identity, with the rows pulled chunk by chunk from `next` (see
  /// IdentityChunkSource) so that the whole state is never held in memory; still one
  /// transaction: on any failure (a bad chunk, an error from `next`, a crash) the previous
  /// identity tables stay as they were. Field values are stored in the order they arrive.
  /// kInvalidArgument when an entity id is empty or repeats, a link or value names an entity
  /// of no earlier or current chunk, or a link ref repeats; `next`'s own error is returned
  /// as is. `next` must not call this Store. The default collects every chunk and calls
  /// replace_identity; SqliteStore writes each chunk as it comes.
  virtual Status replace_identity_chunked(const IdentityChunkSource& next);
  /// The entity a source record is linked to, or nullopt.
  virtual Result<std::optional<Entity>> find_entity_by_ref(const SourceRef& ref) = 0;
  /// Entities of `kind` with any observed value (chosen or not) of `property` equal to `value`,
  /// ordered by id. Exact match: callers normalise (e.g. lower-case emails) as identity does.
  virtual Result<std::vector<Entity>> find_entities_by_property(EntityKind kind,
                                                                const std::string& property,
                                                                const std::string& value) = 0;
  /// kNotFound when no entity has this id.
  virtual Result<EntityRecord> load_entity(const std::string& entity_id) = 0;
  /// Calls `fn` for each entity ordered by id until it returns false.
  virtual Status scan_entities(const std::function<bool(const Entity&)>& fn) = 0;
  /// Calls `fn` for each link ordered by (source, kind, source id) until it returns false.
  /// The default loads every entity (slow); SqliteStore reads the links table directly.
  virtual Status scan_links(const std::function<bool(const EntityLink&)>& fn);

  // ---- Derived state -------------------------------------------------------------------
  /// Replaces all transitions and alerts in one transaction.
  virtual Status replace_derived(const DerivedSnapshot& snapshot) = 0;
  /// Transitions of one entity ordered by (at_ms, insertion).
  virtual Result<std::vector<StageTransition>> scan_transitions(const std::string& entity_id) = 0;
  /// All transitions ordered by (at_ms, insertion) until `fn` returns false.
  virtual Status scan_all_transitions(const std::function<bool(const StageTransition&)>& fn) = 0;
  /// All alerts ordered by (at_ms, insertion) until `fn` returns false.
  virtual Status scan_alerts(const std::function<bool(const Alert&)>& fn) = 0;

  // ---- Workspace metadata ---------------------------------------------------------------
  virtual Status set_meta(const std::string& key, const std::string& value) = 0;
  /// nullopt when the key was never set.
  virtual Result<std::optional<std::string>> get_meta(const std::string& key) = 0;
};

/// Opens (creating and migrating as needed) the store named by `url_or_path`: "sqlite:PATH" or a
/// plain PATH opens a SQLite file; "postgres://..." / "postgresql://..." fail with kUnsupported
/// for now; any other "scheme://" fails with kInvalidArgument. The caller owns the result.
Result<std::unique_ptr<Store>> open_store(const std::string& url_or_path,
                                          const StoreOptions& options = {});

}  // namespace revarch
