#include "expr/analysis.h"

#include <gtest/gtest.h>

#include "expr/expr.h"
#include "expr/test_support.h"

namespace revarch::expr {
namespace {

class AnalysisTest : public ::testing::Test {
 protected:
  const Node& ast(std::string_view text) {
    auto r = compile(text, schema_, CompileOptions{});
    EXPECT_TRUE(r.is_ok()) << text << ": " << r.status().to_string();
    programs_.push_back(std::make_unique<Program>(std::move(r).value()));
    return programs_.back()->ast();
  }
  bool sat(std::string_view t) { return is_satisfiable(ast(t)); }
  bool imp(std::string_view a, std::string_view b) { return implies(ast(a), ast(b)); }
  bool overlap(std::string_view a, std::string_view b) { return may_overlap(ast(a), ast(b)); }

  Schema schema_ = testing::make_test_schema();
  std::vector<std::unique_ptr<Program>> programs_;
};

TEST_F(AnalysisTest, Satisfiability) {
  EXPECT_FALSE(sat("account.employees > 500 && account.employees < 100"));
  EXPECT_TRUE(sat("account.employees > 100 && account.employees < 500"));
  EXPECT_FALSE(sat("account.employees > 5 && account.employees < 6")) << "no int between";
  EXPECT_TRUE(sat("deal.amount > 5 && deal.amount < 6"));
  EXPECT_FALSE(sat("account.employees == 3 && account.employees != 3"));
  EXPECT_FALSE(sat("contact.country == \"JP\" && contact.country == \"US\""));
  EXPECT_FALSE(
      sat("contact.country in [\"JP\", \"KR\"] && !(contact.country in [\"JP\", \"KR\"])"));
  EXPECT_FALSE(sat("contact.opted_in && !contact.opted_in"));
  EXPECT_FALSE(sat("contact.title == null && contact.title == \"部長\""));
  EXPECT_FALSE(sat("x.contains(\"a\") && !x.contains(\"a\")"));
  EXPECT_FALSE(sat("false"));
  EXPECT_FALSE(sat("deal.age > 90d && deal.age < 4w"));
  EXPECT_TRUE(sat("!(contact.country == \"JP\") && contact.country != \"US\""));
  EXPECT_TRUE(sat("(account.employees > 500 || x == \"a\") && account.employees < 100"));
  EXPECT_FALSE(
      sat("(account.employees > 500 || account.employees < 10) && "
          "account.employees >= 10 && account.employees <= 500"));
  EXPECT_TRUE(sat("signals.count(\"direct_inquiry\", 90d) >= 1 && days_in_stage() > 3"));
  EXPECT_FALSE(sat("signals.count(\"a\", 90d) >= 2 && signals.count(\"a\", 90d) < 1"));
}

TEST_F(AnalysisTest, Implication) {
  EXPECT_TRUE(
      imp("contact.country == \"JP\" && account.employees >= 1000", "contact.country == \"JP\""));
  EXPECT_FALSE(
      imp("contact.country == \"JP\"", "contact.country == \"JP\" && account.employees >= 1000"));
  // A later rule is shadowed by an earlier one when it implies it.
  EXPECT_TRUE(
      imp("signal.intent == \"high\" && account.employees > 100", "signal.intent == \"high\""));
  EXPECT_TRUE(imp("account.employees > 1000", "account.employees >= 300"));
  EXPECT_FALSE(imp("account.employees > 100", "account.employees >= 300"));
  EXPECT_TRUE(imp("x == \"a\"", "x in [\"a\", \"b\"]"));
  EXPECT_FALSE(imp("x != \"a\"", "x == \"b\""));
  EXPECT_TRUE(imp("x == \"a\"", "x == \"a\" || account.employees > 3"));
  EXPECT_FALSE(imp("!(x == \"a\")", "x != \"a\"")) << "an absent x satisfies only the first";
  EXPECT_TRUE(imp("x != \"a\"", "!(x == \"a\")"));
  EXPECT_TRUE(imp("x.startsWith(\"部\") && account.employees > 3", "x.startsWith(\"部\")"));
  EXPECT_FALSE(imp("x.startsWith(\"部\")", "x.startsWith(\"部長\")"));
}

TEST_F(AnalysisTest, Overlap) {
  EXPECT_FALSE(overlap("a.x == \"A\"", "a.x == \"B\""));
  EXPECT_FALSE(overlap("x in [\"a\", \"b\"]", "x == \"c\""));
  EXPECT_TRUE(overlap("x in [\"a\", \"b\"]", "x == \"b\""));
  EXPECT_TRUE(overlap("a.x == \"A\"", "account.employees > 3"));
  EXPECT_FALSE(overlap("score.fit >= 80", "score.fit < 80"));
  EXPECT_TRUE(overlap("score.fit >= 80", "score.fit <= 80"));
  EXPECT_TRUE(overlap("x.contains(\"a\")", "x.contains(\"b\")"));
}

TEST_F(AnalysisTest, GivesUpConservatively) {
  // 2^10 disjuncts exceed the bound: the answer must stay "could be satisfiable".
  std::string big;
  for (int i = 0; i < 10; ++i) {
    if (i) big += " && ";
    big += "(account.employees == " + std::to_string(i) + " || score.fit == " + std::to_string(i) +
           ")";
  }
  EXPECT_TRUE(sat("account.employees > 100 && score.fit > 100 && " + big))
      << "unsatisfiable, but too large to prove";
  EXPECT_FALSE(imp(big, "x == \"z\""));
}

}  // namespace
}  // namespace revarch::expr
