#include <gtest/gtest.h>
#include <zlib.h>

#include "connectors/test_util.h"
#include "store/canonical.h"

namespace revarch::connectors {
namespace {

using testing::of_type;
using testing::prop;

std::string velir_rows() {
  return testing::slurp(std::string(REVARCH_SHARED_DIR) +
                        "/data/ga4/velir-dbt-ga4.events_row.ndjson");
}

void check_velir(const CollectingSink& s) {
  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_TRUE(s.quarantine.empty());
  const Event& e = s.events[0];
  EXPECT_EQ(e.type, canon::kWebEvent);  // first_visit
  EXPECT_EQ(prop(e, canon::kEventName), "first_visit");
  EXPECT_EQ(e.occurred_at_ms, 1617691790431);  // event_timestamp is microseconds
  EXPECT_EQ(e.subject.kind, EntityKind::kVisitor);
  EXPECT_EQ(prop(e, canon::kSessionId), "1617691775");
  EXPECT_EQ(prop(e, canon::kPageLocation),
            "https://www.velir.com/blog/2016/08/25/behavior-driven-testing-drupal-8");
  EXPECT_EQ(prop(e, "page_title"), "Velir | Behavior-Driven Testing in Drupal 8");
  EXPECT_EQ(prop(e, canon::kCountry), "Vietnam");
  EXPECT_EQ(prop(e, "device_category"), "desktop");
  EXPECT_EQ(prop(e, "first_traffic_source"), "(direct)");
  EXPECT_EQ(e.origin_row, 1);
}

TEST(Ga4, RealExportRow) {
  CollectingSink s;
  std::string path = std::string(REVARCH_SHARED_DIR) + "/data/ga4/velir-dbt-ga4.events_row.ndjson";
  Status st = read_export(path, std::nullopt, {}, s);
  ASSERT_TRUE(st.is_ok()) << st.to_string();
  check_velir(s);
  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_EQ(s.events[0].source, "ga4");
  EXPECT_EQ(s.events[0].subject.id, "1166526666.1617691776");  // client_id of the dbt row
}

TEST(Ga4, GzipOfTheRealRow) {
  testing::TempDir dir;
  std::string path = dir.path("events_20210406.ndjson.gz");
  gzFile gz = gzopen(path.c_str(), "wb");
  std::string rows = velir_rows();
  gzwrite(gz, rows.data(), static_cast<unsigned>(rows.size()));
  gzclose(gz);
  CollectingSink s;
  ASSERT_TRUE(read_export(path, std::nullopt, {}, s).is_ok());
  check_velir(s);
}

TEST(Ga4, TypesReexportsAndBadRows) {
  std::string lines =
      R"({"event_timestamp":"1702643009060308","event_name":"page_view","user_pseudo_id":"1026454.4271112504","event_params":[{"key":"ga_session_id","value":{"int_value":"1702642286"}},{"key":"page_location","value":{"string_value":"https://example.jp/contact"}}]})"
      "\n"
      R"({"event_timestamp":1702643009060999,"event_name":"generate_lead","user_pseudo_id":"1026454.4271112504","user_id":"Taro@Example.jp","event_params":[{"key":"ga_session_id","value":{"int_value":"1702642286"}}],"collected_traffic_source":{"manual_source":"google","manual_medium":"cpc","manual_campaign_name":"seminar"}})"
      "\n"
      R"({"event_timestamp":"1702643009060308","event_name":"page_view","user_pseudo_id":"1026454.4271112504","event_params":[{"key":"ga_session_id","value":{"int_value":"1702642286"}},{"key":"page_location","value":{"string_value":"https://example.jp/contact"}}]})"
      "\n"
      R"({"event_timestamp":"soon","event_name":"x","user_pseudo_id":"1"})"
      "\n{broken\n"
      R"({"event_timestamp":"1702643009060308","event_name":"session_start","user_id":"0035g00000CoNt1"})"
      "\n";
  CollectingSink s;
  ASSERT_TRUE(read_stream(SourceKind::kGa4, memory_source(lines), "events.ndjson", {}, s).is_ok());
  ASSERT_EQ(s.events.size(), 4u);
  EXPECT_EQ(s.events[0].type, canon::kPageView);
  EXPECT_EQ(s.events[1].type, canon::kFormSubmitted);
  EXPECT_EQ(prop(s.events[1], canon::kEmail), "taro@example.jp");
  EXPECT_EQ(prop(s.events[1], canon::kCampaign), "seminar");
  EXPECT_EQ(prop(s.events[1], "traffic_medium"), "cpc");
  // The re-exported row is the same fact.
  EXPECT_EQ(s.events[0].idempotency_key, s.events[2].idempotency_key);
  EXPECT_NE(s.events[0].idempotency_key, s.events[1].idempotency_key);
  EXPECT_EQ(s.events[3].type, canon::kSessionStarted);
  ASSERT_EQ(s.events[3].related.size(), 1u);
  EXPECT_EQ(s.events[3].related[0].id, "0035g00000CoNt1AAF");
  ASSERT_EQ(s.quarantine.size(), 2u);
  EXPECT_EQ(s.quarantine[0].line, 4);
  EXPECT_EQ(s.quarantine[0].column, "event_timestamp");
  EXPECT_EQ(s.quarantine[1].line, 5);
  EXPECT_EQ(s.quarantine[1].reason, "not valid JSON");
}

TEST(Detect, SourcesFromNamesAndHeads) {
  EXPECT_EQ(detect_source("x.zip", std::string("PK\3\4rest", 8)), SourceKind::kSalesforce);
  EXPECT_EQ(detect_source("a.ndjson", R"({"event_timestamp":"1","user_pseudo_id":"2"})"),
            SourceKind::kGa4);
  EXPECT_EQ(detect_source("hook.json", R"([{"eventId":1,"subscriptionType":"contact.creation"}])"),
            SourceKind::kHubspot);
  EXPECT_EQ(detect_source("a.csv", "\xEF\xBB\xBF\"Record ID\",\"Email\"\n"), SourceKind::kHubspot);
  EXPECT_EQ(detect_source("a.csv", "Id,Name,OwnerId,CreatedDate\n"), SourceKind::kSalesforce);
  EXPECT_EQ(detect_source("a.csv", "会社名,部署名,役職,姓,名,e-mail,TEL会社\n"),
            SourceKind::kEight);
  EXPECT_EQ(detect_source("a.csv", "名刺ID,会社名,氏名\n"), SourceKind::kSansan);
  EXPECT_EQ(detect_source("a.csv", "foo,bar\n"), std::nullopt);
  CollectingSink sink;
  Status st = read_export("/nonexistent/file.csv", std::nullopt, {}, sink);
  EXPECT_EQ(st.code(), ErrorCode::kNotFound);
  EXPECT_EQ(st.where().file, "/nonexistent/file.csv");
}

}  // namespace
}  // namespace revarch::connectors
