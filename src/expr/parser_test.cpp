#include "expr/parser.h"

#include <gtest/gtest.h>

#include "expr/test_support.h"

namespace revarch::expr {
namespace {

// Renders the tree with explicit parentheses, to check precedence.
std::string show(const Node& n) {
  switch (n.kind) {
    case NodeKind::kLiteral: return n.literal.to_string();
    case NodeKind::kField: return n.name;
    case NodeKind::kCall: {
      std::string s = std::string(n.method_call ? "." : "") + n.name + "(";
      for (size_t i = 0; i < n.children.size(); ++i) s += (i ? ", " : "") + show(*n.children[i]);
      return s + ")";
    }
    case NodeKind::kUnary: return std::string(op_text(n.op)) + show(*n.children[0]);
    case NodeKind::kBinary:
      return "(" + show(*n.children[0]) + " " + op_text(n.op) + " " + show(*n.children[1]) + ")";
    case NodeKind::kList: {
      std::string s = "[";
      for (size_t i = 0; i < n.children.size(); ++i) s += (i ? ", " : "") + show(*n.children[i]);
      return s + "]";
    }
    case NodeKind::kTernary:
      return "(" + show(*n.children[0]) + " ? " + show(*n.children[1]) + " : " +
             show(*n.children[2]) + ")";
  }
  return "?";
}

class ParserTest : public ::testing::Test {
 protected:
  std::string parsed(std::string_view text) {
    ParseResult r = parse(text, schema_);
    if (r.error)
      return "error " + std::to_string(r.error->pos.line) + ":" +
             std::to_string(r.error->pos.column) + " " + r.error->message;
    return show(*r.root);
  }
  Schema schema_ = testing::make_test_schema();
};

TEST_F(ParserTest, Precedence) {
  EXPECT_EQ(parsed("a || b && c"), "(a || (b && c))");
  EXPECT_EQ(parsed("a && b == 1 + 2 * 3"), "(a && (b == (1 + (2 * 3))))");
  EXPECT_EQ(parsed("!a && -b < 3"), "(!a && (-b < 3))");
  EXPECT_EQ(parsed("1 - 2 - 3"), "((1 - 2) - 3)");
  EXPECT_EQ(parsed("a ? b : c ? d : e"), "(a ? b : (c ? d : e))");
  EXPECT_EQ(parsed("a || b ? 1 : 2"), "((a || b) ? 1 : 2)");
  EXPECT_EQ(parsed("(a || b) && c"), "((a || b) && c)");
  EXPECT_EQ(parsed("x in [\"a\", \"b\"] && y"), "((x in [\"a\", \"b\"]) && y)");
  EXPECT_EQ(parsed("a % 2 == 0"), "((a % 2) == 0)");
}

TEST_F(ParserTest, FieldsAndCalls) {
  EXPECT_EQ(parsed("contact.title"), "contact.title");
  EXPECT_EQ(parsed("signals.count(\"direct_inquiry\", 90d) >= 1"),
            "(signals.count(\"direct_inquiry\", 90d) >= 1)");
  EXPECT_EQ(parsed("contact.title.contains(\"部\")"), ".contains(contact.title, \"部\")");
  EXPECT_EQ(parsed("contains(contact.title, \"部\")"), "contains(contact.title, \"部\")");
  EXPECT_EQ(parsed("lower(x).startsWith(\"a\")"), ".startsWith(lower(x), \"a\")");
  EXPECT_EQ(parsed("days_in_stage()"), "days_in_stage()");
  EXPECT_EQ(parsed("[1, 2, ]"), "[1, 2]");
  EXPECT_EQ(parsed("true && null != false"), "(true && (null != false))");
}

TEST_F(ParserTest, Positions) {
  ParseResult r = parse("a &&\n  contact.title == \"x\"", schema_);
  ASSERT_TRUE(r.root);
  const Node& rhs = *r.root->children[1];
  EXPECT_EQ(rhs.pos.line, 2);
  EXPECT_EQ(rhs.pos.column, 3);
  EXPECT_EQ(rhs.end_offset, 27);
}

TEST_F(ParserTest, SyntaxErrors) {
  EXPECT_EQ(parsed("a &&"), "error 1:5 expected an expression, found end of expression");
  EXPECT_EQ(parsed("(a || b"), "error 1:8 expected ')', found end of expression");
  EXPECT_EQ(parsed("a b"), "error 1:3 expected an operator or end of expression, found 'b'");
  EXPECT_EQ(parsed("a &&\n  (b ||\n   )"), "error 3:4 expected an expression, found ')'");
  EXPECT_EQ(parsed("\"部長\" == ) "), "error 1:9 expected an expression, found ')'");
  // An unknown method on a field path is a call to an unknown domain function (checker's job).
  EXPECT_EQ(parsed("x.frobnicate()"), "x.frobnicate()");
  EXPECT_EQ(parsed("(x).nope()"), "error 1:5 unknown method 'nope'");
  EXPECT_EQ(parsed("x ? 1"), "error 1:6 expected ':', found end of expression");
}

TEST_F(ParserTest, DeepNestingIsAnError) {
  std::string deep(500, '(');
  EXPECT_NE(parsed(deep + "1").find("nested too deeply"), std::string::npos);
  std::string nots(500, '!');
  EXPECT_NE(parsed(nots + "a").find("nested too deeply"), std::string::npos);
}

}  // namespace
}  // namespace revarch::expr
