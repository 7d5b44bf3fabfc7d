#include <gtest/gtest.h>
#include <zip.h>

#include <map>

#include "common/time.h"
#include "connectors/test_util.h"
#include "store/canonical.h"

namespace revarch::connectors {
namespace {

using testing::fixture;
using testing::of_type;
using testing::prop;

const char* kLead1 = "00Q5g00000AbCdEEAV";
const char* kContact = "0035g00000CoNt1AAF";
const char* kAccount = "0015g00000AcCt1AAF";
const char* kOpp = "0065g00000OpPy1AAF";
const char* kUser = "0055g00000UsEr1AAF";

CollectingSink read(const std::string& path) {
  CollectingSink sink;
  Status st = read_export(path, SourceKind::kSalesforce, {}, sink);
  EXPECT_TRUE(st.is_ok()) << st.to_string();
  return sink;
}

TEST(Salesforce, LeadsWithConversionAndMixedIdLengths) {
  CollectingSink s = read(fixture("Lead.csv"));
  auto upserts = of_type(s, canon::kRecordUpsert);
  ASSERT_EQ(upserts.size(), 2u);
  EXPECT_EQ(upserts[0]->subject, (SourceRef{"salesforce", EntityKind::kContact, kLead1}));
  EXPECT_EQ(prop(*upserts[0], canon::kOwnerId), kUser);
  EXPECT_EQ(prop(*upserts[0], canon::kCompanyName), "株式会社サンプル");
  EXPECT_EQ(prop(*upserts[0], canon::kLeadStatus), "Closed - Converted");
  EXPECT_EQ(upserts[0]->occurred_at_ms, *parse_iso8601_ms("2024-05-10T01:02:03.000Z"));
  // "YYYY-MM-DD hh:mm:ss" is read at the default offset (JST).
  EXPECT_EQ(upserts[1]->occurred_at_ms, *parse_iso8601_ms("2024-04-02T09:00:00+09:00"));
  auto conv = of_type(s, canon::kLeadConverted);
  ASSERT_EQ(conv.size(), 1u);
  EXPECT_EQ(conv[0]->occurred_at_ms, *parse_iso8601_ms("2024-05-10T00:00:00+09:00"));
  ASSERT_EQ(conv[0]->related.size(), 3u);
  EXPECT_EQ(conv[0]->related[0], (SourceRef{"salesforce", EntityKind::kContact, kContact}));
  EXPECT_EQ(conv[0]->related[1], (SourceRef{"salesforce", EntityKind::kAccount, kAccount}));
  EXPECT_EQ(conv[0]->related[2], (SourceRef{"salesforce", EntityKind::kDeal, kOpp}));
  // bad@ is kept and noted; the empty row is dropped for its missing Id.
  bool email_note = false;
  bool dropped = false;
  for (const auto& q : s.quarantine) {
    email_note |= q.row == 2 && q.column == "Email";
    dropped |= q.row == 3 && q.column == "Id" && q.reason == "no Id";
  }
  EXPECT_TRUE(email_note);
  EXPECT_TRUE(dropped);
}

TEST(Salesforce, ContactAccountOpportunityUnifyIds) {
  CollectingSink c = read(fixture("Contact.csv"));
  ASSERT_EQ(c.events.size(), 1u);
  EXPECT_EQ(c.events[0].subject.id, kContact);
  EXPECT_EQ(c.events[0].related[0], (SourceRef{"salesforce", EntityKind::kAccount, kAccount}));
  EXPECT_EQ(prop(c.events[0], canon::kEmail), "hanako@sample.co.jp");
  EXPECT_EQ(prop(c.events[0], canon::kMobile), "+819012345678");
  CollectingSink a = read(fixture("Account.csv"));
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0].subject, (SourceRef{"salesforce", EntityKind::kAccount, kAccount}));
  EXPECT_EQ(prop(a.events[0], canon::kDomain), "sample.co.jp");
  EXPECT_EQ(prop(a.events[0], canon::kPrefecture), "東京都");
  CollectingSink o = read(fixture("Opportunity.csv"));
  ASSERT_EQ(o.events.size(), 1u);
  EXPECT_EQ(o.events[0].subject.id, kOpp);
  EXPECT_EQ(prop(o.events[0], canon::kProbability), "0.900000");
  EXPECT_EQ(prop(o.events[0], canon::kCloseDate), "2024-06-30");
  EXPECT_EQ(prop(o.events[0], canon::kIsClosed), "false");
}

TEST(Salesforce, NumberOfEmployeesReachesEmployeesUnderTheDesignMapping) {
  // The japan-enterprise design maps NumberOfEmployees to account.employees: the column keeps
  // its number parsing and the event carries the canonical `employees` identity stores.
  for (const auto& overrides :
       {std::map<std::string, std::string>{},
        std::map<std::string, std::string>{{"NumberOfEmployees", "account.employees"},
                                           {"Title", "contact.title"}}}) {
    ConnectorOptions opt;
    opt.column_overrides = overrides;
    CollectingSink s;
    ASSERT_TRUE(read_export(fixture("Account.csv"), SourceKind::kSalesforce, opt, s).is_ok());
    ASSERT_EQ(s.events.size(), 1u);
    EXPECT_EQ(prop(s.events[0], canon::kEmployees), "1200");
    EXPECT_EQ(prop(s.events[0], canon::kAnnualRevenue), "500000000");
    EXPECT_EQ(find_property(s.events[0].properties, "account.employees"), nullptr);
  }
}

