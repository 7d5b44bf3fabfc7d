#pragma once
// The evaluable form of a compiled expression: a tree of nodes with fields, functions, literal
// regexes and literal `in` lists resolved at compile time. Internal to the expression layer.
// Nodes are immutable after construction; eval is thread-safe.

#include <deque>
#include <memory>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "expr/builtins.h"
#include "expr/eval_ops.h"
#include "expr/expr.h"

namespace revarch::expr {

/// Per-evaluation state.
struct EvalCtx {
  explicit EvalCtx(const Activation& a,
                   std::vector<std::pair<std::string, std::string>>* record = nullptr)
      : act(a), seen(record) {}

  const Activation& act;
  /// What traced fields and calls read (text, rendered value); null when not tracing.
  std::vector<std::pair<std::string, std::string>>* seen = nullptr;

  /// Run-time strings of this evaluation; the first use clears the previous evaluation's.
  Scratch& scratch();

 private:
  Scratch* scratch_ = nullptr;
};

class ENode {
 public:
  virtual ~ENode() = default;
  virtual Value eval(EvalCtx& ctx) const = 0;
  /// truth(eval(ctx)), without building a Value where a node can avoid it.
  virtual Truth test(EvalCtx& ctx) const { return truth(eval(ctx)); }
  /// The literal value when this node is a constant, else nullptr.
  virtual const Value* constant() const { return nullptr; }
};
using ENodePtr = std::unique_ptr<ENode>;

// Factories, one per kind of node.
ENodePtr make_const(const Value& v);  // copies strings into the node
ENodePtr make_field(FieldSlot slot);
ENodePtr make_domain_call(FunctionSlot fn, std::vector<ENodePtr> args);
ENodePtr make_record(ENodePtr inner, std::string text);  // records what `inner` read (trace)
ENodePtr make_not(ENodePtr operand);
ENodePtr make_neg(ENodePtr operand);
ENodePtr make_logic(Op op, std::vector<ENodePtr> operands);  // kAnd / kOr, n-ary
ENodePtr make_compare(Op op, ENodePtr lhs, ENodePtr rhs);
ENodePtr make_null_test(bool equal, ENodePtr operand);  // x == null / x != null
ENodePtr make_in_set(ENodePtr lhs, const ValueList& items);
ENodePtr make_in_list(ENodePtr lhs, ENodePtr list);
ENodePtr make_arith(Op op, ENodePtr lhs, ENodePtr rhs);
ENodePtr make_ternary(ENodePtr cond, ENodePtr yes, ENodePtr no);
ENodePtr make_list(std::vector<ENodePtr> items);
ENodePtr make_builtin(Builtin b, std::vector<ENodePtr> args);
/// `matches` with a literal pattern, compiled once; nullptr when the pattern is invalid.
ENodePtr make_matches_const(ENodePtr text, std::string_view pattern);

}  // namespace revarch::expr
