#pragma once
// The SQLite schema as numbered migrations (docs/event-schema.md, "SQLite schema"). A database
// records the migrations it has had in schema_migrations(version, applied_at); opening an older
// database applies the missing ones, each in its own transaction. Migrations are append-only:
// never edit one that has shipped, add the next.

#include <cstdint>
#include <span>
#include <string_view>

#include "common/status.h"
#include "store/sqlite_db.h"

namespace revarch::sqlite {

/// The migrations in order: element i takes the schema from version i to version i + 1.
std::span<const std::string_view> migrations();

/// The log's secondary indexes, dropped during bulk loads: SQL that creates the missing ones
/// (run at every open, so a bulk load cut short by a crash is repaired), and SQL that drops them.
std::string_view create_secondary_indexes_sql();
std::string_view drop_secondary_indexes_sql();

/// The UNIQUE idempotency index of the log: a fast bulk load drops it (deduplicating in memory
/// instead) and rebuilds it at the end; the SQL that creates it when missing (run at every open
/// and at the start of every append that relies on it) and the SQL that drops it.
std::string_view create_idempotency_index_sql();
std::string_view drop_idempotency_index_sql();

/// The highest version applied (0 for a new, empty database).
Result<int64_t> schema_version(Db& db);

/// Applies migrations up to `target` (all when negative). kUnsupported when the database has
/// a version newer than this build knows (it was written by a newer revarch).
Status migrate(Db& db, int64_t now_ms, int64_t target = -1);

}  // namespace revarch::sqlite
