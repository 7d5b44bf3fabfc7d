#include "store/sqlite_schema.h"

#include <array>
#include <string>

namespace revarch::sqlite {
namespace {

// 1: the event log and ingest bookkeeping. Secondary indexes are the minimum replay and
// `explain` need: the idempotency key (UNIQUE: it *is* the dedup), occurred_at (the replay
// order; seq, the rowid, is implicitly the index's last column) and a 64-bit hash of the
// subject (8 bytes per row instead of three text columns).
constexpr std::string_view kEventLog = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE origin_files (
  id   INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE
);

CREATE TABLE events (
  seq              INTEGER PRIMARY KEY,
  idempotency_key  TEXT    NOT NULL,
  occurred_at      INTEGER NOT NULL,
  source           TEXT    NOT NULL,
  source_record_id TEXT    NOT NULL,
  original_tz      TEXT    NOT NULL,
  type             TEXT    NOT NULL,
  subject_source   TEXT    NOT NULL,
  subject_kind     INTEGER NOT NULL,
  subject_id       TEXT    NOT NULL,
  subject_key      INTEGER NOT NULL,
  related          BLOB    NOT NULL,
  properties       BLOB    NOT NULL,
  origin_file_id   INTEGER NOT NULL,
  origin_row       INTEGER NOT NULL,
  ingested_at      INTEGER NOT NULL
);
CREATE UNIQUE INDEX events_idempotency ON events (idempotency_key);
CREATE INDEX events_time ON events (occurred_at);
CREATE INDEX events_subject ON events (subject_key);

CREATE TABLE ingest_runs (
  id            INTEGER PRIMARY KEY,
  source        TEXT    NOT NULL,
  path          TEXT    NOT NULL,
  size          INTEGER NOT NULL,
  content_hash  TEXT    NOT NULL,
  started_at    INTEGER NOT NULL,
  finished_at   INTEGER NOT NULL DEFAULT 0,
  status        TEXT    NOT NULL DEFAULT 'running',
  n_read        INTEGER NOT NULL DEFAULT 0,
  n_accepted    INTEGER NOT NULL DEFAULT 0,
  n_duplicates  INTEGER NOT NULL DEFAULT 0,
  n_quarantined INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ingest_runs_content ON ingest_runs (source, content_hash);

CREATE TABLE quarantine (
  id             INTEGER PRIMARY KEY,
  source         TEXT    NOT NULL,
  file           TEXT    NOT NULL,
  row            INTEGER NOT NULL,
  line           INTEGER NOT NULL,
  column_name    TEXT    NOT NULL,
  reason         TEXT    NOT NULL,
  raw            TEXT    NOT NULL,
  quarantined_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX quarantine_unique
  ON quarantine (source, file, row, line, column_name, reason);
)sql";

// 2: identity results.
constexpr std::string_view kIdentity = R"sql(
CREATE TABLE entities (
  id             TEXT    PRIMARY KEY,
  kind           INTEGER NOT NULL,
  display_name   TEXT    NOT NULL,
  primary_fields TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE entity_links (
  source     TEXT    NOT NULL,
  kind       INTEGER NOT NULL,
  source_id  TEXT    NOT NULL,
  entity_id  TEXT    NOT NULL,
  reason     TEXT    NOT NULL,
  rule       TEXT    NOT NULL,
  confidence REAL    NOT NULL,
  PRIMARY KEY (source, kind, source_id)
) WITHOUT ROWID;
CREATE INDEX entity_links_entity ON entity_links (entity_id);

CREATE TABLE field_values (
  id               INTEGER PRIMARY KEY,
  entity_id        TEXT    NOT NULL,
  property         TEXT    NOT NULL,
  value            TEXT    NOT NULL,
  source           TEXT    NOT NULL,
  source_record_id TEXT    NOT NULL,
  observed_at      INTEGER NOT NULL,
  chosen           INTEGER NOT NULL
);
CREATE INDEX field_values_entity ON field_values (entity_id);
CREATE INDEX field_values_lookup ON field_values (property, value);
)sql";

// 3: derived lifecycle state.
constexpr std::string_view kDerived = R"sql(
CREATE TABLE stage_transitions (
  id             INTEGER PRIMARY KEY,
  entity_id      TEXT    NOT NULL,
  at             INTEGER NOT NULL,
  from_stage     TEXT    NOT NULL,
  to_stage       TEXT    NOT NULL,
  reason         TEXT    NOT NULL,
  design_version TEXT    NOT NULL
);
CREATE INDEX stage_transitions_entity ON stage_transitions (entity_id, at);

CREATE TABLE alerts (
  id             INTEGER PRIMARY KEY,
  entity_id      TEXT    NOT NULL,
  at             INTEGER NOT NULL,
  kind           TEXT    NOT NULL,
  severity       TEXT    NOT NULL,
  message        TEXT    NOT NULL,
  details        TEXT    NOT NULL,
  design_version TEXT    NOT NULL
);
CREATE INDEX alerts_entity ON alerts (entity_id);
)sql";

constexpr std::array<std::string_view, 3> kMigrations = {kEventLog, kIdentity, kDerived};

Status apply_one(Db& db, int64_t version, std::string_view sql, int64_t now_ms) {
  Transaction tx(db);
  REVARCH_RETURN_IF_ERROR(tx.begin());
  // Re-check under the write lock: another process may have migrated meanwhile.
  REVARCH_ASSIGN_OR_RETURN(int64_t current, schema_version(db));
  if (current >= version) return Status::ok();
  REVARCH_RETURN_IF_ERROR(db.exec(sql));
  REVARCH_ASSIGN_OR_RETURN(Stmt ins, db.prepare("INSERT INTO schema_migrations VALUES (?, ?)"));
  ins.bind(1, version);
  ins.bind(2, now_ms);
  REVARCH_RETURN_IF_ERROR(db.run(ins));
  return tx.commit();
}

}  // namespace

std::span<const std::string_view> migrations() {
  return kMigrations;
}

std::string_view create_secondary_indexes_sql() {
  return "CREATE INDEX IF NOT EXISTS events_time ON events (occurred_at);"
         "CREATE INDEX IF NOT EXISTS events_subject ON events (subject_key);";
}

std::string_view drop_secondary_indexes_sql() {
  return "DROP INDEX IF EXISTS events_time; DROP INDEX IF EXISTS events_subject;";
}

std::string_view create_idempotency_index_sql() {
  return "CREATE UNIQUE INDEX IF NOT EXISTS events_idempotency ON events (idempotency_key)";
}

std::string_view drop_idempotency_index_sql() {
  return "DROP INDEX IF EXISTS events_idempotency";
}

Result<int64_t> schema_version(Db& db) {
  REVARCH_ASSIGN_OR_RETURN(Stmt s,
                           db.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations"));
  REVARCH_ASSIGN_OR_RETURN(bool row, db.step(s));
  return row ? s.int_at(0) : int64_t{0};
}

Status migrate(Db& db, int64_t now_ms, int64_t target) {
  REVARCH_RETURN_IF_ERROR(
      db.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
              "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)"));
  auto known = static_cast<int64_t>(kMigrations.size());
  if (target < 0 || target > known) target = known;
  REVARCH_ASSIGN_OR_RETURN(int64_t current, schema_version(db));
  if (current > known) {
    SourceLocation where;
    where.file = db.path();
    return Status(ErrorCode::kUnsupported,
                  "database schema version " + std::to_string(current) +
                      " is newer than this revarch supports (" + std::to_string(known) + ")",
                  where);
  }
  for (int64_t v = current + 1; v <= target; ++v) {
    REVARCH_RETURN_IF_ERROR(apply_one(db, v, kMigrations[static_cast<size_t>(v - 1)], now_ms));
  }
  return Status::ok();
}

}  // namespace revarch::sqlite
