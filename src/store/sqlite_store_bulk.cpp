// SqliteStore: bulk-load mode. The time and subject indexes are dropped and rebuilt by sorting
// at the end; the UNIQUE idempotency index is dropped too, duplicates being caught by an
// in-memory set of the keys (KeySet) for as long as this connection is the only writer.
#include "store/sqlite_schema.h"
#include "store/sqlite_store.h"

namespace revarch {

Result<int64_t> SqliteStore::data_version() {
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * s, db_->cached("PRAGMA data_version"));
  sqlite::StmtUse use(*s);
  REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
  if (!row) return Status(ErrorCode::kInternal, "PRAGMA data_version returned no row");
  return s->int_at(0);
}

Status SqliteStore::load_bulk_keys() {
  bulk_keys_.clear();
  // A full scan of the (covering, smaller) UNIQUE index, not of the table.
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt s, db_->prepare("SELECT idempotency_key FROM events"));
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(s));
    if (!row) return Status::ok();
    if (!s.is_blob(0)) {
      bulk_keys_.insert_text(s.text_at(0));
      continue;
    }
    std::string_view bytes = s.blob_at(0);
    if (bytes.size() != 16) {
      SourceLocation where;
      where.file = db_->path();
      return Status(ErrorCode::kCorrupt,
                    "stored idempotency key of " + std::to_string(bytes.size()) + " bytes", where);
    }
    bulk_keys_.insert_packed(bytes);
  }
}

Status SqliteStore::choose_dedup() {
  if (bulk_keys_valid_) {
    REVARCH_ASSIGN_OR_RETURN(int64_t v, data_version());
    if (v == data_version_) return Status::ok();
    bulk_keys_valid_ = false;  // another connection wrote: the set may be incomplete
    bulk_keys_.clear();
  }
  // Cheap when the index exists; rebuilds it after another process's fast bulk load.
  return db_->exec(sqlite::create_idempotency_index_sql());
}

Status SqliteStore::begin_bulk_load() {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  if (bulk_load_) return Status::ok();
  sqlite::Transaction tx(*db_);
  REVARCH_RETURN_IF_ERROR(tx.begin());
  REVARCH_RETURN_IF_ERROR(db_->exec(sqlite::drop_secondary_indexes_sql()));
  // Under the write lock: the set then holds exactly the keys in the log.
  REVARCH_RETURN_IF_ERROR(db_->exec(sqlite::create_idempotency_index_sql()));
  Status st = load_bulk_keys();
  if (st.is_ok()) st = db_->exec(sqlite::drop_idempotency_index_sql());
  // Read inside the transaction: our own commit leaves data_version as it is.
  Result<int64_t> version = st.is_ok() ? data_version() : Result<int64_t>(st);
  if (version.is_ok()) st = tx.commit();
  if (!version.is_ok() || !st.is_ok()) {
    bulk_keys_.clear();
    return version.is_ok() ? st : version.status();
  }
  data_version_ = *version;
  bulk_keys_valid_ = true;
  bulk_load_ = true;
  return Status::ok();
}

Status SqliteStore::end_bulk_load_locked() {
  if (!bulk_load_) return Status::ok();
  sqlite::Transaction tx(*db_);
  REVARCH_RETURN_IF_ERROR(tx.begin());
  REVARCH_RETURN_IF_ERROR(db_->exec(sqlite::create_idempotency_index_sql()));
  REVARCH_RETURN_IF_ERROR(db_->exec(sqlite::create_secondary_indexes_sql()));
  REVARCH_RETURN_IF_ERROR(tx.commit());
  bulk_keys_valid_ = false;
  bulk_keys_.clear();
  bulk_load_ = false;
  return Status::ok();
}

Status SqliteStore::end_bulk_load() {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  return end_bulk_load_locked();
}

}  // namespace revarch
