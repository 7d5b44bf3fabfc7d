#pragma once
// Static reasoning over checked expressions, for the design checker: conditions that can never
// hold, routing rules shadowed by earlier ones, rules that overlap. Conservative: "false" from
// is_satisfiable and "true" from implies are proofs; the other answers mean "could not prove".
// Reasons over comparisons of fields with literals (numeric intervals, string/bool equality,
// `in` lists) combined with && || !; anything else is treated as an unknown atom.

#include "expr/ast.h"

namespace revarch::expr {

/// False only when no assignment of fields can make `e` true.
bool is_satisfiable(const Node& e);
/// True only when every assignment that makes `a` true also makes `b` true.
bool implies(const Node& a, const Node& b);
/// False only when `a` and `b` can never both be true.
bool may_overlap(const Node& a, const Node& b);

}  // namespace revarch::expr
