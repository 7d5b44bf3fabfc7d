#include "demo/demo.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "demo/cp932.h"
#include "text/ids.h"

namespace revarch::demo {
namespace {

namespace fs = std::filesystem;
using Rows = std::vector<std::vector<std::string>>;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string gunzip(const fs::path& p) {
  gzFile f = gzopen(p.c_str(), "rb");
  std::string out;
  char buf[65536];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

// RFC 4180 reader for the tests; an unterminated quote ends the last field at end of input.
Rows parse_csv(std::string_view text, size_t skip_lines = 0) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  for (size_t i = 0; i < skip_lines; ++i) text.remove_prefix(text.find('\n') + 1);
  Rows rows(1);
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

std::map<std::string, std::string> all_files(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) out[fs::relative(e.path(), root).string()] = slurp(e.path());
  }
  return out;
}

class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new fs::path(fs::temp_directory_path() / fmt_dir("revarch-demo-test"));
    fs::remove_all(*root_);
    DemoOptions o{*root_ / "a", WorldSize::kTiny, 42, false};
    auto r = generate_demo(o);
    ASSERT_TRUE(r.is_ok()) << r.status().to_string();
    summary_ = new DemoSummary(std::move(r).value());
  }
  static void TearDownTestSuite() {
    fs::remove_all(*root_);
    delete root_;
    delete summary_;
  }
  static std::string fmt_dir(const char* base) {
    return std::string(base) + "-" +
           std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
           std::to_string(reinterpret_cast<uintptr_t>(&root_) % 100000);
  }
  static fs::path dir() { return *root_ / "a"; }
  static Rows read(const std::string& rel, size_t skip = 0) {
    return parse_csv(slurp(dir() / rel), skip);
  }

  static fs::path* root_;
  static DemoSummary* summary_;
};
fs::path* DemoTest::root_ = nullptr;
DemoSummary* DemoTest::summary_ = nullptr;

TEST_F(DemoTest, SameSeedSameBytesOtherSeedOtherBytes) {
  auto again = generate_demo({*root_ / "b", WorldSize::kTiny, 42, false});
  ASSERT_TRUE(again.is_ok());
  const auto a = all_files(dir());
  const auto b = all_files(*root_ / "b");
  EXPECT_EQ(a.size(), b.size());
  EXPECT_TRUE(a == b);
  auto other = generate_demo({*root_ / "c", WorldSize::kTiny, 43, false});
  ASSERT_TRUE(other.is_ok());
  const auto c = all_files(*root_ / "c");
  EXPECT_NE(a.at("hubspot/hubspot-crm-exports-all-contacts-2026-11-01.csv"),
            c.at("hubspot/hubspot-crm-exports-all-contacts-2026-11-01.csv"));
  EXPECT_NE(a.at("sansan/sansan-cards.csv"), c.at("sansan/sansan-cards.csv"));
}

TEST_F(DemoTest, RefusesANonEmptyFolderWithoutForce) {
  auto r = generate_demo({dir(), WorldSize::kTiny, 42, false});
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
}

TEST_F(DemoTest, HeadersFollowTheFormats) {
  const std::string contacts =
      slurp(dir() / "hubspot/hubspot-crm-exports-all-contacts-2026-11-01.csv");
  EXPECT_TRUE(contacts.starts_with("\xEF\xBB\xBF\"Record ID\",\"First Name\",\"Last Name\""));
  const auto hs = read("hubspot/hubspot-crm-exports-all-contacts-2026-11-01.csv")[0];
  for (const char* label :
       {"Contact owner", "Create Date", "Lifecycle Stage", "Lead Status", "Last Modified Date",
        "Became a Lead Date", "Original Source", "Associated Company IDs"}) {
    EXPECT_NE(std::find(hs.begin(), hs.end(), label), hs.end()) << label;
  }
  const auto opp = read("salesforce-loose/Opportunity.csv")[0];
  for (const char* f : {"Id", "AccountId", "Amount", "CloseDate", "CreatedDate", "ForecastCategory",
                        "IsClosed", "IsWon", "Probability", "StageName", "Type"}) {
    EXPECT_NE(std::find(opp.begin(), opp.end(), f), opp.end()) << f;
  }
  const auto lead = read("salesforce-loose/Lead.csv")[0];
  for (const char* f : {"Status", "LeadSource", "IsConverted", "ConvertedDate",
                        "ConvertedAccountId", "ConvertedContactId", "ConvertedOpportunityId"}) {
    EXPECT_NE(std::find(lead.begin(), lead.end(), f), lead.end()) << f;
  }
  const std::string eight = slurp(dir() / "eight/eight-cards.csv");
  EXPECT_TRUE(
      eight.starts_with("会社名,部署名,役職,姓,名,e-mail,郵便番号,住所,TEL会社,TEL部門,TEL直通,Fax,"
                        "携帯電話,URL,名刺交換日,Eightでつながっている人\r\n"));
  Cp932Codec codec;
  auto old = codec.decode(slurp(dir() / "eight/eight-cards-old.csv"));
  ASSERT_TRUE(old.is_ok());
  const auto old_rows = parse_csv(*old, 7);
  EXPECT_EQ(old_rows[0][3], "氏名");
}

