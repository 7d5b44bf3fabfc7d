#include <gtest/gtest.h>

#include <set>

#include "common/time.h"
#include "connectors/test_util.h"
#include "store/canonical.h"

namespace revarch::connectors {
namespace {

using testing::fixture;
using testing::of_type;
using testing::prop;

CollectingSink read(const std::string& name, ConnectorOptions opt = {}) {
  CollectingSink sink;
  Status st = read_export(fixture(name), SourceKind::kHubspot, opt, sink);
  EXPECT_TRUE(st.is_ok()) << st.to_string();
  return sink;
}

TEST(HubspotCsv, ContactsWithLabelsAndBom) {
  CollectingSink s = read("hubspot-crm-exports-all-contacts-2024-05-08.csv");
  auto upserts = of_type(s, canon::kRecordUpsert);
  ASSERT_EQ(upserts.size(), 3u);  // 101, 102, 104; the blank row and the ragged row are dropped
  const Event& c = *upserts[0];
  EXPECT_EQ(c.subject, (SourceRef{"hubspot", EntityKind::kContact, "101"}));
  EXPECT_EQ(prop(c, canon::kEmail), "taro.yamada@example.co.jp");
  EXPECT_EQ(prop(c, canon::kLastName), "山田");
  EXPECT_EQ(prop(c, canon::kPhone), "+81312345678");
  EXPECT_EQ(prop(c, canon::kLifecycleStage), "marketingqualifiedlead");
  EXPECT_EQ(prop(c, canon::kLeadStatus), "IN_PROGRESS");
  EXPECT_EQ(prop(c, canon::kOriginalSource), "ORGANIC_SEARCH");
  EXPECT_EQ(prop(c, canon::kCreatedAt), "2024-04-01T00:00:00.000Z");  // JST 09:00
  EXPECT_EQ(c.occurred_at_ms, *parse_iso8601_ms("2024-05-08T10:15:00+09:00"));
  EXPECT_EQ(c.original_tz, "+09:00");
  EXPECT_EQ(c.origin_row, 1);
  ASSERT_EQ(c.related.size(), 2u);
  EXPECT_EQ(c.related[1], (SourceRef{"hubspot", EntityKind::kAccount, "9002"}));
  // Internal-name values and "," separated ids.
  const Event& d = *upserts[1];
  EXPECT_EQ(prop(d, canon::kEmail), "not-an-email");  // kept, noted
  EXPECT_EQ(prop(d, canon::kOriginalSource), "OFFLINE");
  EXPECT_EQ(d.related.size(), 2u);
  // Stage dates become lifecycle.changed events, ordered, each naming the previous stage.
  auto stages = of_type(s, canon::kLifecycleChanged);
  ASSERT_EQ(stages.size(), 3u);
  EXPECT_EQ(prop(*stages[0], canon::kStage), "lead");
  EXPECT_EQ(prop(*stages[1], canon::kStage), "marketingqualifiedlead");
  EXPECT_EQ(prop(*stages[1], canon::kPreviousStage), "lead");
  EXPECT_EQ(stages[1]->occurred_at_ms, *parse_iso8601_ms("2024-04-15T14:30:00+09:00"));
  // Quarantine: invalid e-mail note (row 2), no identity (row 3, dropped), bad date (row 4),
  // ragged row (row 5, dropped).
  std::vector<std::tuple<int64_t, std::string, std::string>> q;
  for (const auto& r : s.quarantine) q.emplace_back(r.row, r.column, r.reason);
  EXPECT_NE(std::find(q.begin(), q.end(),
                      std::make_tuple(int64_t{2}, std::string("Email"),
                                      std::string("invalid e-mail (kept)"))),
            q.end());
  EXPECT_NE(std::find(q.begin(), q.end(),
                      std::make_tuple(int64_t{3}, std::string("Record ID"),
                                      std::string("no record id, e-mail or name"))),
            q.end());
  EXPECT_NE(std::find(q.begin(), q.end(),
                      std::make_tuple(int64_t{4}, std::string("Create Date"),
                                      std::string("unparseable date (kept)"))),
            q.end());
  bool ragged = false;
  for (const auto& r : s.quarantine)
    ragged |= r.row == 5 && r.reason.find("ragged") == 0 && r.line == 6;
  EXPECT_TRUE(ragged);
}

TEST(HubspotCsv, ReingestGivesTheSameKeys) {
  CollectingSink a = read("hubspot-crm-exports-all-contacts-2024-05-08.csv");
  CollectingSink b = read("hubspot-crm-exports-all-contacts-2024-05-08.csv");
  ASSERT_EQ(a.events.size(), b.events.size());
  std::set<std::string> keys;
  for (size_t i = 0; i < a.events.size(); ++i) {
    EXPECT_EQ(a.events[i].idempotency_key, b.events[i].idempotency_key);
    keys.insert(a.events[i].idempotency_key);
  }
  EXPECT_EQ(keys.size(), a.events.size());
}

TEST(HubspotCsv, InternalNamesAndStageDateColumns) {
  CollectingSink s = read("contacts-internal.csv");
  auto upserts = of_type(s, canon::kRecordUpsert);
  ASSERT_EQ(upserts.size(), 1u);
  EXPECT_EQ(upserts[0]->subject.id, "201");
  EXPECT_EQ(prop(*upserts[0], canon::kLeadStatus), "OPEN");
  auto stages = of_type(s, canon::kLifecycleChanged);
  ASSERT_EQ(stages.size(), 2u);
  EXPECT_EQ(prop(*stages[0], canon::kStage), "salesqualifiedlead");
  EXPECT_EQ(prop(*stages[1], canon::kStage), "opportunity");
  EXPECT_EQ(stages[1]->original_tz, "Z");
}

TEST(HubspotCsv, CompaniesAndDeals) {
  CollectingSink c = read("hubspot-crm-exports-all-companies-2024-05-08.csv");
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].subject.kind, EntityKind::kAccount);
  EXPECT_EQ(prop(c.events[0], canon::kDomain), "sample.co.jp");
  EXPECT_EQ(prop(c.events[0], canon::kEmployees), "1200");
  EXPECT_EQ(prop(c.events[0], canon::kAnnualRevenue), "500000000");
  CollectingSink d = read("hubspot-crm-exports-all-deals-2024-05-08.csv");
  ASSERT_EQ(d.events.size(), 2u);
  const Event& won = d.events[0];
  EXPECT_EQ(won.subject, (SourceRef{"hubspot", EntityKind::kDeal, "5001"}));
  EXPECT_EQ(prop(won, canon::kStage), "closedwon");
  EXPECT_EQ(prop(won, canon::kPipeline), "default");
  EXPECT_EQ(prop(won, canon::kIsWon), "true");
  EXPECT_EQ(prop(won, canon::kCloseDate), "2024-06-30");
  EXPECT_EQ(won.related.size(), 3u);
  EXPECT_EQ(prop(d.events[1], canon::kAmount), "<none>");
  ASSERT_EQ(d.quarantine.size(), 1u);
  EXPECT_EQ(d.quarantine[0].column, "Amount");
  EXPECT_EQ(d.quarantine[0].row, 2);
}

