#include "expr/checker.h"

#include <regex>

#include "common/diagnostic.h"
#include "expr/builtins.h"
#include "expr/time_text.h"

namespace revarch::expr {
namespace {

bool is_numeric(TypeKind k) {
  return k == TypeKind::kInt || k == TypeKind::kDouble;
}
bool is_dyn(Type t) {
  return t.kind == TypeKind::kDyn;
}
Type of(TypeKind k) {
  return Type::of(k);
}

// The common type of two operands of == / ternary / list items; nullopt when none.
std::optional<Type> unify(Type a, Type b) {
  if (is_dyn(a) || is_dyn(b)) return of(TypeKind::kDyn);
  if (a.kind == TypeKind::kNull) return b;
  if (b.kind == TypeKind::kNull) return a;
  if (a == b) return a;
  if (is_numeric(a.kind) && is_numeric(b.kind)) return of(TypeKind::kDouble);
  if (a.kind == TypeKind::kList && b.kind == TypeKind::kList) {
    if (a.elem == TypeKind::kDyn || b.elem == TypeKind::kDyn) return Type::list_of(TypeKind::kDyn);
    if (is_numeric(a.elem) && is_numeric(b.elem)) return Type::list_of(TypeKind::kDouble);
  }
  return std::nullopt;
}

class Checker {
 public:
  explicit Checker(const Schema& schema) : schema_(schema) {}
  std::vector<CheckError> errors;

  void error(const Node& n, const char* code, std::string message) {
    errors.push_back({n.pos, code, std::move(message)});
  }

  Type visit(Node& n) {
    n.type = compute(n);
    return n.type;
  }

 private:
  Type compute(Node& n) {
    switch (n.kind) {
      case NodeKind::kLiteral: return of(n.literal.kind());
      case NodeKind::kField: return field(n);
      case NodeKind::kCall: return n.builtin ? builtin(n) : domain_call(n);
      case NodeKind::kUnary: return unary(n);
      case NodeKind::kBinary: return binary(n);
      case NodeKind::kList: return list(n);
      case NodeKind::kTernary: return ternary(n);
    }
    return of(TypeKind::kDyn);
  }

  Type field(Node& n) {
    if (const FieldDecl* f = schema_.find_field(n.name)) {
      n.field = f->slot;
      return f->type;
    }
    // The longest declared prefix tells a misspelt member from an unknown path.
    std::string msg = "unknown field '" + n.name + "'";
    std::string hint = closest_match(n.name, schema_.field_paths());
    if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
    error(n, "unknown-field", msg);
    return of(TypeKind::kDyn);
  }

  Type domain_call(Node& n) {
    const FunctionDecl* fn = schema_.find_function(n.name);
    if (fn == nullptr) {
      std::vector<std::string> names;
      for (const auto& f : schema_.functions()) names.push_back(f.name);
      size_t count = 0;
      const std::string_view* builtins = builtin_names(count);
      for (size_t i = 0; i < count; ++i) names.emplace_back(builtins[i]);
      std::string msg = "unknown function '" + n.name + "'";
      std::string hint = closest_match(n.name, names);
      if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
      for (auto& c : n.children) visit(*c);
      error(n, "unknown-function", msg);
      return of(TypeKind::kDyn);
    }
    n.function = fn->slot;
    check_args(n, fn->name, fn->params);
    return fn->result;
  }

  // Checks arity and argument types against `params`; reports and returns false on mismatch.
  bool check_args(Node& n, const std::string& name, const std::vector<Type>& params) {
    for (auto& c : n.children) visit(*c);
    if (n.children.size() != params.size()) {
      error(n, "bad-argument",
            name + "() takes " + std::to_string(params.size()) + " argument" +
                (params.size() == 1 ? "" : "s") + ", got " + std::to_string(n.children.size()));
      return false;
    }
    bool ok = true;
    for (size_t i = 0; i < params.size(); ++i) {
      Type got = n.children[i]->type;
      if (!assignable(got, params[i])) {
        error(*n.children[i], "type-mismatch",
              "argument " + std::to_string(i + 1) + " of " + name + "() must be " +
                  params[i].name() + ", found " + got.name());
        ok = false;
      }
    }
    return ok;
  }

