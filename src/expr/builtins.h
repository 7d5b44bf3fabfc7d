#pragma once
// The language's built-in functions: names and signatures (for the parser and type checker).

#include <string_view>

#include "expr/value.h"

namespace revarch::expr {

enum class Builtin {
  kContains,
  kStartsWith,
  kEndsWith,
  kMatches,
  kSize,
  kLower,
  kUpper,
  kTimestamp,
  kDate,
  kDuration,
  kNow,
};

/// The built-in called `name`, or false when there is none.
bool find_builtin(std::string_view name, Builtin& out);
const char* builtin_name(Builtin b);
/// Every built-in's name, for "did you mean" hints.
const std::string_view* builtin_names(size_t& count);

}  // namespace revarch::expr
