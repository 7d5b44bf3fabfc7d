#include "ingest/ingest.h"

#include <gtest/gtest.h>

#include "connectors/test_util.h"
#include "design/loader.h"
#include "ingest/design_options.h"
#include "store/canonical.h"

namespace revarch::ingest {
namespace {

using connectors::testing::fixture;
using connectors::testing::TempDir;

// The options `revarch ingest` takes from the japan-enterprise design (its field mappings map
// NumberOfEmployees to account.employees and the Sansan columns to account.* / contact.*).
IngestOptions japan_enterprise_options() {
  Diagnostics diags;
  auto design = design::load_design(
      std::string(REVARCH_SOURCE_DIR) + "/examples/japan-enterprise/architecture.yaml", &diags);
  EXPECT_TRUE(design.is_ok());
  EXPECT_FALSE(diags.has_errors());
  return design.is_ok() ? options_from_design(*design) : IngestOptions{};
}

std::string field(const Entity& e, std::string_view key) {
  const std::string* v = find_property(e.primary_fields, key);
  return v ? *v : "";
}

TEST(Ingest, EmployeesReachTheAccountEntityUnderTheDesignMappings) {
  TempDir dir;
  auto store = open_store(dir.path("revarch.db"));
  ASSERT_TRUE(store.is_ok());
  std::vector<std::string> files = {fixture("Account.csv"),
                                    fixture("hubspot-crm-exports-all-companies-2024-05-08.csv")};
  auto summary = ingest_files(**store, files, japan_enterprise_options());
  ASSERT_TRUE(summary.is_ok()) << summary.status().to_string();
  EXPECT_FALSE(summary->any_file_failed());

  auto sf = (*store)->find_entity_by_ref(
      SourceRef{"salesforce", EntityKind::kAccount, "0015g00000AcCt1AAF"});
  ASSERT_TRUE(sf.is_ok());
  ASSERT_TRUE(sf->has_value());
  EXPECT_EQ((*sf)->kind, EntityKind::kAccount);
  EXPECT_EQ(field(**sf, canon::kEmployees), "1200");
  auto hs = (*store)->find_entity_by_ref(SourceRef{"hubspot", EntityKind::kAccount, "9001"});
  ASSERT_TRUE(hs.is_ok());
  ASSERT_TRUE(hs->has_value());
  EXPECT_EQ(field(**hs, canon::kEmployees), "1200");
}

TEST(Ingest, CardsImplyTheirCompanyUnderTheDesignMappings) {
  TempDir dir;
  auto store = open_store(dir.path("revarch.db"));
  ASSERT_TRUE(store.is_ok());
  auto summary =
      ingest_files(**store, {fixture("sansan-cards-tags.utf8.csv")}, japan_enterprise_options());
  ASSERT_TRUE(summary.is_ok()) << summary.status().to_string();
  ASSERT_EQ(summary->sources.size(), 1u);
  EXPECT_EQ(summary->sources[0].source, "sansan");
  EXPECT_EQ(summary->sources[0].counts.accepted, 4);
  // The card's company, from 会社名, 法人番号 and the e-mail's domain.
  auto by_number = (*store)->find_entities_by_property(
      EntityKind::kAccount, std::string(canon::kCorporateNumber), "7000012050002");
  ASSERT_TRUE(by_number.is_ok());
  ASSERT_EQ(by_number->size(), 1u);
  EXPECT_EQ(field((*by_number)[0], canon::kCompanyName), "株式会社サンプル");
  EXPECT_EQ(field((*by_number)[0], canon::kDomain), "sample.co.jp");
  auto card = (*store)->find_entity_by_ref(SourceRef{"sansan", EntityKind::kContact, "S-1"});
  ASSERT_TRUE(card.is_ok());
  ASSERT_TRUE(card->has_value());
  EXPECT_EQ(field(**card, canon::kTitle), "部長");
  EXPECT_EQ(field(**card, canon::kTags), "Japan IT Week 春; 紹介");
}

}  // namespace
}  // namespace revarch::ingest
