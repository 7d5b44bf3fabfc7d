#pragma once
// Lowers a checked syntax tree to its evaluable form (eval_nodes.h), folding constant
// sub-expressions. Internal to the expression layer.

#include <string_view>

#include "expr/ast.h"
#include "expr/eval_nodes.h"

namespace revarch::expr {

struct LowerOptions {
  std::string_view source;  // the expression's text (for the names of traced calls)
  bool trace = false;       // wrap field reads and domain calls to record their values
};

/// `n` must have passed the checker without errors.
ENodePtr lower(const Node& n, const LowerOptions& options);

}  // namespace revarch::expr