  Type builtin(Node& n) {
    Builtin b;
    find_builtin(n.name, b);
    Type str = of(TypeKind::kString);
    switch (b) {
      case Builtin::kContains:
      case Builtin::kStartsWith:
      case Builtin::kEndsWith: check_args(n, n.name, {str, str}); return of(TypeKind::kBool);
      case Builtin::kMatches:
        if (check_args(n, n.name, {str, str})) check_regex(*n.children[1]);
        return of(TypeKind::kBool);
      case Builtin::kLower:
      case Builtin::kUpper: check_args(n, n.name, {str}); return str;
      case Builtin::kSize: return size(n);
      case Builtin::kTimestamp:
      case Builtin::kDate:
      case Builtin::kDuration:
        if (check_args(n, n.name, {str})) check_time_literal(b, *n.children[0]);
        return of(b == Builtin::kDuration ? TypeKind::kDuration : TypeKind::kTimestamp);
      case Builtin::kNow: check_args(n, n.name, {}); return of(TypeKind::kTimestamp);
    }
    return of(TypeKind::kDyn);
  }

  Type size(Node& n) {
    for (auto& c : n.children) visit(*c);
    if (n.children.size() != 1) {
      error(n, "bad-argument", "size() takes 1 argument, got " + std::to_string(n.children.size()));
    } else {
      Type t = n.children[0]->type;
      if (t.kind != TypeKind::kString && t.kind != TypeKind::kList && !is_dyn(t) &&
          t.kind != TypeKind::kNull)
        error(*n.children[0], "type-mismatch",
              "size() needs a string or a list, found " + t.name());
    }
    return of(TypeKind::kInt);
  }

