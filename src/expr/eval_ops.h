#pragma once
// Run-time semantics shared by the evaluator and constant folding: comparison, arithmetic,
// truth, string helpers. Internal to the expression layer; all functions are pure and
// thread-safe.

#include <deque>
#include <string>
#include <string_view>

#include "expr/ast.h"
#include "expr/value.h"

namespace revarch::expr {

/// Three-valued truth of a logical operand: true, false, or neither (null, or not a bool).
enum class Truth : uint8_t { kFalse, kTrue, kNull };
inline Truth truth(const Value& v) {
  if (v.kind() != TypeKind::kBool) return Truth::kNull;
  return v.as_bool() ? Truth::kTrue : Truth::kFalse;
}

/// Equality of two non-null values: numbers across int/double, lists item by item; values of
/// different kinds are unequal.
bool values_equal(const Value& a, const Value& b);
/// `a op b` for op in == != < <= > >=. Any null operand gives false; so do values that cannot
/// be ordered (possible only with dyn fields).
bool compare(Op op, const Value& a, const Value& b);

/// Where strings computed at run time (lower, upper, +) live until the next evaluation that
/// computes strings on the same thread.
class Scratch {
 public:
  std::string_view keep(std::string s);
  void clear() { strings_.clear(); }

 private:
  std::deque<std::string> strings_;
};

/// `a op b` for + - * / %. Null operands, division by zero, overflow and unsupported
/// combinations (dyn) give null.
Value arithmetic(Op op, const Value& a, const Value& b, Scratch* scratch);
/// -a; null on null or overflow.
Value negate(const Value& a);

/// Number of Unicode code points in UTF-8 text.
int64_t utf8_length(std::string_view s);
/// ASCII and full-width Latin letters (Ａ-Ｚ) case mapping; other characters unchanged.
std::string change_case(std::string_view s, bool upper);

/// A deep copy of `v` whose strings live in `store` (which must outlive the copy).
Value own_value(const Value& v, std::deque<std::string>& store);

}  // namespace revarch::expr
