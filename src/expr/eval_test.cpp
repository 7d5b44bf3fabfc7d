#include <gtest/gtest.h>

#include "expr/expr.h"
#include "expr/test_support.h"
#include "expr/time_text.h"

namespace revarch::expr {
namespace {

class EvalTest : public ::testing::Test {
 protected:
  EvalTest() : act_(schema_) {}

  // The rendered value of `text`, or "error: ..." when it does not compile.
  std::string run(std::string_view text) {
    CompileOptions o;
    o.expected = Type::of(TypeKind::kDyn);
    auto r = compile(text, schema_, o);
    if (!r.is_ok()) return "error: " + r.status().message();
    return r->eval(act_).to_string();
  }
  bool holds(std::string_view text) {
    auto r = compile(text, schema_, CompileOptions{});
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() && r->eval_bool(act_);
  }

  Schema schema_ = testing::make_test_schema();
  testing::MapActivation act_;
};

TEST_F(EvalTest, Arithmetic) {
  EXPECT_EQ(run("1 + 2 * 3"), "7");
  EXPECT_EQ(run("7 / 2"), "3");
  EXPECT_EQ(run("7 % 4"), "3");
  EXPECT_EQ(run("7 / 2.0"), "3.5");
  EXPECT_EQ(run("-(2 - 5)"), "3");
  EXPECT_EQ(run("1 / 0"), "null");
  EXPECT_EQ(run("9223372036854775807 + 1"), "null");
  EXPECT_EQ(run("\"株式\" + \"会社\""), "\"株式会社\"");
  EXPECT_EQ(run("1.5 * 2"), "3.0");
}

TEST_F(EvalTest, Comparisons) {
  EXPECT_EQ(run("1 < 2"), "true");
  EXPECT_EQ(run("2 <= 2.0"), "true");
  EXPECT_EQ(run("3 > 4"), "false");
  EXPECT_EQ(run("1 == 1.0"), "true");
  EXPECT_EQ(run("\"a\" < \"b\""), "true");
  EXPECT_EQ(run("\"部長\" != \"課長\""), "true");
  EXPECT_EQ(run("[1, 2] == [1, 2]"), "true");
  EXPECT_EQ(run("true == false"), "false");
}

TEST_F(EvalTest, LogicAndTernary) {
  EXPECT_EQ(run("true && false"), "false");
  EXPECT_EQ(run("false || true"), "true");
  EXPECT_EQ(run("!true"), "false");
  EXPECT_EQ(run("1 < 2 ? \"yes\" : \"no\""), "\"yes\"");
  EXPECT_EQ(run("false ? 1 : 2"), "2");
}

TEST_F(EvalTest, NullSemantics) {
  // contact.title is absent: null.
  EXPECT_EQ(run("contact.title"), "null");
  EXPECT_EQ(run("contact.title == \"部長\""), "false");
  EXPECT_EQ(run("contact.title != \"部長\""), "false");
  EXPECT_EQ(run("contact.title == null"), "true");
  EXPECT_EQ(run("null == contact.title"), "true");
  EXPECT_EQ(run("contact.title != null"), "false");
  EXPECT_EQ(run("account.employees > 5"), "false");
  EXPECT_EQ(run("!(account.employees > 5)"), "true");
  EXPECT_EQ(run("account.employees + 1"), "null");
  EXPECT_EQ(run("contact.title.contains(\"部\")"), "null");
  EXPECT_EQ(run("contact.opted_in && false"), "false");
  EXPECT_EQ(run("contact.opted_in && true"), "null");
  EXPECT_EQ(run("contact.opted_in || true"), "true");
  EXPECT_EQ(run("!contact.opted_in"), "null");
  EXPECT_EQ(run("contact.title in [\"部長\"]"), "false");
  EXPECT_EQ(run("\"vip\" in contact.tags"), "false");
  EXPECT_FALSE(holds("contact.opted_in || contact.title == \"x\""));
}

TEST_F(EvalTest, FieldsAndShortCircuit) {
  act_.set("account.employees", 500).set("contact.country", "JP").set("score.engagement", 42.5);
  EXPECT_TRUE(holds("account.employees >= 300 && contact.country == \"JP\""));
  EXPECT_TRUE(holds("score.engagement >= 40"));
  EXPECT_FALSE(holds("account.employees < 300 && 1 / 0 == 1"));
  EXPECT_TRUE(holds("account.employees >= 300 || contact.title.matches(\"x\")"));
  EXPECT_EQ(run("account.employees * 2 + 1"), "1001");
  EXPECT_EQ(run("score.engagement + account.employees"), "542.5");
}

TEST_F(EvalTest, DurationsAndTimestamps) {
  act_.set("contact.created_at", *parse_timestamp("2026-04-01T09:00:00+09:00"));
  act_.now_ts = *parse_timestamp("2026-04-11T00:00:00Z");
  EXPECT_EQ(run("contact.created_at"), "timestamp(\"2026-04-01T00:00:00Z\")");
  EXPECT_EQ(run("now() - contact.created_at"), "10d");
  EXPECT_TRUE(holds("now() - contact.created_at > 1w"));
  EXPECT_TRUE(holds("now() - contact.created_at <= 240h"));
  EXPECT_EQ(run("contact.created_at + 90d"), "timestamp(\"2026-06-30T00:00:00Z\")");
  EXPECT_EQ(run("date(\"2026-04-01\") - 1d"), "timestamp(\"2026-03-31T00:00:00Z\")");
  EXPECT_TRUE(holds("contact.created_at == timestamp(\"2026-04-01T00:00:00Z\")"));
  EXPECT_TRUE(holds("contact.created_at >= date(\"2026-04-01\")"));
  EXPECT_EQ(run("duration(\"1h30m\")"), "90m");
  EXPECT_EQ(run("2w == 14d"), "true");
  EXPECT_EQ(run("90d > 4h"), "true");
  EXPECT_EQ(run("1d * 3"), "3d");
  EXPECT_EQ(run("-(1d)"), "-1d");
  EXPECT_EQ(run("timestamp(contact.title)"), "null");
}

TEST_F(EvalTest, StringsAndJapanese) {
  act_.set("contact.title", "営業本部長").set("account.name", "ＡＢＣ株式会社");
  EXPECT_TRUE(holds("contact.title.contains(\"本部\")"));
  EXPECT_TRUE(holds("contains(contact.title, \"部長\")"));
  EXPECT_TRUE(holds("contact.title.endsWith(\"部長\")"));
  EXPECT_TRUE(holds("contact.title.startsWith(\"営業\")"));
  EXPECT_FALSE(holds("contact.title.startsWith(\"部長\")"));
  EXPECT_TRUE(holds("account.name.startsWith(\"ＡＢＣ\")"));
  EXPECT_FALSE(holds("account.name.startsWith(\"ABC\")"));
  EXPECT_EQ(run("size(contact.title)"), "5");
  EXPECT_EQ(run("account.name.size()"), "7");
  EXPECT_EQ(run("account.name.lower()"), "\"ａｂｃ株式会社\"");
  EXPECT_EQ(run("\"Sales Dept\".upper()"), "\"SALES DEPT\"");
  EXPECT_EQ(run("'シングル' + \"\\u3000\""), "\"シングル\u3000\"");
}

TEST_F(EvalTest, Regex) {
  act_.set("contact.email", "taro.yamada@example.co.jp").set("contact.title", "部長");
  EXPECT_TRUE(holds("contact.email.matches(\"@example\\\\.co\\\\.jp$\")"));
  EXPECT_FALSE(holds("contact.email.matches(\"^hanako\")"));
  EXPECT_TRUE(holds("matches(contact.title, \"^(部長|課長)$\")"));
  act_.set("x", "^taro");
  EXPECT_TRUE(holds("contact.email.matches(x)")) << "a pattern known only at run time";
  act_.set("x", "(");
  EXPECT_FALSE(holds("contact.email.matches(x)")) << "an invalid run-time pattern is null";
}

TEST_F(EvalTest, InLists) {
  act_.set("contact.title", "本部長").set("account.employees", 300);
  act_.set_list("contact.tags", {"vip", "seminar"});
  EXPECT_TRUE(holds("contact.title in [\"部長\", \"本部長\", \"取締役\"]"));
  EXPECT_FALSE(holds("contact.title in [\"課長\"]"));
  EXPECT_TRUE(holds("account.employees in [100, 300]"));
  EXPECT_TRUE(holds("account.employees in [300.0]"));
  EXPECT_TRUE(holds("\"vip\" in contact.tags"));
  EXPECT_FALSE(holds("\"cold\" in contact.tags"));
  EXPECT_TRUE(
      holds("contact.title in [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", "
            "\"i\", \"本部長\"]"));
  EXPECT_TRUE(holds("contact.title in [x, \"本部長\"]"));
  EXPECT_EQ(run("size(contact.tags)"), "2");
}

TEST_F(EvalTest, DomainFunctions) {
  act_.signal_counts["direct_inquiry/" + std::to_string(90LL * 86'400'000)] = 2;
  act_.days = 45;
  act_.now_ts = *parse_date("2026-04-10");
  act_.set("contact.created_at", *parse_date("2026-04-01"));
  EXPECT_EQ(run("signals.count(\"direct_inquiry\", 90d)"), "2");
  EXPECT_TRUE(holds("signals.count(\"direct_inquiry\", 90d) >= 1"));
  EXPECT_FALSE(holds("signals.count(\"direct_inquiry\", 30d) >= 1"));
  EXPECT_TRUE(holds("days_in_stage() > 30"));
  EXPECT_EQ(run("business_days_since(contact.created_at)"), "9");
}

TEST_F(EvalTest, DynFields) {
  act_.set("extra", 5);
  EXPECT_EQ(run("extra + 1"), "6");
  EXPECT_EQ(run("extra == \"5\""), "false");
  act_.set("extra", "text");
  EXPECT_EQ(run("extra + 1"), "null");
  EXPECT_EQ(run("extra > 1"), "false");
}

TEST_F(EvalTest, ProgramKeepsItsSource) {
  auto r = compile("  x == \"a\"", schema_, CompileOptions{});
  ASSERT_TRUE(r.is_ok());
  Program p = std::move(r).value();
  EXPECT_EQ(p.source(), "  x == \"a\"");
  EXPECT_EQ(p.ast().kind, NodeKind::kBinary);
  EXPECT_EQ(p.type().name(), "bool");
}

}  // namespace
}  // namespace revarch::expr