TEST(HubspotCsv, ColumnOverridesMapCustomHeaders) {
  testing::TempDir dir;
  std::string path =
      dir.file("hubspot-contacts.csv",
               "Record ID,Email,Houjin Bangou,Favourite\n1,a@b.jp,7000012050002,tea\n");
  ConnectorOptions opt;
  opt.column_overrides = {{"houjin bangou", "corporate_number"}, {"Favourite", "favourite"}};
  CollectingSink s;
  ASSERT_TRUE(read_export(path, SourceKind::kHubspot, opt, s).is_ok());
  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_EQ(prop(s.events[0], canon::kCorporateNumber), "7000012050002");
  EXPECT_EQ(prop(s.events[0], "favourite"), "tea");
}

TEST(HubspotCsv, NumberOfEmployeesReachesEmployeesUnderTheDesignMapping) {
  ConnectorOptions opt;
  opt.column_overrides = {{"Number of Employees", "account.employees"},
                          {"company", "account.name"}};
  CollectingSink s;
  ASSERT_TRUE(read_export(fixture("hubspot-crm-exports-all-companies-2024-05-08.csv"),
                          SourceKind::kHubspot, opt, s)
                  .is_ok());
  ASSERT_FALSE(s.events.empty());
  EXPECT_EQ(s.events[0].subject.kind, EntityKind::kAccount);
  EXPECT_EQ(prop(s.events[0], canon::kEmployees), "1200");
  EXPECT_EQ(find_property(s.events[0].properties, "account.employees"), nullptr);
}

TEST(HubspotJson, ApiRecords) {
  CollectingSink s = read("hubspot-contacts-api.json");
  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(s.events[0].subject.id, "301");
  EXPECT_EQ(prop(s.events[0], canon::kLifecycleStage), "opportunity");
  EXPECT_EQ(s.events[0].occurred_at_ms, *parse_iso8601_ms("2019-12-07T16:50:06.678Z"));
  ASSERT_EQ(s.events[0].related.size(), 1u);
  EXPECT_EQ(s.events[0].related[0].id, "9001");
  EXPECT_EQ(prop(s.events[1], canon::kFirstName), "Second");
}

TEST(HubspotJson, WebhooksDeduplicateOnTheWholeChange) {
  CollectingSink s = read("hubspot-webhook.json");
  auto changes = of_type(s, canon::kPropertyChanged);
  ASSERT_EQ(changes.size(), 3u);
  // A retried delivery (attemptNumber 1) is the same fact; the same eventId with another
  // property is not.
  EXPECT_EQ(changes[0]->idempotency_key, changes[1]->idempotency_key);
  EXPECT_NE(changes[0]->idempotency_key, changes[2]->idempotency_key);
  EXPECT_EQ(prop(*changes[0], "property"), "first_name");
  EXPECT_EQ(prop(*changes[0], "value"), "Briane");
  EXPECT_EQ(changes[0]->occurred_at_ms, 1715203101896);
  EXPECT_EQ(changes[0]->subject, (SourceRef{"hubspot", EntityKind::kContact, "847297356"}));
  auto stage = of_type(s, canon::kLifecycleChanged);
  ASSERT_EQ(stage.size(), 1u);
  EXPECT_EQ(prop(*stage[0], canon::kStage), "marketingqualifiedlead");
  auto merged = of_type(s, canon::kRecordMerged);
  ASSERT_EQ(merged.size(), 1u);
  ASSERT_EQ(merged[0]->related.size(), 1u);
  EXPECT_EQ(merged[0]->related[0].id, "847297999");
  auto assoc = of_type(s, canon::kAssociationChanged);
  ASSERT_EQ(assoc.size(), 1u);
  EXPECT_EQ(assoc[0]->related[0], (SourceRef{"hubspot", EntityKind::kAccount, "9001"}));
  auto deleted = of_type(s, canon::kRecordDeleted);
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(deleted[0]->subject.kind, EntityKind::kDeal);
  EXPECT_EQ(of_type(s, canon::kRecordUpsert).size(), 1u);  // the creation
}

}  // namespace
}  // namespace revarch::connectors
