#include "expr/value.h"

#include <gtest/gtest.h>

#include "expr/time_text.h"

namespace revarch::expr {
namespace {

TEST(Value, ToString) {
  EXPECT_EQ(Value().to_string(), "null");
  EXPECT_EQ(Value(true).to_string(), "true");
  EXPECT_EQ(Value(42).to_string(), "42");
  EXPECT_EQ(Value(40.0).to_string(), "40.0");
  EXPECT_EQ(Value(1.25).to_string(), "1.25");
  EXPECT_EQ(Value("部長").to_string(), "\"部長\"");
  EXPECT_EQ(Value("a\"b\\").to_string(), "\"a\\\"b\\\\\"");
  EXPECT_EQ(Value(Duration{90LL * 86'400'000}).to_string(), "90d");
  EXPECT_EQ(Value(Duration{1500}).to_string(), "1500ms");
  EXPECT_EQ(Value(Timestamp{0}).to_string(), "timestamp(\"1970-01-01T00:00:00Z\")");
  auto list = std::make_shared<ValueList>(ValueList{Value(1), Value(2)});
  EXPECT_EQ(Value(std::shared_ptr<const ValueList>(list)).to_string(), "[1, 2]");
}

TEST(Value, EqualityAndKinds) {
  EXPECT_EQ(Value(1), Value(1.0));
  EXPECT_FALSE(Value(1) == Value("1"));
  EXPECT_EQ(Value(), Value());
  EXPECT_EQ(Value("x").kind(), TypeKind::kString);
  EXPECT_DOUBLE_EQ(Value(3).as_number(), 3.0);
}

TEST(Type, Names) {
  EXPECT_EQ(Type::of(TypeKind::kInt).name(), "int");
  EXPECT_EQ(Type::list_of(TypeKind::kString).name(), "list<string>");
  EXPECT_EQ(Type::of(TypeKind::kTimestamp).name(), "timestamp");
}

TEST(TimeText, ParseAndFormat) {
  EXPECT_EQ(parse_timestamp("2026-04-01T09:00:00+09:00")->ms, parse_date("2026-04-01")->ms);
  EXPECT_EQ(format_timestamp(*parse_timestamp("2026-04-01T09:30:15.250Z")),
            "2026-04-01T09:30:15.250Z");
  EXPECT_EQ(format_timestamp(Timestamp{-86'400'000}), "1969-12-31T00:00:00Z");
  EXPECT_FALSE(parse_date("2026-13-01"));
  EXPECT_FALSE(parse_date("2025-02-29"));
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_timestamp("2026-04-01T09:00:00"));
  EXPECT_EQ(parse_duration("1h30m")->ms, 90 * 60'000);
  EXPECT_EQ(parse_duration("-2d")->ms, -2 * 86'400'000LL);
  EXPECT_FALSE(parse_duration("3 days"));
  EXPECT_EQ(format_duration(Duration{-3'600'000}), "-1h");
}

}  // namespace
}  // namespace revarch::expr
