// SqliteStore: ingest-run bookkeeping and the quarantine of rows that could not be read.
#include "store/sqlite_store.h"

namespace revarch {
namespace {

constexpr const char* kSelectRun =
    "SELECT id, source, path, size, content_hash, started_at, finished_at, status, n_read, "
    "n_accepted, n_duplicates, n_quarantined FROM ingest_runs";

IngestRun decode_run(const sqlite::Stmt& s) {
  IngestRun r;
  r.id = s.int_at(0);
  r.source = s.text_at(1);
  r.file.path = s.text_at(2);
  r.file.size = s.int_at(3);
  r.file.content_hash = s.text_at(4);
  r.started_at_ms = s.int_at(5);
  r.finished_at_ms = s.int_at(6);
  r.status = s.text_at(7);
  r.counts.read = s.int_at(8);
  r.counts.accepted = s.int_at(9);
  r.counts.duplicates = s.int_at(10);
  r.counts.quarantined = s.int_at(11);
  return r;
}

}  // namespace

Result<int64_t> SqliteStore::begin_ingest_run(const std::string& source,
                                              const FileFingerprint& file) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt * s,
      db_->cached("INSERT INTO ingest_runs (source, path, size, content_hash, started_at) "
                  "VALUES (?, ?, ?, ?, ?)"));
  sqlite::StmtUse use(*s);
  s->bind_text(1, source);
  s->bind_text(2, file.path);
  s->bind(3, file.size);
  s->bind_text(4, file.content_hash);
  s->bind(5, now_ms());
  REVARCH_RETURN_IF_ERROR(db_->run(*s));
  return db_->last_insert_rowid();
}

Status SqliteStore::finish_ingest_run(int64_t run_id, const IngestCounts& counts, bool ok) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt * s,
      db_->cached("UPDATE ingest_runs SET finished_at = ?, status = ?, n_read = ?, "
                  "n_accepted = ?, n_duplicates = ?, n_quarantined = ? WHERE id = ?"));
  sqlite::StmtUse use(*s);
  s->bind(1, now_ms());
  s->bind_text(2, ok ? "ok" : "failed");
  s->bind(3, counts.read);
  s->bind(4, counts.accepted);
  s->bind(5, counts.duplicates);
  s->bind(6, counts.quarantined);
  s->bind(7, run_id);
  REVARCH_RETURN_IF_ERROR(db_->run(*s));
  if (db_->changes() == 0) {
    return Status(ErrorCode::kNotFound, "no ingest run " + std::to_string(run_id));
  }
  return Status::ok();
}

Result<std::optional<IngestRun>> SqliteStore::find_ingest_run(const std::string& source,
                                                              const std::string& content_hash) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * s,
                           db_->cached(std::string(kSelectRun) +
                                       " WHERE source = ? AND content_hash = ? AND status = 'ok' "
                                       "ORDER BY id DESC LIMIT 1"));
  sqlite::StmtUse use(*s);
  s->bind_text(1, source);
  s->bind_text(2, content_hash);
  REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
  if (!row) return std::optional<IngestRun>();
  return std::optional<IngestRun>(decode_run(*s));
}

Result<std::vector<IngestRun>> SqliteStore::list_ingest_runs() {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * s, db_->cached(std::string(kSelectRun) + " ORDER BY id"));
  sqlite::StmtUse use(*s);
  std::vector<IngestRun> runs;
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
    if (!row) return runs;
    runs.push_back(decode_run(*s));
  }
}

Status SqliteStore::quarantine(std::span<const QuarantinedRow> rows) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  sqlite::Transaction tx(*db_);
  REVARCH_RETURN_IF_ERROR(tx.begin());
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt * s,
      db_->cached("INSERT INTO quarantine (source, file, row, line, column_name, reason, raw, "
                  "quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
  int64_t now = now_ms();
  for (const QuarantinedRow& q : rows) {
    sqlite::StmtUse use(*s);
    s->bind_text(1, q.source);
    s->bind_text(2, q.file);
    s->bind(3, q.row);
    s->bind(4, q.line);
    s->bind_text(5, q.column);
    s->bind_text(6, q.reason);
    s->bind_text(7, q.raw);
    s->bind(8, now);
    REVARCH_RETURN_IF_ERROR(db_->run(*s));
  }
  return tx.commit();
}

Status SqliteStore::scan_quarantine(const std::string& source,
                                    const std::function<bool(const QuarantinedRow&)>& fn) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt s,
      db_->prepare("SELECT source, file, row, line, column_name, reason, raw FROM quarantine "
                   "WHERE ?1 = '' OR source = ?1 ORDER BY id"));
  s.bind_text(1, source);
  QuarantinedRow q;
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(s));
    if (!row) return Status::ok();
    q.source = s.text_at(0);
    q.file = s.text_at(1);
    q.row = s.int_at(2);
    q.line = s.int_at(3);
    q.column = s.text_at(4);
    q.reason = s.text_at(5);
    q.raw = s.text_at(6);
    CallbackScope scope(in_callback_);
    if (!fn(q)) return Status::ok();
  }
}

Result<int64_t> SqliteStore::count_quarantine() {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * s, db_->cached("SELECT count(*) FROM quarantine"));
  sqlite::StmtUse use(*s);
  REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
  return row ? s->int_at(0) : int64_t{0};
}

}  // namespace revarch