  void check_regex(const Node& pattern) {
    if (pattern.kind != NodeKind::kLiteral || pattern.literal.kind() != TypeKind::kString) return;
    try {
      std::regex re(pattern.literal_text, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      error(pattern, "bad-argument", "invalid regular expression: " + std::string(e.what()));
    }
  }

  void check_time_literal(Builtin b, const Node& arg) {
    if (arg.kind != NodeKind::kLiteral || arg.literal.kind() != TypeKind::kString) return;
    std::string_view s = arg.literal.as_string();
    bool ok = b == Builtin::kDate        ? parse_date(s).has_value()
              : b == Builtin::kTimestamp ? parse_timestamp(s).has_value()
                                         : parse_duration(s).has_value();
    if (ok) return;
    const char* want = b == Builtin::kDate        ? "a date like \"2026-04-01\""
                       : b == Builtin::kTimestamp ? "a timestamp like \"2026-04-01T09:00:00+09:00\""
                                                  : "a duration like \"90d\" or \"1h30m\"";
    error(arg, "bad-argument",
          std::string(builtin_name(b)) + "(): '" + std::string(s) + "' is not " + want);
  }

  Type unary(Node& n) {
    Type t = visit(*n.children[0]);
    if (is_dyn(t)) return n.op == Op::kNot ? of(TypeKind::kBool) : t;
    if (n.op == Op::kNot) {
      if (t.kind != TypeKind::kBool && t.kind != TypeKind::kNull)
        error(n, "type-mismatch", "operator '!' needs a bool, found " + t.name());
      return of(TypeKind::kBool);
    }
    if (!is_numeric(t.kind) && t.kind != TypeKind::kDuration) {
      error(n, "type-mismatch", "operator '-' needs a number or a duration, found " + t.name());
      return of(TypeKind::kDyn);
    }
    return t;
  }

  Type binary(Node& n) {
    Type a = visit(*n.children[0]);
    Type b = visit(*n.children[1]);
    switch (n.op) {
      case Op::kAnd:
      case Op::kOr: return logical(n, a, b);
      case Op::kEq:
      case Op::kNe: return equality(n, a, b);
      case Op::kLt:
      case Op::kLe:
      case Op::kGt:
      case Op::kGe: return ordering(n, a, b);
      case Op::kIn: return in(n, a, b);
      default: return arithmetic(n, a, b);
    }
  }

  void mismatch(const Node& n, const std::string& what, Type a, Type b) {
    error(n, "type-mismatch", what + " " + a.name() + " with " + b.name());
  }

  Type logical(Node& n, Type a, Type b) {
    for (Type t : {a, b}) {
      if (t.kind != TypeKind::kBool && !is_dyn(t) && t.kind != TypeKind::kNull) {
        error(
            n, "type-mismatch",
            std::string("operator '") + op_text(n.op) + "' needs bool operands, found " + t.name());
        break;
      }
    }
    return of(TypeKind::kBool);
  }

  Type equality(Node& n, Type a, Type b) {
    if (!unify(a, b)) mismatch(n, "cannot compare", a, b);
    return of(TypeKind::kBool);
  }

  Type ordering(Node& n, Type a, Type b) {
    if (is_dyn(a) || is_dyn(b)) return of(TypeKind::kBool);
    bool ok = (is_numeric(a.kind) && is_numeric(b.kind)) ||
              (a == b && (a.kind == TypeKind::kString || a.kind == TypeKind::kDuration ||
                          a.kind == TypeKind::kTimestamp || a.kind == TypeKind::kBool));
    if (!ok) mismatch(n, "cannot order", a, b);
    return of(TypeKind::kBool);
  }

  Type in(Node& n, Type a, Type b) {
    if (is_dyn(b)) return of(TypeKind::kBool);
    if (b.kind != TypeKind::kList) {
      error(n, "type-mismatch", "operator 'in' needs a list on the right, found " + b.name());
    } else if (!unify(a, of(b.elem))) {
      error(n, "type-mismatch", "cannot look for " + a.name() + " in " + b.name());
    }
    return of(TypeKind::kBool);
  }

  Type arithmetic(Node& n, Type a, Type b) {
    if (is_dyn(a) || is_dyn(b)) return of(TypeKind::kDyn);
    TypeKind x = a.kind, y = b.kind;
    using K = TypeKind;
    switch (n.op) {
      case Op::kAdd:
        if (x == K::kString && y == K::kString) return a;
        if (x == K::kTimestamp && y == K::kDuration) return a;
        if (x == K::kDuration && y == K::kTimestamp) return b;
        if (x == K::kDuration && y == K::kDuration) return a;
        break;
      case Op::kSub:
        if (x == K::kTimestamp && y == K::kTimestamp) return of(K::kDuration);
        if (x == K::kTimestamp && y == K::kDuration) return a;
        if (x == K::kDuration && y == K::kDuration) return a;
        break;
      case Op::kMul:
        if (x == K::kDuration && y == K::kInt) return a;
        if (x == K::kInt && y == K::kDuration) return b;
        break;
      case Op::kDiv:
        if (x == K::kDuration && y == K::kInt) return a;
        break;
      case Op::kMod:
        if (x == K::kInt && y == K::kInt) return a;
        mismatch(n, "operator '%' cannot combine", a, b);
        return of(K::kDyn);
      default: break;
    }
    if (is_numeric(x) && is_numeric(y)) return x == y ? a : of(K::kDouble);
    mismatch(n, std::string("operator '") + op_text(n.op) + "' cannot combine", a, b);
    return of(K::kDyn);
  }

  Type list(Node& n) {
    Type elem = of(TypeKind::kNull);
    bool ok = true;
    for (auto& c : n.children) {
      Type t = visit(*c);
      auto u = unify(elem, t);
      if (!u) {
        if (ok) mismatch(*c, "list items must have one type; cannot mix", elem, t);
        ok = false;
        continue;
      }
      elem = *u;
    }
    if (!ok || elem.kind == TypeKind::kNull) return Type::list_of(TypeKind::kDyn);
    return Type::list_of(elem.kind);
  }

  Type ternary(Node& n) {
    Type c = visit(*n.children[0]);
    Type a = visit(*n.children[1]);
    Type b = visit(*n.children[2]);
    if (c.kind != TypeKind::kBool && !is_dyn(c) && c.kind != TypeKind::kNull)
      error(n, "type-mismatch", "the condition of '?:' must be bool, found " + c.name());
    auto u = unify(a, b);
    if (!u) {
      mismatch(n, "the branches of '?:' differ:", a, b);
      return of(TypeKind::kDyn);
    }
    return *u;
  }

  const Schema& schema_;
};

}  // namespace

bool assignable(Type from, Type to) {
  if (is_dyn(from) || is_dyn(to) || from.kind == TypeKind::kNull) return true;
  if (from == to) return true;
  if (from.kind == TypeKind::kInt && to.kind == TypeKind::kDouble) return true;
  if (from.kind == TypeKind::kList && to.kind == TypeKind::kList)
    return assignable(of(from.elem), of(to.elem));
  return false;
}

std::vector<CheckError> check(Node& root, const Schema& schema, Type expected) {
  Checker c(schema);
  Type t = c.visit(root);
  if (!assignable(t, expected)) {
    c.error(root, "type-mismatch",
            "the expression must be " + expected.name() + ", found " + t.name());
  }
  return std::move(c.errors);
}

}  // namespace revarch::expr
