#include <gtest/gtest.h>

#include "expr/expr.h"
#include "expr/test_support.h"

namespace revarch::expr {
namespace {

using Seen = std::vector<std::pair<std::string, std::string>>;

TEST(Trace, ClausesWithWhatTheyRead) {
  Schema schema = testing::make_test_schema();
  testing::MapActivation act(schema);
  act.set("contact.title", "部長").set("account.employees", 120);
  act.signal_counts["direct_inquiry/" + std::to_string(90LL * 86'400'000)] = 2;
  auto p = compile(
      "account.employees >= 300 && contact.title in [\"部長\", \"本部長\"] &&\n"
      "  signals.count(\"direct_inquiry\", 90d) >= 1",
      schema, CompileOptions{});
  ASSERT_TRUE(p.is_ok()) << p.status().to_string();
  std::vector<ClauseTrace> t = p->trace(act);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].text, "account.employees >= 300");
  EXPECT_FALSE(t[0].held);
  EXPECT_EQ(t[0].seen, (Seen{{"account.employees", "120"}}));
  EXPECT_EQ(t[1].text, "contact.title in [\"部長\", \"本部長\"]");
  EXPECT_TRUE(t[1].held);
  EXPECT_EQ(t[1].seen, (Seen{{"contact.title", "\"部長\""}}));
  EXPECT_EQ(t[2].text, "signals.count(\"direct_inquiry\", 90d) >= 1");
  EXPECT_TRUE(t[2].held);
  EXPECT_EQ(t[2].seen, (Seen{{"signals.count(\"direct_inquiry\", 90d)", "2"}}));
  EXPECT_FALSE(p->eval_bool(act));
}

TEST(Trace, SingleClauseAndOrChains) {
  Schema schema = testing::make_test_schema();
  testing::MapActivation act(schema);
  act.set("x", "a");
  auto single = compile("x.startsWith(\"a\") && x == x", schema, CompileOptions{});
  ASSERT_TRUE(single.is_ok());
  auto t = single->trace(act);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].seen, (Seen{{"x", "\"a\""}})) << "a field read twice is recorded once";
  auto ors = compile("x == \"b\" || (x == \"a\" && a.x == null)", schema, CompileOptions{});
  ASSERT_TRUE(ors.is_ok());
  t = ors->trace(act);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_FALSE(t[0].held);
  EXPECT_EQ(t[1].text, "x == \"a\" && a.x == null");
  EXPECT_TRUE(t[1].held);
  EXPECT_EQ(t[1].seen, (Seen{{"x", "\"a\""}, {"a.x", "null"}}));
  auto one = compile("!(x == \"a\")", schema, CompileOptions{});
  ASSERT_TRUE(one.is_ok());
  t = one->trace(act);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "!(x == \"a\")");
  EXPECT_FALSE(t[0].held);
}

}  // namespace
}  // namespace revarch::expr
