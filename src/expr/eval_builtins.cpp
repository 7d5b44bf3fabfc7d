// Evaluation of the language's built-in functions.
#include "expr/eval_nodes.h"
#include "expr/time_text.h"

namespace revarch::expr {

Scratch& EvalCtx::scratch() {
  if (scratch_ == nullptr) {
    thread_local Scratch per_thread;
    scratch_ = &per_thread;
    scratch_->clear();
  }
  return *scratch_;
}

namespace {

Value string_predicate(Builtin b, std::string_view s, std::string_view arg) {
  switch (b) {
    case Builtin::kContains: return s.find(arg) != std::string_view::npos;
    case Builtin::kStartsWith: return s.substr(0, arg.size()) == arg;
    case Builtin::kEndsWith:
      return s.size() >= arg.size() && s.substr(s.size() - arg.size()) == arg;
    default: return {};
  }
}

Value regex_search(std::string_view s, const std::regex& re) {
  return std::regex_search(s.begin(), s.end(), re);
}

// A built-in with evaluated arguments; null in, null out.
class BuiltinNode final : public ENode {
 public:
  BuiltinNode(Builtin b, std::vector<ENodePtr> args) : b_(b), args_(std::move(args)) {}

  Value eval(EvalCtx& ctx) const override {
    if (b_ == Builtin::kNow) return ctx.act.now();
    Value a = args_[0]->eval(ctx);
    if (a.is_null()) return {};
    if (args_.size() == 2) {
      Value b = args_[1]->eval(ctx);
      if (a.kind() != TypeKind::kString || b.kind() != TypeKind::kString) return {};
      if (b_ == Builtin::kMatches) return matches(a.as_string(), b.as_string());
      return string_predicate(b_, a.as_string(), b.as_string());
    }
    return unary(ctx, a);
  }

 private:
  Value unary(EvalCtx& ctx, const Value& a) const {
    if (b_ == Builtin::kSize) {
      if (a.kind() == TypeKind::kList) return static_cast<int64_t>(a.as_list().size());
      if (a.kind() == TypeKind::kString) return utf8_length(a.as_string());
      return {};
    }
    if (a.kind() != TypeKind::kString) return {};
    std::string_view s = a.as_string();
    switch (b_) {
      case Builtin::kLower: return ctx.scratch().keep(change_case(s, false));
      case Builtin::kUpper: return ctx.scratch().keep(change_case(s, true));
      case Builtin::kTimestamp:
        if (auto t = parse_timestamp(s)) return *t;
        return {};
      case Builtin::kDate:
        if (auto t = parse_date(s)) return *t;
        return {};
      case Builtin::kDuration:
        if (auto d = parse_duration(s)) return *d;
        return {};
      default: return {};
    }
  }

  // A pattern known only at run time: compiled on each call (slow; literal patterns are not).
  static Value matches(std::string_view s, std::string_view pattern) {
    try {
      std::regex re{std::string(pattern), std::regex::ECMAScript};
      return regex_search(s, re);
    } catch (const std::regex_error&) {
      return {};
    }
  }

  Builtin b_;
  std::vector<ENodePtr> args_;
};

class MatchesConstNode final : public ENode {
 public:
  MatchesConstNode(ENodePtr text, std::regex re) : text_(std::move(text)), re_(std::move(re)) {}
  Value eval(EvalCtx& ctx) const override {
    Value v = text_->eval(ctx);
    if (v.kind() != TypeKind::kString) return {};
    return regex_search(v.as_string(), re_);
  }

 private:
  ENodePtr text_;
  std::regex re_;
};

}  // namespace

ENodePtr make_builtin(Builtin b, std::vector<ENodePtr> args) {
  return std::make_unique<BuiltinNode>(b, std::move(args));
}

ENodePtr make_matches_const(ENodePtr text, std::string_view pattern) {
  try {
    std::regex re{std::string(pattern), std::regex::ECMAScript};
    return std::make_unique<MatchesConstNode>(std::move(text), std::move(re));
  } catch (const std::regex_error&) {
    return nullptr;
  }
}

}  // namespace revarch::expr