TEST_F(DemoTest, SansanIsCp932) {
  const std::string bytes = slurp(dir() / "sansan/sansan-cards.csv");
  Cp932Codec codec;
  auto utf8 = codec.decode(bytes);
  ASSERT_TRUE(utf8.is_ok());
  EXPECT_TRUE(utf8->starts_with("\"名刺ID\",\"名刺交換日\""));
  std::string back;
  ASSERT_TRUE(codec.encode(*utf8, &back).is_ok());
  EXPECT_EQ(back, bytes);
  // Shift_JIS lead bytes such as 0x96 0xBC (名) are not valid UTF-8.
  size_t i = 0;
  bool invalid_utf8 = false;
  while (i < bytes.size() && !invalid_utf8) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    const int len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > bytes.size()) {
      invalid_utf8 = true;
      break;
    }
    for (int k = 1; k < len; ++k)
      invalid_utf8 |= (static_cast<unsigned char>(bytes[i + k]) & 0xC0) != 0x80;
    i += static_cast<size_t>(len);
  }
  EXPECT_TRUE(invalid_utf8);
}

// Every id of a column of a CSV, for the truth check.
std::set<std::string> ids(const Rows& rows, size_t column) {
  std::set<std::string> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (column < rows[r].size()) out.insert(rows[r][column]);
  }
  return out;
}

TEST_F(DemoTest, GroundTruthMatchesTheExports) {
  Cp932Codec codec;
  std::map<std::string, std::set<std::string>> present;
  present["hubspot/contact"] =
      ids(read("hubspot/hubspot-crm-exports-all-contacts-2026-11-01.csv"), 0);
  present["hubspot/company"] =
      ids(read("hubspot/hubspot-crm-exports-all-companies-2026-11-01.csv"), 0);
  present["hubspot/deal"] = ids(read("hubspot/hubspot-crm-exports-all-deals-2026-11-01.csv"), 0);
  for (const char* o : {"Lead", "Contact", "Account", "Opportunity"}) {
    present[std::string("salesforce/") + o] =
        ids(read(std::string("salesforce-loose/") + o + ".csv"), 0);
  }
  present["sansan/card"] =
      ids(parse_csv(*codec.decode(slurp(dir() / "sansan/sansan-cards.csv"))), 0);
  const size_t eight_rows = read("eight/eight-cards.csv").size() - 2;  // header, cut-off row
  for (size_t r = 1; r <= eight_rows; ++r)
    present["eight/card"].insert("eight-cards.csv#" + std::to_string(r));
  const size_t old_rows =
      parse_csv(*codec.decode(slurp(dir() / "eight/eight-cards-old.csv")), 7).size() - 1;
  for (size_t r = 1; r <= old_rows; ++r)
    present["eight/card"].insert("eight-cards-old.csv#" + std::to_string(r));
  for (const auto& e : fs::directory_iterator(dir() / "ga4")) {
    std::istringstream lines(gunzip(e.path()));
    std::string line;
    while (std::getline(lines, line)) {
      const size_t at = line.find("\"user_pseudo_id\":\"");
      ASSERT_NE(at, std::string::npos);
      const size_t from = at + 18;
      const std::string pseudo = line.substr(from, line.find('"', from) - from);
      present["ga4/user_pseudo_id"].insert(pseudo);
      present["ga4/anonymous_user_pseudo_id"].insert(pseudo);
    }
  }
  std::set<std::string> people;
  const Rows truth = read("truth/people.csv");
  EXPECT_EQ(truth[0],
            (std::vector<std::string>{"source", "record_type", "source_record_id", "person_id"}));
  for (size_t r = 1; r < truth.size(); ++r) {
    const std::string key = truth[r][0] + "/" + truth[r][1];
    ASSERT_TRUE(present.count(key)) << key;
    EXPECT_TRUE(present[key].count(truth[r][2])) << key << " " << truth[r][2];
    if (truth[r][0] == "salesforce") {
      EXPECT_EQ(truth[r][2].size(), 18u);
    }
    people.insert(truth[r][3]);
  }
  EXPECT_EQ(people.size(), summary_->people);  // every person is in at least one source
  const Rows companies = read("truth/companies.csv");
  for (size_t r = 1; r < companies.size(); ++r) {
    const std::string key = companies[r][0] + "/" + companies[r][1];
    ASSERT_TRUE(present.count(key)) << key;
    EXPECT_TRUE(present[key].count(companies[r][2])) << key << " " << companies[r][2];
  }
  const Rows deals = read("truth/deals.csv");
  EXPECT_GT(deals.size(), 1u);
  for (size_t r = 1; r < deals.size(); ++r) {
    EXPECT_TRUE(present[deals[r][0] + "/" + deals[r][1]].count(deals[r][2])) << deals[r][2];
  }
}

