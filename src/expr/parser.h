#pragma once
// Builds the syntax tree of an expression from its tokens. Internal to the expression layer.
// Calls are classified here (domain function from the Schema, built-in, or method on a
// receiver); fields are resolved and types checked later by the checker.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "expr/ast.h"
#include "expr/lexer.h"
#include "expr/schema.h"

namespace revarch::expr {

struct ParseResult {
  std::unique_ptr<Node> root;     // null when there is an error
  std::optional<LexError> error;  // the first syntax error
};

/// Parses `text`. Thread-safe; `schema` is only read.
ParseResult parse(std::string_view text, const Schema& schema);

}  // namespace revarch::expr
