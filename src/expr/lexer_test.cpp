#include "expr/lexer.h"

#include <gtest/gtest.h>

namespace revarch::expr {
namespace {

std::vector<Tok> kinds(std::string_view text) {
  std::vector<Tok> out;
  for (const auto& t : lex(text).tokens) out.push_back(t.kind);
  return out;
}

TEST(Lexer, OperatorsAndPunctuation) {
  EXPECT_EQ(kinds("a && b || !c == d != e <= f >= g < h > i"),
            (std::vector<Tok>{Tok::kIdent, Tok::kAnd, Tok::kIdent, Tok::kOr, Tok::kNot, Tok::kIdent,
                              Tok::kEq, Tok::kIdent, Tok::kNe, Tok::kIdent, Tok::kLe, Tok::kIdent,
                              Tok::kGe, Tok::kIdent, Tok::kLt, Tok::kIdent, Tok::kGt, Tok::kIdent,
                              Tok::kEnd}));
  EXPECT_EQ(kinds("( ) [ ] , . ? : + - * / %"),
            (std::vector<Tok>{Tok::kLParen, Tok::kRParen, Tok::kLBracket, Tok::kRBracket,
                              Tok::kComma, Tok::kDot, Tok::kQuestion, Tok::kColon, Tok::kPlus,
                              Tok::kMinus, Tok::kStar, Tok::kSlash, Tok::kPercent, Tok::kEnd}));
}

TEST(Lexer, Numbers) {
  auto r = lex("42 1.5 2e3 .5");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.tokens[0].kind, Tok::kInt);
  EXPECT_EQ(r.tokens[0].int_value, 42);
  EXPECT_EQ(r.tokens[1].kind, Tok::kDouble);
  EXPECT_DOUBLE_EQ(r.tokens[1].double_value, 1.5);
  EXPECT_DOUBLE_EQ(r.tokens[2].double_value, 2000.0);
  EXPECT_DOUBLE_EQ(r.tokens[3].double_value, 0.5);
}

TEST(Lexer, Durations) {
  auto r = lex("90d 4h 30m 15s 2w 250ms");
  ASSERT_FALSE(r.error);
  const int64_t day = 86'400'000;
  EXPECT_EQ(r.tokens[0].kind, Tok::kDuration);
  EXPECT_EQ(r.tokens[0].int_value, 90 * day);
  EXPECT_EQ(r.tokens[1].int_value, 4 * 3'600'000);
  EXPECT_EQ(r.tokens[2].int_value, 30 * 60'000);
  EXPECT_EQ(r.tokens[3].int_value, 15'000);
  EXPECT_EQ(r.tokens[4].int_value, 14 * day);
  EXPECT_EQ(r.tokens[5].int_value, 250);
}

TEST(Lexer, BadDurationUnit) {
  auto r = lex("x > 90y");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message, "unknown duration unit 'y' (use w, d, h, m, s or ms)");
  EXPECT_EQ(r.error->pos.column, 7);
}

TEST(Lexer, StringsWithEscapesAndJapanese) {
  auto r = lex(R"("部長" 'it\'s' "a\"b\n" "\u00e9\x41")");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.tokens[0].text_value, "部長");
  EXPECT_EQ(r.tokens[1].text_value, "it's");
  EXPECT_EQ(r.tokens[2].text_value, "a\"b\n");
  EXPECT_EQ(r.tokens[3].text_value,
            "\xC3\xA9"
            "A");
}

TEST(Lexer, ColumnsCountCodePoints) {
  auto r = lex("\"部長\" == x\n  && y");
  ASSERT_FALSE(r.error);
  EXPECT_EQ(r.tokens[1].pos.column, 6);  // after 4 code points and a space
  EXPECT_EQ(r.tokens[2].pos.column, 9);
  EXPECT_EQ(r.tokens[3].pos.line, 2);
  EXPECT_EQ(r.tokens[3].pos.column, 3);
  EXPECT_EQ(r.tokens[4].pos.column, 6);
}

TEST(Lexer, Errors) {
  EXPECT_EQ(lex("\"abc").error->message, "unterminated string literal");
  EXPECT_EQ(lex("a = b").error->message, "unexpected '=' (did you mean '=='?)");
  EXPECT_EQ(lex("a & b").error->message, "unexpected '&' (did you mean '&&'?)");
  auto r = lex("部長 == x");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message, "unexpected character '部'");
  EXPECT_EQ(lex("\"\\q\"").error->message, "unknown escape '\\q'");
  EXPECT_EQ(lex("99999999999999999999").error->message,
            "integer literal '99999999999999999999' is out of range");
}

TEST(Lexer, CommentsAreSkipped) {
  EXPECT_EQ(kinds("a // comment\n&& b"),
            (std::vector<Tok>{Tok::kIdent, Tok::kAnd, Tok::kIdent, Tok::kEnd}));
}

}  // namespace
}  // namespace revarch::expr
