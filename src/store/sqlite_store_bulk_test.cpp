// Bulk-load mode of SqliteStore: deduplication in memory (UNIQUE index dropped) must count and
// store exactly what the indexed path does, including keys stored before the load, text keys,
// a failed batch, and another connection writing to the same file meanwhile.
#include <gtest/gtest.h>

#include "store/sqlite_store.h"
#include "store/store_test_util.h"

namespace revarch {
namespace {

std::vector<Event> events(std::initializer_list<int> ns) {
  std::vector<Event> out;
  for (int n : ns) out.push_back(testing::sample_event(n));
  return out;
}

AppendStats append(SqliteStore& store, const std::vector<Event>& batch) {
  AppendStats stats;
  stats.record_seqs = true;
  Status st = store.append(batch, &stats);
  EXPECT_TRUE(st.is_ok()) << st.to_string();
  return stats;
}

int64_t index_count(const std::string& path) {
  auto db = sqlite::Db::open(path);
  auto s = (*db)->prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
      "('events_idempotency', 'events_time', 'events_subject')");
  EXPECT_TRUE((*db)->step(*s).value());
  return s->int_at(0);
}

class BulkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.file("ws.db");
    auto s = SqliteStore::open(path_);
    ASSERT_TRUE(s.is_ok()) << s.status().to_string();
    store_ = std::move(s).value();
  }
  testing::TempDir dir_;
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(BulkTest, KeysStoredBeforeTheLoadAndRepeatsInABatchAreDuplicates) {
  append(*store_, events({1, 2}));
  Event text_key = testing::sample_event(50);
  text_key.idempotency_key = "order-50";  // not in make_idempotency_key's form
  ASSERT_TRUE(store_->append({&text_key, 1}).is_ok());
  ASSERT_TRUE(store_->begin_bulk_load().is_ok());
  EXPECT_EQ(index_count(path_), 0);
  std::vector<Event> batch = events({2, 3, 3, 1, 4});
  batch.push_back(text_key);
  AppendStats stats = append(*store_, batch);
  EXPECT_EQ(stats.appended, 2);
  EXPECT_EQ(stats.duplicates, 4);
  ASSERT_EQ(stats.seqs.size(), 6u);
  EXPECT_EQ(stats.seqs[0], 0);
  EXPECT_GT(stats.seqs[1], 3);
  EXPECT_EQ(stats.seqs[2], 0);
  ASSERT_TRUE(store_->end_bulk_load().is_ok());
  EXPECT_EQ(index_count(path_), 3);
  EXPECT_EQ(store_->count_events({}).value(), 5);
  EXPECT_EQ(append(*store_, events({4, 5})).duplicates, 1);  // the UNIQUE index is back
  EXPECT_TRUE(store_->check_integrity().is_ok());
}

TEST_F(BulkTest, AFailedBatchLeavesNoKeyBehind) {
  ASSERT_TRUE(store_->begin_bulk_load().is_ok());
  std::vector<Event> bad = events({1, 2});
  bad.back().type.clear();  // invalid: nothing of the batch is written
  EXPECT_FALSE(store_->append(bad).is_ok());
  AppendStats stats = append(*store_, events({1, 2}));
  EXPECT_EQ(stats.appended, 2);
  EXPECT_EQ(stats.duplicates, 0);
  ASSERT_TRUE(store_->end_bulk_load().is_ok());
  EXPECT_EQ(store_->count_events({}).value(), 2);
}

TEST_F(BulkTest, AnotherConnectionWritingMeanwhileIsSeen) {
  ASSERT_TRUE(store_->begin_bulk_load().is_ok());
  append(*store_, events({1, 2}));
  {
    // Opening repairs the indexes; appending sees the keys of the bulk load.
    auto other = SqliteStore::open(path_);
    ASSERT_TRUE(other.is_ok());
    AppendStats stats = append(**other, events({2, 3}));
    EXPECT_EQ(stats.appended, 1);
    EXPECT_EQ(stats.duplicates, 1);
  }
  AppendStats stats = append(*store_, events({3, 4}));
  EXPECT_EQ(stats.appended, 1);  // 3 came from the other connection
  EXPECT_EQ(stats.duplicates, 1);
  ASSERT_TRUE(store_->end_bulk_load().is_ok());
  EXPECT_EQ(store_->count_events({}).value(), 4);
  EXPECT_EQ(index_count(path_), 3);
}

TEST_F(BulkTest, AWriterOpenedBeforeTheLoadRestoresTheIndex) {
  auto other = SqliteStore::open(path_);
  ASSERT_TRUE(other.is_ok());
  ASSERT_TRUE(store_->begin_bulk_load().is_ok());
  append(*store_, events({1, 2}));
  AppendStats stats = append(**other, events({2, 3}));
  EXPECT_EQ(stats.appended, 1);
  EXPECT_EQ(stats.duplicates, 1);
  stats = append(*store_, events({3, 1, 5}));
  EXPECT_EQ(stats.appended, 1);
  EXPECT_EQ(stats.duplicates, 2);
  ASSERT_TRUE(store_->end_bulk_load().is_ok());
  EXPECT_EQ(store_->count_events({}).value(), 4);
}

TEST(SqliteStoreBulk, ReopeningRebuildsTheUniqueIndex) {
  testing::TempDir dir;
  std::string path = dir.file("ws.db");
  {
    auto store = SqliteStore::open(path);
    ASSERT_TRUE((*store)->begin_bulk_load().is_ok());
    append(**store, events({1, 2, 3}));
  }  // closed without end_bulk_load, as when the process dies
  EXPECT_EQ(index_count(path), 0);
  auto store = SqliteStore::open(path);
  ASSERT_TRUE(store.is_ok());
  EXPECT_EQ(index_count(path), 3);
  EXPECT_EQ(append(**store, events({3, 4})).duplicates, 1);
}

}  // namespace
}  // namespace revarch
