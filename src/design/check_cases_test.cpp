// Data-driven checker tests: every folder tests/check/<case>/ holds a design
// (architecture.yaml, possibly with included files) and expected.txt, the exact diagnostics
// `revarch check` prints for it (paths relative to the case folder), one per line. An optional
// file `today` holds the date review deadlines are checked against (default 2026-11-23).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "design/checker.h"
#include "design/loader.h"
#include "design/templates.h"
#include "expr/time_text.h"

namespace revarch::design {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string run_case(const fs::path& dir) {
  LoadOptions options;
  options.read_file = [dir](const std::string& path) { return slurp(dir / path); };
  Diagnostics diags;
  auto design = load_design("architecture.yaml", &diags, options);
  if (!design) return "load failed: " + design.status().to_string();
  CheckOptions check;
  std::string today = "2026-11-23";
  if (auto t = slurp(dir / "today")) today = trim(*t);
  check.today = *expr::parse_date(today);
  check_design(*design, check, &diags);
  diags.sort();
  std::string out;
  for (const auto& d : diags.items()) out += d.to_string() + "\n";
  return out;
}

std::vector<std::string> case_names() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(REVARCH_SOURCE_DIR) / "tests/check"))
    if (e.is_directory()) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

class CheckCase : public ::testing::TestWithParam<std::string> {};

TEST_P(CheckCase, PrintsExpectedDiagnostics) {
  fs::path dir = fs::path(REVARCH_SOURCE_DIR) / "tests/check" / GetParam();
  auto expected = slurp(dir / "expected.txt");
  ASSERT_TRUE(expected) << "missing " << (dir / "expected.txt");
  EXPECT_EQ(trim(run_case(dir)), trim(*expected)) << "case " << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Cases, CheckCase, ::testing::ValuesIn(case_names()),
                         [](const auto& param_info) {
                           std::string n = param_info.param;
                           for (auto& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(Templates, EveryTemplateChecksClean) {
  ASSERT_EQ(template_names(), (std::vector<std::string>{"global-saas", "japan-enterprise"}));
  for (const auto& name : template_names()) {
    auto files = template_files(name);
    ASSERT_FALSE(files.empty());
    EXPECT_EQ(files.front().name, "architecture.yaml");
    LoadOptions options;
    options.read_file = [&files](const std::string& path) -> std::optional<std::string> {
      for (const auto& f : files)
        if (f.name == path) return f.text;
      return std::nullopt;
    };
    Diagnostics diags;
    auto design = load_design("architecture.yaml", &diags, options);
    ASSERT_TRUE(design) << name;
    check_design(*design, CheckOptions{*expr::parse_date("2026-11-23")}, &diags);
    std::string all;
    for (const auto& d : diags.items()) all += d.to_string() + "\n";
    EXPECT_TRUE(diags.empty()) << name << ":\n" << all;
  }
}

TEST(Templates, EmbeddedCopyIsTheExampleFile) {
  for (const auto& name : template_names()) {
    auto on_disk = slurp(fs::path(REVARCH_SOURCE_DIR) / "examples" / name / "architecture.yaml");
    ASSERT_TRUE(on_disk);
    EXPECT_EQ(template_files(name).front().text, *on_disk) << name;
  }
  EXPECT_TRUE(template_files("no-such-template").empty());
}

}  // namespace
}  // namespace revarch::design
