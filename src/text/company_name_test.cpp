#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>

#include "text/edinet_test_data.h"
#include "text/japanese.h"

namespace revarch::text {
namespace {

TEST(CompanyName, DataDrivenVariants) {
  const std::string path = std::string(REVARCH_SOURCE_DIR) + "/src/text/testdata/company_names.tsv";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::string line;
  int line_no = 0, cases = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.starts_with("#") || line.empty()) continue;
    const size_t tab1 = line.find('\t');
    ASSERT_NE(tab1, std::string::npos) << path << ":" << line_no;
    const size_t tab2 = line.find('\t', tab1 + 1);
    const std::string input = line.substr(0, tab1);
    const std::string key =
        line.substr(tab1 + 1, tab2 == std::string::npos ? tab2 : tab2 - tab1 - 1);
    EXPECT_EQ(normalize_company_name(input), key) << path << ":" << line_no << ": " << input;
    if (tab2 != std::string::npos) {
      EXPECT_EQ(strip_legal_form(input), line.substr(tab2 + 1))
          << path << ":" << line_no << ": " << input;
    }
    ++cases;
  }
  EXPECT_GT(cases, 50);
}

/// ASCII letters and digits of `s` made full-width (Ａ, １), as in official Japanese registers.
std::string to_fullwidth_ascii(const std::string& s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      const char32_t cp = 0xFF00 + static_cast<char32_t>(c) - 0x20;
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Every EDINET company written with 株式会社 before or after: its key must be the same whichever
// way the form is written (株式会社, (株), （株）, ㈱, ㍿; before or after; with U+3000; full-width
// or half-width Latin), and the registered name must give that key too.
TEST(CompanyName, EdinetKabushikiKaishaVariants) {
  const auto companies = testing::load_edinet();
  if (companies.empty()) GTEST_SKIP() << "no " << testing::edinet_path();
  const std::string kk = "株式会社";
  int checked = 0;
  for (const auto& c : companies) {
    std::string core;
    if (c.name.starts_with(kk)) {
      core = c.name.substr(kk.size());
    } else if (c.name.ends_with(kk)) {
      core = c.name.substr(0, c.name.size() - kk.size());
    } else {
      continue;
    }
    core = normalize_text(core);  // the half-width form of the core
    const std::string key = normalize_company_name(c.name);
    ASSERT_FALSE(key.empty()) << c.name;
    const std::string wide = to_fullwidth_ascii(core);
    for (const std::string& v :
         {kk + core, core + kk, "(株)" + core, core + "(株)", "（株）" + wide, wide + "（株）",
          "㈱" + core, core + "㈱", "㍿" + wide, wide + "㍿", kk + "\u3000" + wide,
          wide + "\u3000" + kk, " " + core + " " + kk + " ", "( 株 )" + core}) {
      EXPECT_EQ(normalize_company_name(v), key) << c.name << " as " << v;
    }
    EXPECT_EQ(strip_legal_form(c.name), strip_legal_form(core)) << c.name;
    ++checked;
  }
  EXPECT_GT(checked, 6000);
}

// The English names: the same company with the form written in each English way.
TEST(CompanyName, EdinetEnglishVariants) {
  const auto companies = testing::load_edinet();
  if (companies.empty()) GTEST_SKIP() << "no " << testing::edinet_path();
  int checked = 0;
  for (const auto& c : companies) {
    if (c.name_en.empty()) continue;
    const std::string core = strip_legal_form(c.name_en);
    if (core.empty()) continue;
    const std::string key = normalize_company_name(c.name_en);
    if (key.empty()) continue;  // a placeholder such as "-"
    for (const std::string& v :
         {core + " Co., Ltd.", core + " CO.,LTD.", core + " Co Ltd", core + " K.K.", core + " KK",
          core + ", Inc.", core + " Corporation", core + " Corp.", "Kabushiki Kaisha " + core,
          to_fullwidth_ascii(core + " Co., Ltd."), core}) {
      EXPECT_EQ(normalize_company_name(v), key) << c.name_en << " as " << v;
    }
    ++checked;
  }
  EXPECT_GT(checked, 3000);
}

// Keys must still tell companies apart: distinct registered names rarely share a key.
TEST(CompanyName, EdinetKeysSeparateCompanies) {
  const auto companies = testing::load_edinet();
  if (companies.empty()) GTEST_SKIP() << "no " << testing::edinet_path();
  std::set<std::string> names;
  std::map<std::string, std::string> keys;
  for (const auto& c : companies) {
    if (!names.insert(c.name).second) continue;
    keys.emplace(normalize_company_name(c.name), c.name);
  }
  // The 14 collisions of the 2024-07-21 list are all the same name with another legal form
  // (株式会社ＴＫＣ / 合同会社ＴＫＣ), a space or a middle dot (株式会社協和 / 株式会社　協和), or
  // ′ vs ’.
  EXPECT_GE(keys.size() * 1000, names.size() * 997) << names.size() - keys.size() << " collide";
}

}  // namespace
}  // namespace revarch::text
