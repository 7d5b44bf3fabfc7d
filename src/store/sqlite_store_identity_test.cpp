// Identity results and derived state through the Store interface.
#include <gtest/gtest.h>

#include <memory>

#include "store/store.h"
#include "store/store_test_util.h"

namespace revarch {
namespace {

IdentitySnapshot sample_identity() {
  IdentitySnapshot s;
  s.entities = {{"contact:1",
                 EntityKind::kContact,
                 "山田 太郎",
                 {{"email", "taro@example.co.jp"}, {"employees", "500"}}},
                {"account:1", EntityKind::kAccount, "株式会社サンプル", {{"employees", "500"}}}};
  SourceRef hs{"hubspot", EntityKind::kContact, "101"};
  SourceRef sf{"salesforce", EntityKind::kContact, "003A000000abcdEFGH"};
  s.links = {{hs, "contact:1", "first record", "seed", 1.0},
             {sf, "contact:1", "same email taro@example.co.jp", "email", 0.98},
             {{"salesforce", EntityKind::kAccount, "001A000000abcdEFGH"},
              "account:1",
              "same corporate number",
              "corporate_number",
              1.0}};
  s.field_values = {
      {"contact:1", "email", "taro@example.co.jp", "hubspot", "101", 1000, true},
      {"contact:1", "email", "t.yamada@example.co.jp", "salesforce", "003A000000abcdEFGH", 2000,
       false},
      {"account:1", "employees", "200", "hubspot", "9", 1500, false},
      {"account:1", "employees", "500", "salesforce", "001A000000abcdEFGH", 1200, true}};
  return s;
}

class IdentityStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = open_store(dir_.file("ws.db"));
    ASSERT_TRUE(s.is_ok()) << s.status().to_string();
    store_ = std::move(s).value();
    ASSERT_TRUE(store_->replace_identity(sample_identity()).is_ok());
  }
  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(IdentityStoreTest, FindsEntityBySourceRecord) {
  auto e = store_->find_entity_by_ref({"salesforce", EntityKind::kContact, "003A000000abcdEFGH"});
  ASSERT_TRUE(e.is_ok() && e->has_value());
  EXPECT_EQ(**e, sample_identity().entities[0]);
  auto none = store_->find_entity_by_ref({"salesforce", EntityKind::kDeal, "003A000000abcdEFGH"});
  ASSERT_TRUE(none.is_ok());
  EXPECT_FALSE(none->has_value());
}

TEST_F(IdentityStoreTest, FindsByAnyObservedValueOfTheKind) {
  auto by_losing =
      store_->find_entities_by_property(EntityKind::kContact, "email", "t.yamada@example.co.jp");
  ASSERT_TRUE(by_losing.is_ok());
  ASSERT_EQ(by_losing->size(), 1u);
  EXPECT_EQ((*by_losing)[0].id, "contact:1");
  auto wrong_kind =
      store_->find_entities_by_property(EntityKind::kAccount, "email", "taro@example.co.jp");
  EXPECT_TRUE(wrong_kind->empty());
}

TEST_F(IdentityStoreTest, LoadEntityKeepsLosingValuesVisible) {
  auto rec = store_->load_entity("account:1");
  ASSERT_TRUE(rec.is_ok());
  EXPECT_EQ(rec->entity.display_name, "株式会社サンプル");
  ASSERT_EQ(rec->links.size(), 1u);
  EXPECT_EQ(rec->links[0].rule, "corporate_number");
  ASSERT_EQ(rec->field_values.size(), 2u);
  // Ordered by observation time: the losing HubSpot value is kept beside the chosen one.
  EXPECT_EQ(rec->field_values[0].value, "500");
  EXPECT_TRUE(rec->field_values[0].chosen);
  EXPECT_EQ(rec->field_values[1].value, "200");
  EXPECT_FALSE(rec->field_values[1].chosen);
  auto contact = store_->load_entity("contact:1");
  ASSERT_EQ(contact->links.size(), 2u);
  EXPECT_DOUBLE_EQ(contact->links[1].confidence, 0.98);
  EXPECT_EQ(store_->load_entity("contact:404").status().code(), ErrorCode::kNotFound);
}

TEST_F(IdentityStoreTest, ReplaceSwapsEverythingAndValidates) {
  IdentitySnapshot next;
  next.entities = {{"contact:2", EntityKind::kContact, "佐藤 花子", {}}};
  ASSERT_TRUE(store_->replace_identity(next).is_ok());
  EXPECT_EQ(store_->load_entity("contact:1").status().code(), ErrorCode::kNotFound);
  std::vector<std::string> ids;
  ASSERT_TRUE(store_
                  ->scan_entities([&](const Entity& e) {
                    ids.push_back(e.id);
                    return true;
                  })
                  .is_ok());
  EXPECT_EQ(ids, std::vector<std::string>{"contact:2"});

  IdentitySnapshot bad = sample_identity();
  bad.links.push_back({{"x", EntityKind::kContact, "1"}, "contact:404", "", "", 1.0});
  EXPECT_EQ(store_->replace_identity(bad).code(), ErrorCode::kInvalidArgument);
  bad = sample_identity();
  bad.links.push_back(bad.links[0]);
  EXPECT_EQ(store_->replace_identity(bad).code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store_->load_entity("contact:2").is_ok());  // unchanged by the failures
}

// A source that hands out `chunks` one after another.
IdentityChunkSource chunks_of(std::vector<IdentitySnapshot> chunks) {
  auto next = std::make_shared<size_t>(0);
  return [chunks = std::move(chunks), next](IdentitySnapshot& out) -> Result<bool> {
    if (*next == chunks.size()) return false;
    out = chunks[(*next)++];
    return true;
  };
}

// sample_identity() cut in three: entities with their values first, then links.
std::vector<IdentitySnapshot> sample_in_chunks() {
  IdentitySnapshot s = sample_identity();
  IdentitySnapshot a, b, c;
  a.entities = {s.entities[0]};
  a.field_values = {s.field_values[0], s.field_values[1]};
  b.entities = {s.entities[1]};
  b.field_values = {s.field_values[2], s.field_values[3]};
  b.links = {s.links[2]};
  c.links = {s.links[0], s.links[1]};
  return {a, b, c};
}

TEST_F(IdentityStoreTest, ChunkedReplaceStoresWhatTheWholeSnapshotDoes) {
  auto whole = store_->load_entity("contact:1");
  ASSERT_TRUE(whole.is_ok());
  ASSERT_TRUE(store_->replace_identity({}).is_ok());
  EXPECT_EQ(store_->load_entity("contact:1").status().code(), ErrorCode::kNotFound);
  Status st = store_->replace_identity_chunked(chunks_of(sample_in_chunks()));
  ASSERT_TRUE(st.is_ok()) << st.to_string();
  auto chunked = store_->load_entity("contact:1");
  ASSERT_TRUE(chunked.is_ok());
  EXPECT_EQ(chunked->entity, whole->entity);
  EXPECT_EQ(chunked->links, whole->links);
  EXPECT_EQ(chunked->field_values, whole->field_values);
  auto by_ref = store_->find_entity_by_ref(sample_identity().links[2].ref);
  ASSERT_TRUE(by_ref.is_ok() && by_ref->has_value());
  EXPECT_EQ((*by_ref)->id, "account:1");
}

TEST_F(IdentityStoreTest, ChunkedReplaceIsAllOrNothing) {
  auto expect_unchanged = [this] {
    auto e = store_->load_entity("contact:1");
    ASSERT_TRUE(e.is_ok());
    EXPECT_EQ(e->links.size(), 2u);
    EXPECT_EQ(e->field_values.size(), 2u);
    EXPECT_EQ(store_->load_entity("contact:9").status().code(), ErrorCode::kNotFound);
  };
  IdentitySnapshot first;
  first.entities = {{"contact:9", EntityKind::kContact, "", {}}};
  // A link to an entity of a later chunk, a repeated entity id, a repeated link ref.
  std::vector<IdentitySnapshot> bad = sample_in_chunks();
  std::swap(bad[0], bad[2]);
  EXPECT_EQ(store_->replace_identity_chunked(chunks_of(bad)).code(), ErrorCode::kInvalidArgument);
  expect_unchanged();
  bad = sample_in_chunks();
  bad.insert(bad.begin(), first);
  bad.push_back(first);
  EXPECT_EQ(store_->replace_identity_chunked(chunks_of(bad)).code(), ErrorCode::kInvalidArgument);
  expect_unchanged();
  bad = sample_in_chunks();
  bad.insert(bad.begin(), first);
  bad.push_back(bad[3]);
  EXPECT_EQ(store_->replace_identity_chunked(chunks_of(bad)).code(), ErrorCode::kInvalidArgument);
  expect_unchanged();
  // The source's own error, after some chunks were written.
  int calls = 0;
  Status st = store_->replace_identity_chunked([&](IdentitySnapshot& out) -> Result<bool> {
    if (++calls == 1) {
      out = first;
      return true;
    }
    return Status(ErrorCode::kIo, "source failed");
  });
  EXPECT_EQ(st.code(), ErrorCode::kIo);
  expect_unchanged();
  // A source calling back into the store is refused.
  st = store_->replace_identity_chunked([&](IdentitySnapshot&) -> Result<bool> {
    auto e = store_->load_entity("contact:1");
    if (!e.is_ok()) return e.status();
    return false;
  });
  EXPECT_FALSE(st.is_ok());
  expect_unchanged();
}

TEST_F(IdentityStoreTest, DerivedStateIsReplacedAndScanned) {
  DerivedSnapshot d;
  d.design_version = "v1";
  d.transitions = {{"contact:1", 2000, "lead", "mql", R"({"criteria":"direct_inquiry"})", ""},
                   {"contact:1", 1000, "", "lead", "{}", ""},
                   {"account:1", 1500, "", "target", "{}", "v0"}};
  d.alerts = {{"deal:1", 3000, "deal.stuck", "high", "stuck in internal_approval", "{}", ""}};
  ASSERT_TRUE(store_->replace_derived(d).is_ok());
  auto t = store_->scan_transitions("contact:1");
  ASSERT_TRUE(t.is_ok());
  ASSERT_EQ(t->size(), 2u);
  EXPECT_EQ((*t)[0].to_stage, "lead");
  EXPECT_EQ((*t)[1].to_stage, "mql");
  EXPECT_EQ((*t)[1].design_version, "v1");
  std::vector<int64_t> times;
  ASSERT_TRUE(store_
                  ->scan_all_transitions([&](const StageTransition& x) {
                    times.push_back(x.at_ms);
                    return true;
                  })
                  .is_ok());
  EXPECT_EQ(times, (std::vector<int64_t>{1000, 1500, 2000}));
  std::vector<Alert> alerts;
  ASSERT_TRUE(store_
                  ->scan_alerts([&](const Alert& a) {
                    alerts.push_back(a);
                    return true;
                  })
                  .is_ok());
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].kind, "deal.stuck");
  ASSERT_TRUE(store_->replace_derived({}).is_ok());
  EXPECT_TRUE(store_->scan_transitions("contact:1")->empty());
}

}  // namespace
}  // namespace revarch