TEST_F(DemoTest, MalformedRowsAreThereAndCounted) {
  const std::string summary = slurp(dir() / "truth/summary.json");
  EXPECT_NE(summary.find("\"malformed_rows\": 4"), std::string::npos) << summary;
  ASSERT_EQ(summary_->malformed.size(), 4u);
  const Rows tasks = read("salesforce-loose/Task.csv");
  size_t too_wide = 0;
  for (const auto& row : tasks) too_wide += row.size() > tasks[0].size();
  EXPECT_EQ(too_wide, 1u);
  const std::string eight = slurp(dir() / "eight/eight-cards.csv");
  EXPECT_EQ(std::count(eight.begin(), eight.end(), '"') % 2, 1);  // a quote never closed
  const auto contacts = read("hubspot/hubspot-crm-exports-all-contacts-2026-11-01.csv");
  size_t bad_dates = 0;
  for (const auto& row : contacts) bad_dates += row.size() > 8 && row[8] == "2025-02-30 25:61";
  EXPECT_EQ(bad_dates, 1u);
  for (const auto& m : summary_->malformed) EXPECT_TRUE(fs::exists(dir() / m.path)) << m.path;
}

TEST_F(DemoTest, SalesforceZipHoldsTheObjects) {
  bool found = false;
  for (const auto& e : fs::directory_iterator(dir() / "salesforce")) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with("WE_00D") || !name.ends_with("_1.zip")) continue;
    found = true;
    const std::string zip = slurp(e.path());
    for (const char* o : {"Account.csv", "Contact.csv", "Lead.csv", "Opportunity.csv",
                          "OpportunityHistory.csv", "Task.csv", "Event.csv"}) {
      EXPECT_NE(zip.find(o), std::string::npos) << o;
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(DemoTest, MessIsInjected) {
  const std::string hs = slurp(dir() / "hubspot/hubspot-crm-exports-all-companies-2026-11-01.csv");
  const std::string accounts = slurp(dir() / "salesforce-loose/Account.csv");
  const std::string tasks = slurp(dir() / "salesforce-loose/Task.csv");
  // Ids in 15-character form in Task.csv next to 18-character AccountIds.
  const Rows t = parse_csv(tasks);
  bool has15 = false, has18 = false;
  for (size_t r = 1; r < t.size(); ++r) {
    has15 |= t[r][1].size() == 15;
    has18 |= t[r][3].size() == 18;
  }
  EXPECT_TRUE(has15);
  EXPECT_TRUE(has18);
  const std::string all =
      hs + accounts + slurp(dir() / "hubspot/hubspot-crm-exports-all-contacts-2026-11-01.csv");
  EXPECT_NE(all.find("株式会社"), std::string::npos);
  EXPECT_NE(all.find("\u3000"), std::string::npos);
}

TEST(DemoSmall, SameSeedSameBytes) {
  const fs::path root = fs::temp_directory_path() / "revarch-demo-small-test";
  fs::remove_all(root);
  auto a = generate_demo({root / "a", WorldSize::kSmall, 9, false});
  auto b = generate_demo({root / "b", WorldSize::kSmall, 9, false});
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  EXPECT_EQ(a->people, 2000u);
  EXPECT_EQ(a->companies, 300u);
  EXPECT_GT(a->source_rows, 40000u);
  const auto fa = all_files(root / "a");
  EXPECT_TRUE(fa == all_files(root / "b"));
  EXPECT_GT(fa.size(), 600u);  // one GA4 file per day
  fs::remove_all(root);
}

}  // namespace
}  // namespace revarch::demo
