#pragma once
// What an expression may refer to: typed fields (`contact.title`) and typed domain functions
// (`signals.count(string, duration) -> int`). The design layer declares the standard schema;
// tests declare their own.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "expr/value.h"

namespace revarch::expr {

using FieldSlot = uint32_t;     // dense index of a declared field, in declaration order
using FunctionSlot = uint32_t;  // dense index of a declared function, in declaration order

struct FieldDecl {
  std::string path;  // dotted, e.g. "contact.title", "account.employees"
  Type type;
  FieldSlot slot = 0;
  std::string doc;
};

struct FunctionDecl {
  std::string name;  // dotted for namespaced ones: "signals.count", "days_in_stage"
  std::vector<Type> params;
  Type result;
  FunctionSlot slot = 0;
  std::string doc;
};

/// Declared fields and functions. Built once, then read-only: safe to share between threads
/// after construction. Built-in functions (contains, startsWith, endsWith, matches, size,
/// timestamp, date, duration, lower, upper) are part of the language and not declared here.
class Schema {
 public:
  /// Declares a field; returns its slot. Declaring a path twice is a bug (asserted).
  FieldSlot add_field(std::string path, Type type, std::string doc = {});
  /// Declares a function; returns its slot.
  FunctionSlot add_function(std::string name, std::vector<Type> params, Type result,
                            std::string doc = {});

  const FieldDecl* find_field(std::string_view path) const;
  const FunctionDecl* find_function(std::string_view name) const;
  /// True when some declared field path starts with `prefix + "."` (e.g. "contact").
  bool has_namespace(std::string_view prefix) const;

  const std::vector<FieldDecl>& fields() const { return fields_; }
  const std::vector<FunctionDecl>& functions() const { return functions_; }
  /// Field paths, for "did you mean" hints.
  std::vector<std::string> field_paths() const;

 private:
  std::vector<FieldDecl> fields_;
  std::vector<FunctionDecl> functions_;
  std::unordered_map<std::string, size_t> field_index_;
  std::unordered_map<std::string, size_t> function_index_;
};

}  // namespace revarch::expr
