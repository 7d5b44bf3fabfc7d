#include "store/sqlite_schema.h"

#include <gtest/gtest.h>

#include "store/sqlite_store.h"
#include "store/store_test_util.h"

namespace revarch {
namespace {

TEST(SqliteSchema, NewDatabaseGetsEveryMigration) {
  testing::TempDir dir;
  auto store = SqliteStore::open(dir.file("ws.db"));
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  EXPECT_EQ((*store)->schema_version().value(), static_cast<int64_t>(sqlite::migrations().size()));
  EXPECT_TRUE((*store)->check_integrity().is_ok());
}

TEST(SqliteSchema, OpeningAnOldDatabaseMigratesItAndKeepsData) {
  testing::TempDir dir;
  std::string path = dir.file("old.db");
  {
    auto db = sqlite::Db::open(path);
    ASSERT_TRUE(db.is_ok());
    ASSERT_TRUE(sqlite::migrate(**db, 0, /*target=*/1).is_ok());
    EXPECT_EQ(sqlite::schema_version(**db).value(), 1);
    ASSERT_TRUE((*db)->exec("INSERT INTO meta VALUES ('design_hash', 'old')").is_ok());
  }
  auto store = SqliteStore::open(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  EXPECT_EQ((*store)->schema_version().value(), static_cast<int64_t>(sqlite::migrations().size()));
  EXPECT_EQ((*store)->get_meta("design_hash").value(), "old");
  IdentitySnapshot snap;
  snap.entities = {{"contact:1", EntityKind::kContact, "x", {}}};
  EXPECT_TRUE((*store)->replace_identity(snap).is_ok());  // tables of migration 2 exist
}

TEST(SqliteSchema, ReopeningRepairsABulkLoadCutShort) {
  testing::TempDir dir;
  std::string path = dir.file("ws.db");
  auto count_indexes = [&path] {
    auto db = sqlite::Db::open(path);
    auto s = (*db)->prepare(
        "SELECT count(*) FROM sqlite_master WHERE name IN ('events_time', 'events_subject')");
    EXPECT_TRUE((*db)->step(*s).value());
    return s->int_at(0);
  };
  {
    auto store = SqliteStore::open(path);
    ASSERT_TRUE((*store)->begin_bulk_load().is_ok());
  }  // closed without end_bulk_load, as when the process dies
  EXPECT_EQ(count_indexes(), 0);
  ASSERT_TRUE(SqliteStore::open(path).is_ok());
  EXPECT_EQ(count_indexes(), 2);
}

TEST(SqliteSchema, RefusesADatabaseFromANewerBuild) {
  testing::TempDir dir;
  std::string path = dir.file("new.db");
  {
    auto store = SqliteStore::open(path);
    ASSERT_TRUE(store.is_ok());
  }
  {
    auto db = sqlite::Db::open(path);
    ASSERT_TRUE((*db)->exec("INSERT INTO schema_migrations VALUES (999, 0)").is_ok());
  }
  auto again = SqliteStore::open(path);
  ASSERT_FALSE(again.is_ok());
  EXPECT_EQ(again.status().code(), ErrorCode::kUnsupported);
}

TEST(SqliteSchema, NotADatabaseIsCorrupt) {
  testing::TempDir dir;
  std::string path = dir.file("junk.db");
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::string junk(8192, 'j');
  std::fwrite(junk.data(), 1, junk.size(), f);
  std::fclose(f);
  auto store = SqliteStore::open(path);
  ASSERT_FALSE(store.is_ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kCorrupt);
}

}  // namespace
}  // namespace revarch
