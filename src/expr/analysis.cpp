// Conservative reasoning over checked expressions (see analysis.h).
//
// An expression is turned into a disjunctive normal form over literals that over-approximates
// one of four sets of assignments: where it is true (T), false (F), not true (NT: false or
// null) or not false (NF). Over-approximation makes every "unsatisfiable" answer a proof; when
// the form grows too large it is replaced by TRUE, which is always a sound over-approximation.
#include "expr/analysis.h"

#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "expr/eval_ops.h"

namespace revarch::expr {
namespace {

enum class Mode { kT, kF, kNT, kNF };
constexpr size_t kMaxTerms = 256;
constexpr double kInf = std::numeric_limits<double>::infinity();

// One literal: an opaque atom in some mode, or a constraint on the value of a variable (a
// field or any other non-literal operand, keyed by its canonical text).
struct Lit {
  enum class Shape { kOpaque, kAny, kNone, kIn, kNotIn, kRange };
  std::string key;
  Shape shape = Shape::kAny;
  Mode mode = Mode::kT;  // kOpaque
  bool null_ok = false;  // null satisfies the literal
  TypeKind var_kind = TypeKind::kDyn;
  std::vector<Value> set;        // kIn, kNotIn (numbers as doubles)
  double lo = -kInf, hi = kInf;  // kRange
  bool lo_incl = false, hi_incl = false;
};
using Conj = std::vector<Lit>;
using Dnf = std::vector<Conj>;  // empty: FALSE; {{}}: TRUE

Dnf dnf_true() {
  return Dnf{Conj{}};
}
Dnf dnf_false() {
  return Dnf{};
}
Dnf single(Lit l) {
  return Dnf{Conj{std::move(l)}};
}

Dnf dnf_or(Dnf a, Dnf b) {
  if (a.size() + b.size() > kMaxTerms) return dnf_true();
  for (auto& c : b) a.push_back(std::move(c));
  return a;
}

Dnf dnf_and(const Dnf& a, const Dnf& b) {
  if (a.size() * b.size() > kMaxTerms) return dnf_true();
  Dnf out;
  for (const auto& x : a) {
    for (const auto& y : b) {
      Conj c = x;
      c.insert(c.end(), y.begin(), y.end());
      out.push_back(std::move(c));
    }
  }
  return out;
}

std::string canonical(const Node& n) {
  switch (n.kind) {
    case NodeKind::kLiteral: return n.literal.to_string();
    case NodeKind::kField: return n.name;
    case NodeKind::kCall: {
      std::string s = n.name + "(";
      for (size_t i = 0; i < n.children.size(); ++i)
        s += (i ? ", " : "") + canonical(*n.children[i]);
      return s + ")";
    }
    case NodeKind::kUnary:
      return std::string(op_text(n.op)) + "(" + canonical(*n.children[0]) + ")";
    case NodeKind::kBinary:
      return "(" + canonical(*n.children[0]) + " " + op_text(n.op) + " " +
             canonical(*n.children[1]) + ")";
    case NodeKind::kList: {
      std::string s = "[";
      for (size_t i = 0; i < n.children.size(); ++i)
        s += (i ? ", " : "") + canonical(*n.children[i]);
      return s + "]";
    }
    case NodeKind::kTernary:
      return "(" + canonical(*n.children[0]) + " ? " + canonical(*n.children[1]) + " : " +
             canonical(*n.children[2]) + ")";
  }
  return "?";
}

bool is_literal(const Node& n) {
  return n.kind == NodeKind::kLiteral;
}

// Numbers, durations and timestamps become doubles so they share one interval logic.
bool as_numeric(const Value& v, double& out) {
  switch (v.kind()) {
    case TypeKind::kInt: out = static_cast<double>(v.as_int()); return true;
    case TypeKind::kDouble: out = v.as_double(); return !std::isnan(out);
    case TypeKind::kDuration: out = static_cast<double>(v.as_duration().ms); return true;
    case TypeKind::kTimestamp: out = static_cast<double>(v.as_timestamp().ms); return true;
    default: return false;
  }
}

Mode flip(Mode m) {  // the mode of the operand of `!`
  switch (m) {
    case Mode::kT: return Mode::kF;
    case Mode::kF: return Mode::kT;
    case Mode::kNT: return Mode::kNF;
    case Mode::kNF: return Mode::kNT;
  }
  return m;
}

Dnf opaque(const Node& n, Mode m) {
  Lit l;
  l.key = canonical(n);
  l.shape = Lit::Shape::kOpaque;
  l.mode = m;
  return single(std::move(l));
}

// `var op value` where the comparison itself is never null: T and NF are the constraint,
// F and NT its complement (which null satisfies).
Dnf comparison_atom(const Node& var, Op op, const Value& value, Mode m) {
  bool positive = m == Mode::kT || m == Mode::kNF;
  Lit l;
  l.key = canonical(var);
  l.var_kind = var.type.kind;
  if (value.is_null()) {  // x == null / x != null
    bool wants_null = (op == Op::kEq) == positive;
    l.null_ok = wants_null;
    l.shape = wants_null ? Lit::Shape::kNone : Lit::Shape::kAny;
    return single(std::move(l));
  }
  l.null_ok = !positive;
  double num = 0;
  bool numeric = as_numeric(value, num);
  Value v = numeric ? Value(num) : value;
  if (op == Op::kEq || op == Op::kNe) {
    bool in = (op == Op::kEq) == positive;
    l.shape = in ? Lit::Shape::kIn : Lit::Shape::kNotIn;
    l.set.push_back(v);
    return single(std::move(l));
  }
  if (!numeric) return Dnf{};  // handled by the caller as opaque
  Op o = positive ? op
                  : (op == Op::kLt   ? Op::kGe
                     : op == Op::kLe ? Op::kGt
                     : op == Op::kGt ? Op::kLe
                                     : Op::kLt);
  l.shape = Lit::Shape::kRange;
  if (o == Op::kLt || o == Op::kLe) {
    l.hi = num;
    l.hi_incl = o == Op::kLe;
  } else {
    l.lo = num;
    l.lo_incl = o == Op::kGe;
  }
  return single(std::move(l));
}

Op mirror(Op op) {
  switch (op) {
    case Op::kLt: return Op::kGt;
    case Op::kLe: return Op::kGe;
    case Op::kGt: return Op::kLt;
    case Op::kGe: return Op::kLe;
    default: return op;
  }
}

Dnf to_dnf(const Node& n, Mode m);

Dnf binary_dnf(const Node& n, Mode m) {
  const Node& a = *n.children[0];
  const Node& b = *n.children[1];
  if (n.op == Op::kAnd || n.op == Op::kOr) {
    // && is true when both are; false when either is; not-true when either is; not-false when both
    // are.
    bool conjunctive = (n.op == Op::kAnd) == (m == Mode::kT || m == Mode::kNF);
    Dnf x = to_dnf(a, m), y = to_dnf(b, m);
    return conjunctive ? dnf_and(x, y) : dnf_or(std::move(x), std::move(y));
  }
  if (n.op == Op::kIn && !is_literal(a) && b.kind == NodeKind::kList) {
    Lit l;
    bool positive = m == Mode::kT || m == Mode::kNF;
    l.key = canonical(a);
    l.var_kind = a.type.kind;
    l.null_ok = !positive;
    l.shape = positive ? Lit::Shape::kIn : Lit::Shape::kNotIn;
    for (const auto& item : b.children) {
      if (!is_literal(*item) || item->literal.is_null()) return opaque(n, m);
      double num = 0;
      l.set.push_back(as_numeric(item->literal, num) ? Value(num) : item->literal);
    }
    return single(std::move(l));
  }
  bool cmp = n.op == Op::kEq || n.op == Op::kNe || n.op == Op::kLt || n.op == Op::kLe ||
             n.op == Op::kGt || n.op == Op::kGe;
  if (cmp && is_literal(a) != is_literal(b)) {
    const Node& var = is_literal(a) ? b : a;
    const Value& value = is_literal(a) ? a.literal : b.literal;
    Dnf d = comparison_atom(var, is_literal(a) ? mirror(n.op) : n.op, value, m);
    if (!d.empty()) return d;
  }
  return opaque(n, m);
}

Dnf to_dnf(const Node& n, Mode m) {
  switch (n.kind) {
    case NodeKind::kLiteral:
      if (n.literal.kind() == TypeKind::kBool) {
        bool v = n.literal.as_bool();
        bool holds = m == Mode::kT ? v : m == Mode::kF ? !v : m == Mode::kNT ? !v : v;
        return holds ? dnf_true() : dnf_false();
      }
      return (m == Mode::kNT || m == Mode::kNF) ? dnf_true() : dnf_false();  // null
    case NodeKind::kUnary:
      if (n.op == Op::kNot) return to_dnf(*n.children[0], flip(m));
      return opaque(n, m);
    case NodeKind::kBinary: return binary_dnf(n, m);
    case NodeKind::kField:
      if (n.type.kind == TypeKind::kBool) {
        // A bool field may be null: T/F are exact, NT/NF admit null.
        Lit l;
        l.key = n.name;
        l.var_kind = TypeKind::kBool;
        l.null_ok = m == Mode::kNT || m == Mode::kNF;
        l.shape = m == Mode::kT || m == Mode::kF ? Lit::Shape::kIn : Lit::Shape::kNotIn;
        l.set.push_back(Value(m == Mode::kT || m == Mode::kNT));
        return single(std::move(l));
      }
      return opaque(n, m);
    default: return opaque(n, m);
  }
}

bool opaque_consistent(const std::vector<const Lit*>& lits) {
  bool has[4] = {false, false, false, false};
  for (const Lit* l : lits) has[static_cast<int>(l->mode)] = true;
  bool t = has[0], f = has[1], nt = has[2], nf = has[3];
  return !(t && nt) && !(f && nf) && !(t && f);
}

bool contains(const std::vector<Value>& set, const Value& v) {
  for (const Value& x : set)
    if (values_equal(x, v)) return true;
  return false;
}

// Whether some non-null value satisfies every literal of one variable.
bool values_consistent(const std::vector<const Lit*>& lits) {
  const std::vector<Value>* in = nullptr;
  std::vector<Value> candidates, excluded;
  double lo = -kInf, hi = kInf;
  bool lo_incl = false, hi_incl = false, ranged = false;
  bool integral = false, boolean = false;
  for (const Lit* l : lits) {
    integral |= l->var_kind == TypeKind::kInt || l->var_kind == TypeKind::kDuration ||
                l->var_kind == TypeKind::kTimestamp;
    boolean |= l->var_kind == TypeKind::kBool;
    switch (l->shape) {
      case Lit::Shape::kNone: return false;
      case Lit::Shape::kAny:
      case Lit::Shape::kOpaque: break;
      case Lit::Shape::kNotIn: excluded.insert(excluded.end(), l->set.begin(), l->set.end()); break;
      case Lit::Shape::kIn:
        if (in == nullptr) {
          in = &l->set;
          candidates = l->set;
        } else {
          std::vector<Value> kept;
          for (const Value& v : candidates)
            if (contains(l->set, v)) kept.push_back(v);
          candidates = std::move(kept);
        }
        break;
      case Lit::Shape::kRange:
        ranged = true;
        if (l->lo > lo || (l->lo == lo && !l->lo_incl)) {
          lo = l->lo;
          lo_incl = l->lo_incl;
        }
        if (l->hi < hi || (l->hi == hi && !l->hi_incl)) {
          hi = l->hi;
          hi_incl = l->hi_incl;
        }
        break;
    }
  }
  auto in_range = [&](const Value& v) {
    double x = 0;
    if (!as_numeric(v, x)) return !ranged;
    return (x > lo || (x == lo && lo_incl)) && (x < hi || (x == hi && hi_incl)) &&
           (!integral || x == std::floor(x));
  };
  if (in != nullptr) {
    for (const Value& v : candidates)
      if (in_range(v) && !contains(excluded, v)) return true;
    return false;
  }
  if (ranged) {
    if (integral) {
      double first = lo_incl ? std::ceil(lo) : std::floor(lo) + 1;
      double last = hi_incl ? std::floor(hi) : std::ceil(hi) - 1;
      if (first > last) return false;
      if (std::isinf(first) || std::isinf(last) || last - first > 1e6) return true;
      size_t blocked = 0;
      for (const Value& v : excluded)
        if (in_range(v)) ++blocked;
      return last - first + 1 > static_cast<double>(blocked);
    }
    if (lo < hi) return true;
    return lo == hi && lo_incl && hi_incl && !contains(excluded, Value(lo));
  }
  if (boolean) return !(contains(excluded, Value(true)) && contains(excluded, Value(false)));
  return true;
}

bool conj_satisfiable(const Conj& c) {
  std::map<std::string, std::vector<const Lit*>> vars, atoms;
  for (const Lit& l : c) (l.shape == Lit::Shape::kOpaque ? atoms : vars)[l.key].push_back(&l);
  for (const auto& [key, lits] : atoms)
    if (!opaque_consistent(lits)) return false;
  for (const auto& [key, lits] : vars) {
    bool null_ok = true;
    for (const Lit* l : lits) null_ok &= l->null_ok;
    if (!null_ok && !values_consistent(lits)) return false;
  }
  return true;
}

bool satisfiable(const Dnf& d) {
  for (const Conj& c : d)
    if (conj_satisfiable(c)) return true;
  return false;
}

}  // namespace

bool is_satisfiable(const Node& e) {
  return satisfiable(to_dnf(e, Mode::kT));
}

bool implies(const Node& a, const Node& b) {
  return !satisfiable(dnf_and(to_dnf(a, Mode::kT), to_dnf(b, Mode::kNT)));
}

bool may_overlap(const Node& a, const Node& b) {
  return satisfiable(dnf_and(to_dnf(a, Mode::kT), to_dnf(b, Mode::kT)));
}

}  // namespace revarch::expr
