#pragma once
// Splits an expression's text into tokens. Internal to the expression layer.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/ast.h"

namespace revarch::expr {

enum class Tok {
  kEnd,
  kIdent,     // contact, title, true, false, null, in
  kInt,       // 42
  kDouble,    // 1.5, 2e3
  kString,    // "部長" (decoded into Token::text_value)
  kDuration,  // 90d (milliseconds in Token::int_value)
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kComma,
  kDot,
  kQuestion,
  kColon,
  kNot,
  kAnd,
  kOr,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
};

struct Token {
  Tok kind = Tok::kEnd;
  Position pos;
  int end_offset = 0;
  std::string_view text;   // the token's source text
  std::string text_value;  // kString: the decoded UTF-8 contents
  int64_t int_value = 0;   // kInt, kDuration (ms)
  double double_value = 0;
};

struct LexError {
  Position pos;
  std::string message;
};

struct LexResult {
  std::vector<Token> tokens;      // ends with kEnd unless there is an error
  std::optional<LexError> error;  // the first error; tokens before it are kept
};

/// Tokenises `text`. Columns count Unicode code points. Thread-safe.
LexResult lex(std::string_view text);

/// Human-readable token name for "expected X" messages ("')'", "end of expression").
std::string token_name(Tok t);

}  // namespace revarch::expr
