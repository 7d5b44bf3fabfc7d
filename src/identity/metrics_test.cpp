#include "identity/metrics.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "identity/resolver.h"
#include "identity/test_events.h"

namespace revarch::identity {
namespace {

using namespace testing;  // NOLINT

std::string write_file(const std::string& name, const std::string& text) {
  auto dir = std::filesystem::temp_directory_path() / "identity_metrics_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << text;
  return dir.string();
}

TEST(IdentityMetrics, PairwisePrecisionAndRecall) {
  IdentityResolver r;
  // Predicted: {1,2,3} together (3 pairs), {4} alone. Truth: {1,2} {3,4}: one correct pair.
  r.add(upsert(contact("hubspot", "1"), {{"email", "a@x.co.jp"}}));
  r.add(upsert(contact("hubspot", "2"), {{"email", "a@x.co.jp"}}));
  r.add(upsert(contact("hubspot", "3"), {{"email", "a@x.co.jp"}}));
  r.add(upsert(contact("hubspot", "4"), {{"email", "b@x.co.jp"}}));
  GroundTruth truth;
  truth.people[truth_key(contact("hubspot", "1"))] = "T1";
  truth.people[truth_key(contact("hubspot", "2"))] = "T1";
  truth.people[truth_key(contact("hubspot", "3"))] = "T2";
  truth.people[truth_key(contact("hubspot", "4"))] = "T2";
  truth.people[truth_key(contact("sansan", "unknown"))] = "T3";
  IdentityMetrics m = evaluate(r.resolve(), truth);
  EXPECT_EQ(m.people.records, 5u);
  EXPECT_EQ(m.people.unresolved, 1u);
  EXPECT_EQ(m.people.predicted_pairs, 3u);
  EXPECT_EQ(m.people.true_pairs, 2u);
  EXPECT_EQ(m.people.correct_pairs, 1u);
  EXPECT_DOUBLE_EQ(m.people.precision, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.people.recall, 0.5);
  EXPECT_EQ(m.companies.records, 0u);
  EXPECT_DOUBLE_EQ(m.companies.precision, 1.0);
}

TEST(IdentityMetrics, LoaderFindsColumnsByHeaderName) {
  std::string dir = write_file("people.csv",
                               "\xEF\xBB\xBFtrue_id,source_record_id,kind,source\r\n"
                               "P1,003q000000Hddoh,lead,salesforce\r\n"
                               "P1,\"101\",contact,hubspot\r\n"
                               "P2,1026454.42,visitor,ga4\r\n");
  write_file("companies.csv", "source,source_record_id,true_id\nhubspot,900,C1\n");
  auto truth = load_ground_truth(dir);
  ASSERT_TRUE(truth.is_ok()) << truth.status().to_string();
  EXPECT_EQ(truth->people.size(), 3u);
  EXPECT_EQ(truth->people.at(truth_key(contact("salesforce", "003q000000HddohAAB"))), "P1");
  EXPECT_EQ(truth->people.at("ga4|visitor|1026454.42"), "P2");
  EXPECT_EQ(truth->companies.at("hubspot|account|900"), "C1");
}

TEST(IdentityMetrics, LoaderReportsMissingColumnsWithTheLine) {
  std::string dir = write_file("bad.csv", "source,id\nhubspot,1\n");
  GroundTruth::Map map;
  Status st = load_truth_csv(dir + "/bad.csv", EntityKind::kContact, map);
  EXPECT_EQ(st.code(), ErrorCode::kParse);
  EXPECT_EQ(st.where().line, 1);
  EXPECT_EQ(load_ground_truth(dir + "/nowhere").status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace revarch::identity
