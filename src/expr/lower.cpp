#include "expr/lower.h"

#include <cassert>

namespace revarch::expr {
namespace {

class NoFields final : public Activation {
 public:
  Value field(FieldSlot) const override { return {}; }
};

Op mirror(Op op) {
  switch (op) {
    case Op::kLt: return Op::kGt;
    case Op::kLe: return Op::kGe;
    case Op::kGt: return Op::kLt;
    case Op::kGe: return Op::kLe;
    default: return op;
  }
}

bool all_constant(const std::vector<ENodePtr>& nodes) {
  for (const auto& n : nodes)
    if (n->constant() == nullptr) return false;
  return true;
}

// Evaluates a node whose operands are all constants, once, at compile time.
ENodePtr fold(ENodePtr node) {
  NoFields none;
  EvalCtx ctx{none};
  return make_const(node->eval(ctx));
}

class Lowering {
 public:
  explicit Lowering(const LowerOptions& o) : o_(o) {}

  ENodePtr node(const Node& n) {
    switch (n.kind) {
      case NodeKind::kLiteral: return make_const(n.literal);
      case NodeKind::kField: return traced(make_field(n.field), n.name);
      case NodeKind::kCall: return call(n);
      case NodeKind::kUnary: return unary(n);
      case NodeKind::kBinary: return binary(n);
      case NodeKind::kList: {
        std::vector<ENodePtr> items = children(n);
        bool constant = all_constant(items);
        ENodePtr list = make_list(std::move(items));
        return constant ? fold(std::move(list)) : std::move(list);
      }
      case NodeKind::kTernary: {
        std::vector<ENodePtr> c = children(n);
        bool constant = all_constant(c);
        ENodePtr t = make_ternary(std::move(c[0]), std::move(c[1]), std::move(c[2]));
        return constant ? fold(std::move(t)) : std::move(t);
      }
    }
    assert(false && "unknown node kind");
    return nullptr;
  }

 private:
  std::vector<ENodePtr> children(const Node& n) {
    std::vector<ENodePtr> out;
    out.reserve(n.children.size());
    for (const auto& c : n.children) out.push_back(node(*c));
    return out;
  }

  ENodePtr traced(ENodePtr inner, std::string text) {
    return o_.trace ? make_record(std::move(inner), std::move(text)) : std::move(inner);
  }

  std::string text_of(const Node& n) const {
    auto begin = static_cast<size_t>(n.pos.offset);
    auto end = static_cast<size_t>(n.end_offset);
    if (end > o_.source.size() || begin > end) return n.name;
    return std::string(o_.source.substr(begin, end - begin));
  }

  ENodePtr call(const Node& n) {
    std::vector<ENodePtr> args = children(n);
    if (!n.builtin) return traced(make_domain_call(n.function, std::move(args)), text_of(n));
    Builtin b;
    find_builtin(n.name, b);
    if (b == Builtin::kMatches) {
      const Value* pattern = args[1]->constant();
      if (pattern != nullptr && pattern->kind() == TypeKind::kString &&
          args[0]->constant() == nullptr) {
        if (ENodePtr m = make_matches_const(std::move(args[0]), pattern->as_string())) return m;
        return make_const(Value());  // unreachable after checking: the checker rejects it
      }
    }
    bool constant = b != Builtin::kNow && all_constant(args);
    ENodePtr out = make_builtin(b, std::move(args));
    return constant ? fold(std::move(out)) : std::move(out);
  }

  ENodePtr unary(const Node& n) {
    ENodePtr operand = node(*n.children[0]);
    bool constant = operand->constant() != nullptr;
    ENodePtr out = n.op == Op::kNot ? make_not(std::move(operand)) : make_neg(std::move(operand));
    return constant ? fold(std::move(out)) : std::move(out);
  }

  // Flattens a chain of the same logical operator: a && b && c -> and(a, b, c).
  void flatten(const Node& n, Op op, std::vector<ENodePtr>& out) {
    if (n.kind == NodeKind::kBinary && n.op == op) {
      flatten(*n.children[0], op, out);
      flatten(*n.children[1], op, out);
    } else {
      out.push_back(node(n));
    }
  }

  static bool is_null_literal(const Node& n) {
    return n.kind == NodeKind::kLiteral && n.literal.is_null();
  }

  ENodePtr binary(const Node& n) {
    if (n.op == Op::kAnd || n.op == Op::kOr) {
      std::vector<ENodePtr> operands;
      flatten(n, n.op, operands);
      bool constant = all_constant(operands);
      ENodePtr out = make_logic(n.op, std::move(operands));
      return constant ? fold(std::move(out)) : std::move(out);
    }
    const Node& l = *n.children[0];
    const Node& r = *n.children[1];
    if ((n.op == Op::kEq || n.op == Op::kNe) && (is_null_literal(l) || is_null_literal(r))) {
      ENodePtr other = node(is_null_literal(l) ? r : l);
      bool constant = other->constant() != nullptr;
      ENodePtr out = make_null_test(n.op == Op::kEq, std::move(other));
      return constant ? fold(std::move(out)) : std::move(out);
    }
    ENodePtr lhs = node(l);
    ENodePtr rhs = node(r);
    bool constant = lhs->constant() != nullptr && rhs->constant() != nullptr;
    ENodePtr out;
    switch (n.op) {
      case Op::kEq:
      case Op::kNe:
      case Op::kLt:
      case Op::kLe:
      case Op::kGt:
      case Op::kGe:
        if (lhs->constant() != nullptr && !constant) {
          out = make_compare(mirror(n.op), std::move(rhs), std::move(lhs));
        } else {
          out = make_compare(n.op, std::move(lhs), std::move(rhs));
        }
        break;
      case Op::kIn: {
        const Value* list = rhs->constant();
        if (list != nullptr && list->kind() == TypeKind::kList) {
          out = make_in_set(std::move(lhs), list->as_list());
        } else {
          out = make_in_list(std::move(lhs), std::move(rhs));
        }
        break;
      }
      default: out = make_arith(n.op, std::move(lhs), std::move(rhs));
    }
    return constant ? fold(std::move(out)) : std::move(out);
  }

  const LowerOptions& o_;
};

}  // namespace

ENodePtr lower(const Node& n, const LowerOptions& options) {
  return Lowering(options).node(n);
}

}  // namespace revarch::expr
