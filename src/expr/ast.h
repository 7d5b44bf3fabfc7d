#pragma once
// The checked syntax tree of an expression. Public so the design checker can analyse rules
// (shadowing, overlap, contradictions) and `explain` can show clauses with their source text.

#include <memory>
#include <string>
#include <vector>

#include "expr/schema.h"
#include "expr/value.h"

namespace revarch::expr {

/// A position inside the expression's text: byte offset from 0; line and column from 1, the
/// column counted in Unicode code points.
struct Position {
  int offset = 0;
  int line = 1;
  int column = 1;
};

enum class NodeKind {
  kLiteral,  // 42, 1.5, "部長", true, null, 90d
  kField,    // contact.title (resolved against the Schema)
  kCall,     // signals.count("x", 90d), size(x), x.contains("y") -- receiver is args[0]
  kUnary,    // !x, -x
  kBinary,   // x && y, x == y, x in [..], x + y ...
  kList,     // [a, b, c]
  kTernary,  // c ? a : b
};

enum class Op {
  kNone,
  kNot, kNeg,
  kAnd, kOr,
  kEq, kNe, kLt, kLe, kGt, kGe, kIn,
  kAdd, kSub, kMul, kDiv, kMod,
};

/// "&&", "==", "in", ...
const char* op_text(Op op);

struct Node {
  NodeKind kind = NodeKind::kLiteral;
  Op op = Op::kNone;
  Position pos;            // where the node starts
  int end_offset = 0;      // byte offset one past the node's last character
  Type type;               // filled in by the type checker
  Value literal;           // kLiteral; strings view literal_text
  std::string literal_text;
  std::string name;        // kField: the path; kCall: the function name
  bool builtin = false;    // kCall: a language built-in rather than a Schema function
  bool method_call = false;  // kCall written as receiver.fn(args)
  FieldSlot field = 0;     // kField
  FunctionSlot function = 0;  // kCall when !builtin
  std::vector<std::unique_ptr<Node>> children;  // operands, arguments or list items
};

}  // namespace revarch::expr
