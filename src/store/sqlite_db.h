#pragma once
// A thin RAII layer over the SQLite C API used by SqliteStore: a connection with a cache of
// prepared statements, statements, and transactions. SQLite error codes become Status codes
// here and nowhere else. Not thread-safe: SqliteStore serialises access.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"

namespace revarch::sqlite {

/// A prepared statement. Move-only; finalised on destruction.
class Stmt {
 public:
  Stmt() = default;
  explicit Stmt(sqlite3_stmt* s) : stmt_(s) {}
  Stmt(Stmt&& o) noexcept : stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  // Parameters count from 1 as in SQLite. Text and blobs are copied only when `transient`.
  void bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void bind_text(int i, std::string_view v);  // SQLITE_STATIC: `v` must outlive the step
  void bind_blob(int i, std::string_view v);  // SQLITE_STATIC as well
  /// SQLITE_ROW -> true, SQLITE_DONE -> false, anything else is returned by the caller via
  /// Db::error(); use Db::step for that.
  int step_raw() { return sqlite3_step(stmt_); }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  // Columns count from 0. Views are valid until the next step or reset.
  int64_t int_at(int i) const { return sqlite3_column_int64(stmt_, i); }
  double double_at(int i) const { return sqlite3_column_double(stmt_, i); }
  std::string_view text_at(int i) const;
  std::string_view blob_at(int i) const;
  bool is_blob(int i) const { return sqlite3_column_type(stmt_, i) == SQLITE_BLOB; }
  sqlite3_stmt* raw() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

/// Resets a cached statement when the use ends, so no read snapshot stays open.
class StmtUse {
 public:
  explicit StmtUse(Stmt& s) : stmt_(&s) {}
  StmtUse(const StmtUse&) = delete;
  StmtUse& operator=(const StmtUse&) = delete;
  ~StmtUse() { stmt_->reset(); }
  Stmt& operator*() { return *stmt_; }
  Stmt* operator->() { return stmt_; }

 private:
  Stmt* stmt_;
};

/// One connection to one database file.
class Db {
 public:
  /// Opens (creating when missing) `path`. kIo when the file cannot be opened.
  static Result<std::unique_ptr<Db>> open(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  /// Runs one or more statements without results.
  Status exec(std::string_view sql);
  /// A fresh statement (for SQL built at run time).
  Result<Stmt> prepare(std::string_view sql);
  /// The cached statement for `sql` (prepared on first use). The pointer stays valid for the
  /// life of the Db; wrap uses in StmtUse.
  Result<Stmt*> cached(const std::string& sql);
  /// Steps `s`: true for a row, false when done, an error Status otherwise.
  Result<bool> step(Stmt& s);
  /// Steps a statement that returns no rows.
  Status run(Stmt& s);
  /// Rows changed by the last INSERT/UPDATE/DELETE.
  int64_t changes() const { return sqlite3_changes64(db_); }
  /// Rowid of the last successful INSERT.
  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  /// Maps an SQLite result code to a Status, with the connection's message and `what`.
  Status error(int rc, std::string_view what) const;
  const std::string& path() const { return path_; }

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, Stmt> cache_;
};

/// BEGIN IMMEDIATE on begin(); ROLLBACK on destruction unless commit() succeeded. IMMEDIATE
/// takes the write lock up front, so a busy database fails at begin (after the busy timeout)
/// rather than half-way through.
class Transaction {
 public:
  explicit Transaction(Db& db) : db_(db) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  Status begin();
  Status commit();

 private:
  Db& db_;
  bool open_ = false;
};

}  // namespace revarch::sqlite
