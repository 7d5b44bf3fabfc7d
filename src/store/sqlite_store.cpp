#include "store/sqlite_store.h"

#include <chrono>

#include "store/sqlite_schema.h"

namespace revarch {
namespace {

std::string pragmas(const StoreOptions& o) {
  // WAL: readers never block the writer and a commit is one sequential append to the log.
  // synchronous=NORMAL in WAL mode syncs only at checkpoints: a crash of the process loses
  // nothing committed, a power loss may lose the last commits but never corrupts (FULL syncs
  // each commit). temp_store=MEMORY keeps sorts of ORDER BY off the disk. page_size applies
  // to a new database only (an existing one keeps its own); mmap_size lets reads (replay
  // scans) use the file's pages in place instead of copying them into the page cache.
  return "PRAGMA page_size = 8192;"
         "PRAGMA journal_mode = WAL;"
         "PRAGMA mmap_size = 4294967296;"
         "PRAGMA synchronous = " +
         std::string(o.durable_commits ? "FULL" : "NORMAL") +
         ";"
         "PRAGMA busy_timeout = " +
         std::to_string(o.busy_timeout_ms) +
         ";"
         "PRAGMA cache_size = -" +
         std::to_string(static_cast<int64_t>(o.cache_mib) * 1024) +
         ";"
         "PRAGMA temp_store = MEMORY;"
         "PRAGMA foreign_keys = OFF;";
}

}  // namespace

SqliteStore::SqliteStore(std::unique_ptr<sqlite::Db> db, StoreOptions options)
    : db_(std::move(db)), options_(std::move(options)) {}

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path,
                                                       const StoreOptions& options) {
  REVARCH_ASSIGN_OR_RETURN(auto db, sqlite::Db::open(path));
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(db), options));
  REVARCH_RETURN_IF_ERROR(store->db_->exec(pragmas(options)));
  REVARCH_RETURN_IF_ERROR(sqlite::migrate(*store->db_, store->now_ms()));
  // Repairs a bulk load cut short (by a crash): its dropped indexes are rebuilt.
  REVARCH_RETURN_IF_ERROR(store->db_->exec(sqlite::create_idempotency_index_sql()));
  REVARCH_RETURN_IF_ERROR(store->db_->exec(sqlite::create_secondary_indexes_sql()));
  return store;
}

Status SqliteStore::enter(Lock& lock) {
  lock = Lock(mu_);
  if (in_callback_) {
    return Status(ErrorCode::kInvalidArgument, "store called from inside its own scan callback");
  }
  return Status::ok();
}

int64_t SqliteStore::now_ms() const {
  if (options_.now_ms) return options_.now_ms();
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Result<int64_t> SqliteStore::intern_origin_file(const std::string& path) {
  auto it = origin_file_ids_.find(path);
  if (it != origin_file_ids_.end()) return it->second;
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt * ins,
      db_->cached("INSERT INTO origin_files (path) VALUES (?) ON CONFLICT (path) DO NOTHING"));
  {
    sqlite::StmtUse use(*ins);
    ins->bind_text(1, path);
    REVARCH_RETURN_IF_ERROR(db_->run(*ins));
  }
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * sel,
                           db_->cached("SELECT id FROM origin_files WHERE path = ?"));
  sqlite::StmtUse use(*sel);
  sel->bind_text(1, path);
  REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*sel));
  if (!row) return Status(ErrorCode::kInternal, "origin file vanished after insert");
  int64_t id = sel->int_at(0);
  origin_file_ids_.emplace(path, id);
  return id;
}

Result<std::vector<std::string>> SqliteStore::load_origin_files() {
  std::vector<std::string> paths;
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * s, db_->cached("SELECT id, path FROM origin_files"));
  sqlite::StmtUse use(*s);
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
    if (!row) break;
    auto id = static_cast<size_t>(s->int_at(0));
    if (id >= paths.size()) paths.resize(id + 1);
    paths[id] = s->text_at(1);
  }
  return paths;
}

Status SqliteStore::set_meta(const std::string& key, const std::string& value) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * s,
                           db_->cached("INSERT INTO meta (key, value) VALUES (?, ?) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
  sqlite::StmtUse use(*s);
  s->bind_text(1, key);
  s->bind_text(2, value);
  return db_->run(*s);
}

Result<std::optional<std::string>> SqliteStore::get_meta(const std::string& key) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * s, db_->cached("SELECT value FROM meta WHERE key = ?"));
  sqlite::StmtUse use(*s);
  s->bind_text(1, key);
  REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(std::string(s->text_at(0)));
}

Status SqliteStore::check_integrity() {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt s, db_->prepare("PRAGMA integrity_check"));
  std::string findings;
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(s));
    if (!row) break;
    if (!findings.empty()) findings += "; ";
    findings += s.text_at(0);
  }
  if (findings == "ok") return Status::ok();
  SourceLocation where;
  where.file = db_->path();
  return Status(ErrorCode::kCorrupt, "integrity check failed: " + findings, where);
}

Result<int64_t> SqliteStore::schema_version() {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  return sqlite::schema_version(*db_);
}

}  // namespace revarch