TEST(Salesforce, CustomColumnsMappedByTheDesignAreCopied) {
  testing::TempDir dir;
  std::string path = dir.file("Account.csv",
                              "Id,Name,Employees_JP__c,LastModifiedDate\n"
                              "0015g00000AcCt1,株式会社サンプル, 850 ,2024-05-10T00:00:00Z\n");
  ConnectorOptions opt;
  opt.column_overrides = {{"Employees_JP__c", "account.employees"}};
  CollectingSink s;
  ASSERT_TRUE(read_export(path, SourceKind::kSalesforce, opt, s).is_ok());
  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_EQ(prop(s.events[0], "account.employees"), "850");
}

TEST(Salesforce, OpportunityHistoryBecomesOrderedStageChanges) {
  CollectingSink s = read(fixture("OpportunityHistory.csv"));
  ASSERT_EQ(s.events.size(), 3u);  // the amount-only change is not a stage change
  EXPECT_EQ(prop(s.events[0], canon::kStage), "Prospecting");
  EXPECT_EQ(prop(s.events[0], canon::kPreviousStage), "<none>");
  EXPECT_EQ(prop(s.events[1], canon::kStage), "Proposal/Price Quote");
  EXPECT_EQ(prop(s.events[1], canon::kPreviousStage), "Prospecting");
  EXPECT_EQ(s.events[1].origin_row, 1);
  EXPECT_EQ(prop(s.events[2], canon::kPreviousStage), "Proposal/Price Quote");
  for (const Event& e : s.events) {
    EXPECT_EQ(e.type, canon::kDealStageChanged);
    EXPECT_EQ(e.subject, (SourceRef{"salesforce", EntityKind::kDeal, kOpp}));
  }
}

TEST(Salesforce, TasksAndEventsAreActivities) {
  CollectingSink t = read(fixture("Task.csv"));
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].type, canon::kTask);
  EXPECT_EQ(t.events[0].subject, (SourceRef{"salesforce", EntityKind::kContact, kContact}));
  EXPECT_EQ(t.events[0].related.size(), 3u);
  EXPECT_EQ(prop(t.events[0], canon::kChannel), "call");
  EXPECT_EQ(t.events[0].occurred_at_ms, *parse_iso8601_ms("2024-05-12T02:00:00Z"));
  CollectingSink e = read(fixture("Event.csv"));
  ASSERT_EQ(e.events.size(), 1u);
  EXPECT_EQ(e.events[0].type, canon::kMeeting);
  EXPECT_EQ(e.events[0].occurred_at_ms, *parse_iso8601_ms("2024-05-20T14:00:00+09:00"));
  EXPECT_EQ(prop(e.events[0], "duration_minutes"), "60");
}

TEST(Salesforce, DataExportZip) {
  testing::TempDir dir;
  std::string path = dir.path("WE_00D000000000001_1.zip");
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  std::vector<std::string> bodies;
  for (const char* name : {"Lead.csv", "Contact.csv", "OpportunityHistory.csv"}) {
    bodies.push_back(testing::slurp(fixture(name)));
  }
  bodies.push_back("Id,Name\n7015g00000CmPn1,Seminar\n");
  const char* names[] = {"Lead.csv", "Contact.csv", "OpportunityHistory.csv", "Campaign.csv"};
  for (size_t i = 0; i < bodies.size(); ++i) {
    zip_source_t* src = zip_source_buffer(z, bodies[i].data(), bodies[i].size(), 0);
    ASSERT_GE(zip_file_add(z, names[i], src, ZIP_FL_OVERWRITE), 0);
  }
  ASSERT_EQ(zip_close(z), 0);
  CollectingSink s;
  Status st = read_export(path, std::nullopt, {}, s);  // detected from the ZIP magic
  ASSERT_TRUE(st.is_ok()) << st.to_string();
  EXPECT_EQ(of_type(s, canon::kRecordUpsert).size(), 3u);
  EXPECT_EQ(of_type(s, canon::kLeadConverted).size(), 1u);
  EXPECT_EQ(of_type(s, canon::kDealStageChanged).size(), 3u);
  EXPECT_EQ(s.events[0].origin_file, path + "!Lead.csv");
}

TEST(Salesforce, ObjectFromHeadersWhenTheNameSaysNothing) {
  testing::TempDir dir;
  std::string p = dir.file("export1.csv", testing::slurp(fixture("Opportunity.csv")));
  CollectingSink s = read(p);
  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_EQ(s.events[0].subject.kind, EntityKind::kDeal);
  std::string q = dir.file("mystery.csv", "Id,OwnerId,Foo\n0015g00000AcCt1,0055g00000UsEr1,x\n");
  CollectingSink sink;
  Status st = read_export(q, SourceKind::kSalesforce, {}, sink);
  EXPECT_EQ(st.code(), ErrorCode::kUnsupported);
  EXPECT_EQ(st.where().file, q);
}

}  // namespace
}  // namespace revarch::connectors
