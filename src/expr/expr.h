#pragma once
// The expression language: compile (lex, parse, type-check, lower to an evaluable form) and
// evaluate against an Activation. Syntax follows CEL; see docs/expressions.md.

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostic.h"
#include "common/status.h"
#include "expr/ast.h"
#include "expr/schema.h"
#include "expr/value.h"

namespace revarch::expr {

/// Supplies field values and domain-function results during evaluation. Implemented by the
/// lifecycle engine (real entities) and by tests. Strings returned must stay alive until the
/// evaluation returns.
class Activation {
 public:
  virtual ~Activation() = default;
  /// The value of the declared field in `slot`; null when the entity has no value.
  virtual Value field(FieldSlot slot) const = 0;
  /// Result of a declared domain function, arguments already type-checked. Default: null.
  virtual Value call(FunctionSlot fn, std::span<const Value> args) const;
  /// "Now" for the evaluation (event time during replay). Default: epoch 0.
  virtual Timestamp now() const;
};

struct CompileOptions {
  /// Where the expression's first character sits in its file; positions in diagnostics are
  /// reported relative to it. Lines after the first are assumed to start at column
  /// `continuation_column` (the indentation of a YAML block scalar, 1 when unknown).
  SourceLocation origin;
  int continuation_column = 1;
  /// The type the expression must have (criteria and rules: bool).
  Type expected = Type::of(TypeKind::kBool);
};

/// One clause of a criterion, as shown by `explain`: a top-level operand of && or ||.
struct ClauseTrace {
  std::string text;  // the clause's source text
  bool held = false;
  /// Fields and function calls the clause read, with the values they had: {"contact.title",
  /// "\"部長\""}, {"signals.count(\"direct_inquiry\", 90d)", "2"}.
  std::vector<std::pair<std::string, std::string>> seen;
};

/// A compiled expression. Immutable after compile; eval is thread-safe (scratch space is
/// per call).
class Program {
 public:
  Program();
  ~Program();
  Program(Program&&) noexcept;
  Program& operator=(Program&&) noexcept;

  /// Evaluates. Never fails: absent fields are null, comparisons with null are false (except
  /// `== null`), arithmetic on null or a division by zero gives null.
  Value eval(const Activation& act) const;
  /// eval() for bool programs; null counts as false.
  bool eval_bool(const Activation& act) const;
  /// Evaluates clause by clause, recording what each read (slower; for explain).
  std::vector<ClauseTrace> trace(const Activation& act) const;

  const std::string& source() const;
  const Node& ast() const;
  Type type() const;

  struct Impl;

 private:
  explicit Program(std::unique_ptr<Impl> impl);
  friend Result<Program> compile(std::string_view, const Schema&, const CompileOptions&,
                                 Diagnostics*);
  std::unique_ptr<Impl> impl_;
};

/// Compiles `text` against `schema`. On success returns the Program; on failure returns the
/// first error as a Status and, when `diags` is given, appends every error found (unknown
/// field with a "did you mean", type errors, syntax errors) with its position in the file.
Result<Program> compile(std::string_view text, const Schema& schema, const CompileOptions& options,
                        Diagnostics* diags = nullptr);

}  // namespace revarch::expr
