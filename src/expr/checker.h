#pragma once
// The type checker: resolves fields and functions against the Schema, fills Node::type, and
// reports every error it finds (a node in error gets type dyn so one mistake is reported
// once). Internal to the expression layer.

#include <string>
#include <vector>

#include "common/status.h"
#include "expr/ast.h"
#include "expr/schema.h"

namespace revarch::expr {

struct CheckError {
  Position pos;
  std::string code;  // "unknown-field", "unknown-function", "type-mismatch", "bad-argument"
  std::string message;
};

/// Checks `root` in place; `expected` is the type the whole expression must have (dyn: any).
/// Returns the errors in the order found (empty on success).
std::vector<CheckError> check(Node& root, const Schema& schema, Type expected);

/// True when a value of type `from` may be used where `to` is expected (int widens to
/// double, null and dyn fit anything).
bool assignable(Type from, Type to);

}  // namespace revarch::expr
