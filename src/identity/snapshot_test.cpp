// The chunked identity snapshot writes the same rows as the whole one.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "identity/chunk_prefetch.h"
#include "identity/resolver.h"
#include "identity/test_events.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/store_test_util.h"

namespace revarch::identity {
namespace {

using namespace testing;  // NOLINT

// People from a CRM and from cards (some sharing an e-mail, so they merge) and their companies,
// with competing values.
IdentityResult small_world() {
  IdentityResolver r;
  for (int i = 0; i < 60; ++i) {
    std::string n = std::to_string(i);
    std::string company = "会社" + std::to_string(i % 7);
    r.add(upsert(account("hubspot", "a" + std::to_string(i % 7)),
                 {{"company_name", company}, {"employees", std::to_string(100 + i)}}, 1000 + i));
    r.add(upsert(contact("hubspot", n),
                 {{"email", "p" + n + "@example.co.jp"},
                  {"full_name", "山田 " + n},
                  {"company_name", company},
                  {"title", "部長"}},
                 2000 + i));
    if (i % 3 == 0) {
      r.add(card(contact("sansan", "c" + n),
                 {{"email", "p" + n + "@example.co.jp"},
                  {"full_name", "山田　" + n},
                  {"title", "課長"},
                  {"phone", "03-1111-" + std::to_string(1000 + i)}},
                 3000 + i));
    }
  }
  return r.resolve();
}

// Every row of the three identity tables, field_values with their ids, in key order.
std::vector<std::string> dump(const std::string& path) {
  std::vector<std::string> rows;
  auto db = sqlite::Db::open(path);
  EXPECT_TRUE(db.is_ok());
  if (!db.is_ok()) return rows;
  const char* queries[] = {
      "SELECT id, kind, display_name, primary_fields FROM entities ORDER BY id",
      "SELECT source, kind, source_id, entity_id, reason, rule, confidence FROM entity_links "
      "ORDER BY source, kind, source_id",
      "SELECT id, entity_id, property, value, source, source_record_id, observed_at, chosen "
      "FROM field_values ORDER BY id"};
  for (const char* q : queries) {
    auto s = (*db)->prepare(q);
    EXPECT_TRUE(s.is_ok());
    if (!s.is_ok()) return rows;
    while (true) {
      auto row = (*db)->step(*s);
      EXPECT_TRUE(row.is_ok());
      if (!row.is_ok() || !*row) break;
      std::string line = q;
      for (int i = 0; i < sqlite3_column_count(s->raw()); ++i) {
        line.append("|").append(s->text_at(i));
      }
      rows.push_back(std::move(line));
    }
  }
  return rows;
}

TEST(IdentitySnapshot, ChunkedWriteStoresTheSameRowsAsTheWholeSnapshot) {
  IdentityResult res = small_world();
  ASSERT_GT(res.entities().size(), 20u);
  revarch::testing::TempDir dir;
  std::string whole = dir.file("whole.db");
  std::string chunked = dir.file("chunked.db");
  {
    auto a = open_store(whole);
    ASSERT_TRUE(a.is_ok());
    ASSERT_TRUE((*a)->replace_identity(res.to_snapshot()).is_ok());
    auto b = open_store(chunked);
    ASSERT_TRUE(b.is_ok());
    int chunks = 0;
    IdentityChunkSource source = res.snapshot_chunks(/*values_per_chunk=*/7);
    Status st = (*b)->replace_identity_chunked([&](IdentitySnapshot& chunk) {
      Result<bool> more = source(chunk);
      if (more.is_ok() && *more) ++chunks;
      return more;
    });
    ASSERT_TRUE(st.is_ok()) << st.to_string();
    EXPECT_GT(chunks, 10);
  }
  std::vector<std::string> expected = dump(whole);
  EXPECT_GT(expected.size(), 200u);
  EXPECT_EQ(dump(chunked), expected);
}

TEST(IdentitySnapshot, ChunksHoldTheWholeSnapshotsRows) {
  IdentityResult res = small_world();
  IdentitySnapshot whole = res.to_snapshot();
  IdentitySnapshot all;
  IdentityChunkSource source = res.snapshot_chunks(5);
  while (true) {
    IdentitySnapshot chunk;
    Result<bool> more = source(chunk);
    ASSERT_TRUE(more.is_ok());
    if (!*more) break;
    EXPECT_LE(chunk.links.size(), 5u);
    all.entities.insert(all.entities.end(), chunk.entities.begin(), chunk.entities.end());
    all.links.insert(all.links.end(), chunk.links.begin(), chunk.links.end());
    all.field_values.insert(all.field_values.end(), chunk.field_values.begin(),
                            chunk.field_values.end());
  }
  EXPECT_EQ(all.entities, whole.entities);
  EXPECT_EQ(all.field_values, whole.field_values);
  EXPECT_EQ(all.links.size(), whole.links.size());
  for (size_t i = 1; i < all.links.size(); ++i) {
    const SourceRef& a = all.links[i - 1].ref;
    const SourceRef& b = all.links[i].ref;
    EXPECT_LT(std::tie(a.source, a.kind, a.id), std::tie(b.source, b.kind, b.id));
  }
  for (const EntityLink& l : whole.links) {
    EXPECT_NE(std::find(all.links.begin(), all.links.end(), l), all.links.end());
  }
}

TEST(IdentitySnapshot, PrefetchedChunksAreTheSameChunks) {
  IdentityResult res = small_world();
  IdentityChunkSource plain = res.snapshot_chunks(6);
  IdentityChunkSource ahead = prefetch_chunks(res.snapshot_chunks(6));
  int chunks = 0;
  while (true) {
    IdentitySnapshot a, b;
    Result<bool> more_a = plain(a);
    Result<bool> more_b = ahead(b);
    ASSERT_TRUE(more_a.is_ok() && more_b.is_ok());
    ASSERT_EQ(*more_a, *more_b);
    if (!*more_a) break;
    ++chunks;
    EXPECT_EQ(a.entities, b.entities);
    EXPECT_EQ(a.links, b.links);
    EXPECT_EQ(a.field_values, b.field_values);
  }
  EXPECT_GT(chunks, 10);
  IdentitySnapshot after;
  EXPECT_FALSE(*ahead(after));  // stays done
}

TEST(IdentitySnapshot, PrefetchPassesTheSourcesErrorOn) {
  int calls = 0;
  IdentityChunkSource ahead = prefetch_chunks([&calls](IdentitySnapshot& out) -> Result<bool> {
    if (++calls == 1) {
      out.entities.push_back(Entity{"P-1", EntityKind::kContact, "", {}});
      return true;
    }
    return Status(ErrorCode::kInternal, "broken");
  });
  IdentitySnapshot chunk;
  Result<bool> first = ahead(chunk);
  ASSERT_TRUE(first.is_ok() && *first);
  EXPECT_EQ(chunk.entities.size(), 1u);
  IdentitySnapshot second;
  EXPECT_EQ(ahead(second).status().code(), ErrorCode::kInternal);
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace revarch::identity
