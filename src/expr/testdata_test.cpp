// Data-driven tests: src/expr/testdata/*.test. Each case is a block of lines ended by a blank
// line:
//   expr: <expression>          (further lines indented by 4 spaces continue it)
//   given: <field> = <literal>  (any number; the literal is itself an expression)
//   now: <literal>              (Activation::now)
//   signal: <name> <window> = <count>   (answer of signals.count)
//   expect: <value as Value::to_string renders it>
//   error: <line>:<col>: error: <message> [<code>]   (every diagnostic, one line each)
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "expr/expr.h"
#include "expr/test_support.h"
#include "expr/time_text.h"

namespace revarch::expr {
namespace {

struct Case {
  int line = 0;
  std::string expr;
  std::vector<std::pair<std::string, std::string>> given;
  std::vector<std::string> signals;
  std::string now;
  std::string expect;
  std::vector<std::string> errors;
};

std::string trim(std::string s) {
  size_t b = s.find_first_not_of(' ');
  size_t e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::vector<Case> read_cases(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<Case> out;
  Case cur;
  std::string line;
  int n = 0;
  auto flush = [&] {
    if (!cur.expr.empty()) out.push_back(cur);
    cur = Case{};
  };
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    if (line.rfind("    ", 0) == 0) {
      cur.expr += "\n" + line.substr(4);
      continue;
    }
    size_t colon = line.find(':');
    std::string key = line.substr(0, colon);
    std::string rest = colon == std::string::npos ? "" : trim(line.substr(colon + 1));
    if (key == "expr") {
      cur.line = n;
      cur.expr = rest;
    } else if (key == "given") {
      size_t eq = rest.find('=');
      cur.given.emplace_back(trim(rest.substr(0, eq)), trim(rest.substr(eq + 1)));
    } else if (key == "now") {
      cur.now = rest;
    } else if (key == "signal") {
      cur.signals.push_back(rest);
    } else if (key == "expect") {
      cur.expect = rest;
    } else if (key == "error") {
      cur.errors.push_back(rest);
    } else {
      ADD_FAILURE() << file << ":" << n << ": unknown key '" << key << "'";
    }
  }
  flush();
  return out;
}

// Evaluates a literal expression (no fields) such as `date("2026-04-01")` or `["a", "b"]`.
Value literal(const std::string& text, std::vector<Program>& keep) {
  Schema none;
  CompileOptions o;
  o.expected = Type::of(TypeKind::kDyn);
  auto r = compile(text, none, o);
  EXPECT_TRUE(r.is_ok()) << text << ": " << r.status().to_string();
  if (!r.is_ok()) return {};
  keep.push_back(std::move(r).value());
  testing::MapActivation act(none);
  return keep.back().eval(act);
}

void run_case(const Schema& schema, const Case& c) {
  std::vector<Program> keep;
  testing::MapActivation act(schema);
  for (const auto& [path, text] : c.given) {
    ASSERT_NE(schema.find_field(path), nullptr) << "given: unknown field " << path;
    act.set(path, literal(text, keep));
  }
  if (!c.now.empty()) act.now_ts = literal(c.now, keep).as_timestamp();
  for (const auto& s : c.signals) {
    std::istringstream in(s);
    std::string name, window, eq;
    int64_t count = 0;
    in >> name >> window >> eq >> count;
    act.signal_counts[name + "/" + std::to_string(parse_duration(window)->ms)] = count;
  }
  CompileOptions o;
  o.expected = Type::of(TypeKind::kDyn);
  Diagnostics diags;
  auto r = compile(c.expr, schema, o, &diags);
  std::vector<std::string> got;
  for (const auto& d : diags.items()) got.push_back(d.to_string());
  EXPECT_EQ(got, c.errors);
  if (r.is_ok()) {
    EXPECT_EQ(r->eval(act).to_string(), c.expect);
  }
}

TEST(ExprTestData, AllFiles) {
  Schema schema = testing::make_test_schema();
  std::filesystem::path dir = std::filesystem::path(REVARCH_SOURCE_DIR) / "src/expr/testdata";
  int files = 0, cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".test") continue;
    ++files;
    for (const Case& c : read_cases(entry.path())) {
      ++cases;
      SCOPED_TRACE(entry.path().filename().string() + ":" + std::to_string(c.line));
      EXPECT_TRUE(c.errors.empty() != c.expect.empty()) << "a case needs expect: or error:";
      run_case(schema, c);
    }
  }
  EXPECT_GE(files, 3);
  EXPECT_GE(cases, 30);
}

}  // namespace
}  // namespace revarch::expr
