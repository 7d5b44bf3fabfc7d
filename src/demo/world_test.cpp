#include "demo/world.h"

#include <gtest/gtest.h>

#include <set>

#include "demo/names_data.h"
#include "demo/render.h"
#include "demo/vocab.h"
#include "text/ids.h"

namespace revarch::demo {
namespace {

TEST(NamesData, EmbeddedTablesParse) {
  const NameTables& t = embedded_name_tables();
  EXPECT_GT(t.family.size(), 400u);
  EXPECT_GT(t.male.size(), 1000u);
  EXPECT_GT(t.female.size(), 1000u);
  EXPECT_EQ(t.family.front().kanji, "佐藤");
  EXPECT_EQ(t.family.front().katakana, "サトウ");
}

TEST(NamesData, MalformedYamlIsAParseError) {
  EXPECT_EQ(parse_name_tables("last_name: [[a, b]]\n").status().code(), ErrorCode::kParse);
  EXPECT_EQ(parse_name_tables("first_name: {\n").status().code(), ErrorCode::kParse);
}

TEST(World, SameSeedSameWorld) {
  const World a = build_world(7, WorldSize::kTiny);
  const World b = build_world(7, WorldSize::kTiny);
  ASSERT_EQ(a.people.size(), b.people.size());
  for (size_t i = 0; i < a.people.size(); ++i) {
    EXPECT_EQ(a.people[i].family, b.people[i].family);
    EXPECT_EQ(a.people[i].first_day, b.people[i].first_day);
    EXPECT_EQ(a.people[i].sources, b.people[i].sources);
  }
  ASSERT_EQ(a.sessions.size(), b.sessions.size());
  const World c = build_world(8, WorldSize::kTiny);
  int differ = 0;
  for (size_t i = 0; i < std::min(a.people.size(), c.people.size()); ++i) {
    differ += a.people[i].family != c.people[i].family;
  }
  EXPECT_GT(differ, 0);
}

TEST(World, SizesMatchTheSpec) {
  const World w = build_world(1, WorldSize::kSmall);
  EXPECT_EQ(w.companies.size(), 300u);
  EXPECT_EQ(w.people.size(), 2000u);
  EXPECT_FALSE(w.deals.empty());
}

TEST(World, EveryCorporateNumberIsValidAndUnique) {
  const World w = build_world(3, WorldSize::kSmall);
  std::set<std::string> seen;
  for (const Company& c : w.companies) {
    const std::string n = corporate_number(c);
    EXPECT_TRUE(text::is_valid_corporate_number(n)) << n;
    EXPECT_TRUE(seen.insert(n).second) << n;
  }
}

TEST(World, CompanyNamesAndDomainsAreWellFormed) {
  for (const Word& w : name_prefixes()) EXPECT_FALSE(w.ja.empty() || w.romaji.empty());
  for (const Word& w : name_middles()) EXPECT_FALSE(w.ja.empty() || w.romaji.empty());
  const World w = build_world(3, WorldSize::kSmall);
  std::set<std::string> domains;
  for (const Company& c : w.companies) {
    const std::string d = company_domain(c);
    EXPECT_NE(d.front(), '-') << d;
    EXPECT_EQ(d.find("--"), std::string::npos) << d;
    EXPECT_TRUE(domains.insert(d).second) << d;
    EXPECT_TRUE(company_legal_name(c).find("株式会社") != std::string::npos ||
                company_legal_name(c).find("合同会社") != std::string::npos);
  }
}

TEST(World, EveryPersonIsInASource) {
  const World w = build_world(3, WorldSize::kSmall);
  for (size_t i = 0; i < w.people.size(); ++i) {
    EXPECT_NE(w.people[i].sources & ~kHubSpotDup, 0) << i;
  }
}

TEST(World, CommitteesHaveTwoToEightPeopleWithMixedSeniority) {
  const World w = build_world(3, WorldSize::kSmall);
  int with_deals = 0;
  for (const Company& c : w.companies) {
    if (!c.has_deals) continue;
    ++with_deals;
    EXPECT_GE(c.committee_size, 2);
    EXPECT_LE(c.committee_size, 8);
    EXPECT_TRUE(w.people[c.first_person].committee);
  }
  EXPECT_GT(with_deals, 30);
}

TEST(World, DealPathsMoveForwardAndSomeWaitForApproval) {
  const World w = build_world(5, WorldSize::kSmall);
  int won = 0, lost = 0, open = 0, long_wait = 0;
  for (uint32_t d = 0; d < w.deals.size(); ++d) {
    const auto path = deal_path(w, d);
    ASSERT_FALSE(path.empty());
    EXPECT_EQ(path.front().day, w.deals[d].created_day);
    for (size_t i = 1; i < path.size(); ++i) {
      EXPECT_GE(path[i].day, path[i - 1].day);
      EXPECT_LE(path[i].day, kLastDay);
      if (path[i].day - path[i - 1].day >= 60) ++long_wait;
    }
    won += path.back().stage == "Closed Won";
    lost += path.back().stage == "Closed Lost";
    open += !path.back().stage.starts_with("Closed");
  }
  EXPECT_GT(won, 0);
  EXPECT_GT(lost, 0);
  EXPECT_GT(open, 0);
  EXPECT_GT(long_wait, 0);
}

TEST(Render, DatesAndIds) {
  EXPECT_EQ(format_date(0), "2025-01-01");
  EXPECT_EQ(format_date(kLastDay), "2026-10-31");
  EXPECT_EQ(format_date(59, '/'), "2025/03/01");
  EXPECT_EQ(format_utc_millis(0, 9 * 3600 + 61), "2025-01-01T00:01:01.000Z");
  EXPECT_EQ(format_utc_millis(1, 3600), "2025-01-01T16:00:00.000Z");
  EXPECT_EQ(weekday(0), 3);
  EXPECT_EQ(sf_id15("003", 61), "0035g000000000z");
  EXPECT_EQ(sf_id18("003", 61).substr(0, 15), "0035g000000000z");
  EXPECT_TRUE(text::is_salesforce_id(sf_id18("006", 12345)));
}

}  // namespace
}  // namespace revarch::demo
