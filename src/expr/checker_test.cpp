#include <gtest/gtest.h>

#include "expr/expr.h"
#include "expr/test_support.h"

namespace revarch::expr {
namespace {

class CheckerTest : public ::testing::Test {
 protected:
  // All diagnostics of compiling `text`, one per line; "ok" when it compiles.
  std::string errors(std::string_view text, CompileOptions o = {}) {
    Diagnostics d;
    auto r = compile(text, schema_, o, &d);
    if (r.is_ok()) return "ok";
    std::string out;
    for (const auto& item : d.items()) out += (out.empty() ? "" : "\n") + item.to_string();
    return out;
  }
  Type type_of(std::string_view text) {
    CompileOptions o;
    o.expected = Type::of(TypeKind::kDyn);
    auto r = compile(text, schema_, o);
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() ? r->type() : Type{};
  }
  Schema schema_ = testing::make_test_schema();
};

TEST_F(CheckerTest, UnknownFieldWithDidYouMean) {
  EXPECT_EQ(errors("contact.titel == \"部長\""),
            "1:1: error: unknown field 'contact.titel' (did you mean 'contact.title'?) "
            "[unknown-field]");
  EXPECT_EQ(errors("zzz.qqqqqq == 1"), "1:1: error: unknown field 'zzz.qqqqqq' [unknown-field]");
}

TEST_F(CheckerTest, CollectsEveryErrorWithFilePositions) {
  CompileOptions o;
  o.origin = SourceLocation{"architecture.yaml", 42, 13};
  o.continuation_column = 7;
  EXPECT_EQ(errors("contact.titel == \"x\" &&\naccount.employes > 3", o),
            "architecture.yaml:42:13: error: unknown field 'contact.titel' (did you mean "
            "'contact.title'?) [unknown-field]\n"
            "architecture.yaml:43:7: error: unknown field 'account.employes' (did you mean "
            "'account.employees'?) [unknown-field]");
}

TEST_F(CheckerTest, FirstErrorIsTheStatus) {
  CompileOptions o;
  o.origin = SourceLocation{"a.yaml", 3, 10};
  auto r = compile("x == 1 && y", schema_, o);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kType);
  EXPECT_EQ(r.status().to_string(), "a.yaml:3:10: cannot compare string with int");
  auto syntax = compile("x ==", schema_, o);
  EXPECT_EQ(syntax.status().code(), ErrorCode::kParse);
  EXPECT_EQ(syntax.status().where().column, 14);
}

TEST_F(CheckerTest, ColumnsAfterJapaneseText) {
  EXPECT_EQ(errors("contact.title == \"本部長\" && contact.countri == \"JP\""),
            "1:27: error: unknown field 'contact.countri' (did you mean 'contact.country'?) "
            "[unknown-field]");
}

TEST_F(CheckerTest, TypeMismatches) {
  EXPECT_EQ(errors("contact.title == 3"),
            "1:1: error: cannot compare string with int [type-mismatch]");
  EXPECT_EQ(errors("account.employees < \"many\""),
            "1:1: error: cannot order int with string [type-mismatch]");
  EXPECT_EQ(errors("account.employees"),
            "1:1: error: the expression must be bool, found int [type-mismatch]");
  EXPECT_EQ(errors("account.employees && true"),
            "1:1: error: operator '&&' needs bool operands, found int [type-mismatch]");
  EXPECT_EQ(errors("contact.title in [1, 2]"),
            "1:1: error: cannot look for string in list<int> [type-mismatch]");
  EXPECT_EQ(errors("[1, \"a\"] == [1]"),
            "1:5: error: list items must have one type; cannot mix int with string "
            "[type-mismatch]");
  EXPECT_EQ(errors("contact.title + 1 == \"a\""),
            "1:1: error: operator '+' cannot combine string with int [type-mismatch]");
}

TEST_F(CheckerTest, FunctionArguments) {
  EXPECT_EQ(errors("signals.count(90d, \"direct_inquiry\") >= 1"),
            "1:15: error: argument 1 of signals.count() must be string, found duration "
            "[type-mismatch]\n"
            "1:20: error: argument 2 of signals.count() must be duration, found string "
            "[type-mismatch]");
  EXPECT_EQ(errors("signals.count(\"x\") >= 1"),
            "1:1: error: signals.count() takes 2 arguments, got 1 [bad-argument]");
  EXPECT_EQ(errors("signal.count(\"x\", 90d) >= 1"),
            "1:1: error: unknown function 'signal.count' (did you mean 'signals.count'?) "
            "[unknown-function]");
  EXPECT_EQ(errors("contact.title.contains(3)"),
            "1:24: error: argument 2 of contains() must be string, found int [type-mismatch]");
  EXPECT_NE(errors("contact.title.matches(\"(\")").find("invalid regular expression"),
            std::string::npos);
  EXPECT_EQ(errors("contact.created_at > date(\"2026-02-30\")"),
            "1:27: error: date(): '2026-02-30' is not a date like \"2026-04-01\" [bad-argument]");
  EXPECT_EQ(errors("business_days_since(contact.title) > 3"),
            "1:21: error: argument 1 of business_days_since() must be timestamp, found string "
            "[type-mismatch]");
}

TEST_F(CheckerTest, ResultTypes) {
  EXPECT_EQ(type_of("1 + 2").name(), "int");
  EXPECT_EQ(type_of("1 + 2.0").name(), "double");
  EXPECT_EQ(type_of("now() - contact.created_at").name(), "duration");
  EXPECT_EQ(type_of("contact.created_at + 2w").name(), "timestamp");
  EXPECT_EQ(type_of("[\"a\", \"b\"]").name(), "list<string>");
  EXPECT_EQ(type_of("size(contact.tags)").name(), "int");
  EXPECT_EQ(type_of("x.upper()").name(), "string");
  EXPECT_EQ(type_of("extra + 1").name(), "dyn");
  EXPECT_EQ(type_of("true ? 1 : 2.5").name(), "double");
  EXPECT_EQ(type_of("signals.count(\"a\", 1d)").name(), "int");
}

TEST_F(CheckerTest, ValidCriteria) {
  EXPECT_EQ(
      errors("account.employees >= 300 && contact.country == \"JP\" && "
             "score.engagement >= 40 && contact.title in [\"部長\", \"本部長\", \"取締役\"] && "
             "signals.count(\"direct_inquiry\", 90d) >= 1"),
      "ok");
  EXPECT_EQ(errors("contact.email == null || !contact.opted_in"), "ok");
  EXPECT_EQ(errors("\"vip\" in contact.tags && deal.age > 4w"), "ok");
  EXPECT_EQ(errors("business_days_since(contact.created_at) <= 5 && days_in_stage() < 90"), "ok");
}

}  // namespace
}  // namespace revarch::expr
