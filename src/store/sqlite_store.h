#pragma once
// The embedded back-end of Store: one SQLite file per workspace, WAL journal, numbered
// migrations (store/sqlite_schema.h), cached prepared statements, one transaction per call.
//
// Thread-safety: as Store -- calls are serialised by an internal mutex over one connection.
// Other processes may use the same file concurrently (WAL: readers do not block the writer;
// writers wait up to busy_timeout_ms, then fail with kBusy).

#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/key_set.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace revarch {

class SqliteStore final : public Store {
 public:
  /// Opens or creates the database at `path` and migrates it to the current schema.
  /// kIo when the file cannot be opened, kCorrupt when it is not a database, kUnsupported when
  /// its schema is newer than this build, kBusy when locked past the busy timeout.
  static Result<std::unique_ptr<SqliteStore>> open(const std::string& path,
                                                   const StoreOptions& options = {});

  Status append(std::span<const Event> events, AppendStats* stats = nullptr) override;
  Status scan_events(const EventFilter& filter,
                     const std::function<bool(const Event&)>& fn) override;
  Result<int64_t> count_events(const EventFilter& filter) override;
  Result<std::vector<Event>> events_for_subjects(std::span<const SourceRef> refs) override;
  Result<int64_t> last_seq() override;
  Status begin_bulk_load() override;
  Status end_bulk_load() override;

  Result<int64_t> begin_ingest_run(const std::string& source, const FileFingerprint& file) override;
  Status finish_ingest_run(int64_t run_id, const IngestCounts& counts, bool ok) override;
  Result<std::optional<IngestRun>> find_ingest_run(const std::string& source,
                                                   const std::string& content_hash) override;
  Result<std::vector<IngestRun>> list_ingest_runs() override;

  Status quarantine(std::span<const QuarantinedRow> rows) override;
  Status scan_quarantine(const std::string& source,
                         const std::function<bool(const QuarantinedRow&)>& fn) override;
  Result<int64_t> count_quarantine() override;

  Status replace_identity(const IdentitySnapshot& snapshot) override;
  Status replace_identity_chunked(const IdentityChunkSource& next) override;
  Result<std::optional<Entity>> find_entity_by_ref(const SourceRef& ref) override;
  Result<std::vector<Entity>> find_entities_by_property(EntityKind kind,
                                                        const std::string& property,
                                                        const std::string& value) override;
  Result<EntityRecord> load_entity(const std::string& entity_id) override;
  Status scan_entities(const std::function<bool(const Entity&)>& fn) override;
  Status scan_links(const std::function<bool(const EntityLink&)>& fn) override;

  Status replace_derived(const DerivedSnapshot& snapshot) override;
  Result<std::vector<StageTransition>> scan_transitions(const std::string& entity_id) override;
  Status scan_all_transitions(const std::function<bool(const StageTransition&)>& fn) override;
  Status scan_alerts(const std::function<bool(const Alert&)>& fn) override;

  Status set_meta(const std::string& key, const std::string& value) override;
  Result<std::optional<std::string>> get_meta(const std::string& key) override;

  /// Runs PRAGMA integrity_check; kCorrupt with SQLite's findings when it is not "ok".
  Status check_integrity();
  /// The schema version of the open database.
  Result<int64_t> schema_version();

 private:
  SqliteStore(std::unique_ptr<sqlite::Db> db, StoreOptions options);

  using Lock = std::unique_lock<std::recursive_mutex>;
  /// Marks the store as running a caller's scan callback for the scope's life.
  class CallbackScope {
   public:
    explicit CallbackScope(bool& flag) : flag_(flag) { flag_ = true; }
    CallbackScope(const CallbackScope&) = delete;
    CallbackScope& operator=(const CallbackScope&) = delete;
    ~CallbackScope() { flag_ = false; }

   private:
    bool& flag_;
  };
  /// Takes the lock; fails when called from inside a scan callback on this Store.
  Status enter(Lock& lock);
  int64_t now_ms() const;
  Result<int64_t> intern_origin_file(const std::string& path);
  Result<std::vector<std::string>> load_origin_files();
  Status insert_event(sqlite::Stmt& stmt, const Event& e, int64_t now, bool* inserted);
  Status end_bulk_load_locked();
  /// In a transaction: decides whether this append may dedup against bulk_keys_ (fast mode,
  /// no other connection wrote since our last commit), else makes sure the UNIQUE index exists.
  Status choose_dedup();
  Result<int64_t> data_version();
  Status load_bulk_keys();
  Status scan_events_locked(const EventFilter& filter, const std::function<bool(const Event&)>& fn);
  Status insert_entities(std::span<const Entity* const> entities);
  Status insert_links(std::span<const EntityLink* const> links);
  Status insert_values(std::span<const FieldValue> values);
  /// Validates and writes one chunk of replace_identity_chunked; `ids` holds the entity ids of
  /// the earlier chunks and gets this chunk's.
  Status write_identity_chunk(const IdentitySnapshot& chunk, std::unordered_set<std::string>& ids);
  Result<std::optional<Entity>> entity_by_id(const std::string& id);
  Status load_links(const std::string& id, std::vector<EntityLink>& out);
  Status load_field_values(const std::string& id, std::vector<FieldValue>& out);

  std::unique_ptr<sqlite::Db> db_;
  StoreOptions options_;
  std::recursive_mutex mu_;
  bool in_callback_ = false;
  bool bulk_load_ = false;  // secondary indexes of the log are dropped
  // Fast bulk mode: the UNIQUE idempotency index is dropped and bulk_keys_ holds every key in
  // the log. Valid only while no other connection commits (checked by PRAGMA data_version at
  // the start of each append); on any doubt the index is rebuilt and the set dropped.
  bool bulk_keys_valid_ = false;
  KeySet bulk_keys_;
  int64_t data_version_ = 0;  // PRAGMA data_version when bulk_keys_ was last known complete
  std::unordered_map<std::string, int64_t> origin_file_ids_;  // cache of origin_files
  std::string related_buf_, props_buf_;                       // reused by append
};

}  // namespace revarch
