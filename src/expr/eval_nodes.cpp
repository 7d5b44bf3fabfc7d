#include "expr/eval_nodes.h"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace revarch::expr {
namespace {

class ConstNode final : public ENode {
 public:
  explicit ConstNode(const Value& v) : value_(own_value(v, strings_)) {}
  Value eval(EvalCtx&) const override { return value_; }
  const Value* constant() const override { return &value_; }

 private:
  std::deque<std::string> strings_;
  Value value_;
};

class FieldNode final : public ENode {
 public:
  explicit FieldNode(FieldSlot slot) : slot_(slot) {}
  Value eval(EvalCtx& ctx) const override { return ctx.act.field(slot_); }

 private:
  FieldSlot slot_;
};

class CallNode final : public ENode {
 public:
  CallNode(FunctionSlot fn, std::vector<ENodePtr> args) : fn_(fn), args_(std::move(args)) {
    for (const auto& a : args_) consts_.push_back(a->constant());
  }
  Value eval(EvalCtx& ctx) const override {
    constexpr size_t kInline = 6;
    if (args_.size() <= kInline) {
      std::array<Value, kInline> buf;
      for (size_t i = 0; i < args_.size(); ++i)
        buf[i] = consts_[i] != nullptr ? *consts_[i] : args_[i]->eval(ctx);
      return ctx.act.call(fn_, std::span<const Value>(buf.data(), args_.size()));
    }
    std::vector<Value> buf;
    buf.reserve(args_.size());
    for (const auto& a : args_) buf.push_back(a->eval(ctx));
    return ctx.act.call(fn_, buf);
  }

 private:
  FunctionSlot fn_;
  std::vector<ENodePtr> args_;
  std::vector<const Value*> consts_;  // literal arguments, read without a virtual call
};

class RecordNode final : public ENode {
 public:
  RecordNode(ENodePtr inner, std::string text) : inner_(std::move(inner)), text_(std::move(text)) {}
  Value eval(EvalCtx& ctx) const override {
    Value v = inner_->eval(ctx);
    if (ctx.seen != nullptr) {
      bool known = std::any_of(ctx.seen->begin(), ctx.seen->end(),
                               [&](const auto& p) { return p.first == text_; });
      if (!known) ctx.seen->emplace_back(text_, v.to_string());
    }
    return v;
  }

 private:
  ENodePtr inner_;
  std::string text_;
};

class NotNode final : public ENode {
 public:
  explicit NotNode(ENodePtr operand) : operand_(std::move(operand)) {}
  Value eval(EvalCtx& ctx) const override {
    switch (truth(operand_->eval(ctx))) {
      case Truth::kTrue: return false;
      case Truth::kFalse: return true;
      case Truth::kNull: return {};
    }
    return {};
  }

 private:
  ENodePtr operand_;
};

class NegNode final : public ENode {
 public:
  explicit NegNode(ENodePtr operand) : operand_(std::move(operand)) {}
  Value eval(EvalCtx& ctx) const override { return negate(operand_->eval(ctx)); }

 private:
  ENodePtr operand_;
};

// n-ary && / ||: the deciding value (false for &&, true for ||) wins and stops evaluation;
// otherwise null if some operand was not a bool, else the other value.
template <bool kIsAnd>
class LogicNode final : public ENode {
 public:
  explicit LogicNode(std::vector<ENodePtr> operands) : operands_(std::move(operands)) {}
  Value eval(EvalCtx& ctx) const override {
    switch (test(ctx)) {
      case Truth::kTrue: return true;
      case Truth::kFalse: return false;
      case Truth::kNull: return {};
    }
    return {};
  }
  Truth test(EvalCtx& ctx) const override {
    constexpr Truth kDecides = kIsAnd ? Truth::kFalse : Truth::kTrue;
    bool unknown = false;
    for (const auto& op : operands_) {
      Truth t = op->test(ctx);
      if (t == kDecides) return kDecides;
      unknown |= t == Truth::kNull;
    }
    if (unknown) return Truth::kNull;
    return kIsAnd ? Truth::kTrue : Truth::kFalse;
  }

 private:
  std::vector<ENodePtr> operands_;
};

class CompareNode final : public ENode {
 public:
  CompareNode(Op op, ENodePtr lhs, ENodePtr rhs)
      : op_(op), lhs_(std::move(lhs)), rhs_(std::move(rhs)) {}
  Value eval(EvalCtx& ctx) const override {
    Value a = lhs_->eval(ctx);
    return compare(op_, a, rhs_->eval(ctx));
  }

 private:
  Op op_;
  ENodePtr lhs_, rhs_;
};

// `x op literal`: the literal is held by value, saving a virtual call.
class CompareConstNode final : public ENode {
 public:
  CompareConstNode(Op op, ENodePtr lhs, const Value& rhs)
      : op_(op), lhs_(std::move(lhs)), rhs_(own_value(rhs, strings_)) {}
  Value eval(EvalCtx& ctx) const override { return test(ctx) == Truth::kTrue; }
  Truth test(EvalCtx& ctx) const override {
    return matches(lhs_->eval(ctx)) ? Truth::kTrue : Truth::kFalse;
  }

 private:
  bool matches(const Value& a) const {
    // Fast paths for the common shapes: int field vs int literal, string vs string.
    if (a.kind() == rhs_.kind()) {
      if (a.kind() == TypeKind::kInt) return ordered(a.as_int(), rhs_.as_int());
      if (a.kind() == TypeKind::kDouble) return ordered(a.as_double(), rhs_.as_double());
      if (a.kind() == TypeKind::kString && (op_ == Op::kEq || op_ == Op::kNe))
        return (a.as_string() == rhs_.as_string()) == (op_ == Op::kEq);
    }
    return compare(op_, a, rhs_);
  }

  template <typename T>
  bool ordered(T x, T y) const {
    switch (op_) {
      case Op::kEq: return x == y;
      case Op::kNe: return x != y;
      case Op::kLt: return x < y;
      case Op::kLe: return x <= y;
      case Op::kGt: return x > y;
      case Op::kGe: return x >= y;
      default: return false;
    }
  }

  Op op_;
  ENodePtr lhs_;
  std::deque<std::string> strings_;
  Value rhs_;
};

class NullTestNode final : public ENode {
 public:
  NullTestNode(bool equal, ENodePtr operand) : equal_(equal), operand_(std::move(operand)) {}
  Value eval(EvalCtx& ctx) const override { return operand_->eval(ctx).is_null() == equal_; }

 private:
  bool equal_;
  ENodePtr operand_;
};

// `x in [literals]`: strings in a set (linear for a few, hashed beyond), others compared.
class InSetNode final : public ENode {
 public:
  InSetNode(ENodePtr lhs, const ValueList& items) : lhs_(std::move(lhs)) {
    for (const Value& v : items) {
      Value owned = own_value(v, strings_);
      if (owned.kind() == TypeKind::kString) {
        strings_small_.push_back(owned.as_string());
      } else if (!owned.is_null()) {
        others_.push_back(owned);
      }
    }
    if (strings_small_.size() > kLinear) {
      strings_hashed_.insert(strings_small_.begin(), strings_small_.end());
    }
  }
  Value eval(EvalCtx& ctx) const override { return test(ctx) == Truth::kTrue; }
  Truth test(EvalCtx& ctx) const override {
    return contains(lhs_->eval(ctx)) ? Truth::kTrue : Truth::kFalse;
  }

 private:
  bool contains(const Value& v) const {
    if (v.kind() == TypeKind::kString) {
      std::string_view s = v.as_string();
      if (strings_small_.size() > kLinear) return strings_hashed_.count(s) > 0;
      for (std::string_view item : strings_small_)
        if (item == s) return true;
      return false;
    }
    if (v.is_null()) return false;
    for (const Value& item : others_)
      if (values_equal(v, item)) return true;
    return false;
  }

  static constexpr size_t kLinear = 8;
  ENodePtr lhs_;
  std::deque<std::string> strings_;
  std::vector<std::string_view> strings_small_;
  std::unordered_set<std::string_view> strings_hashed_;
  std::vector<Value> others_;
};

class InListNode final : public ENode {
 public:
  InListNode(ENodePtr lhs, ENodePtr list) : lhs_(std::move(lhs)), list_(std::move(list)) {}
  Value eval(EvalCtx& ctx) const override {
    Value v = lhs_->eval(ctx);
    Value list = list_->eval(ctx);
    if (v.is_null() || list.kind() != TypeKind::kList) return false;
    for (const Value& item : list.as_list())
      if (!item.is_null() && values_equal(v, item)) return true;
    return false;
  }

 private:
  ENodePtr lhs_, list_;
};

class ArithNode final : public ENode {
 public:
  ArithNode(Op op, ENodePtr lhs, ENodePtr rhs)
      : op_(op), lhs_(std::move(lhs)), rhs_(std::move(rhs)) {}
  Value eval(EvalCtx& ctx) const override {
    Value a = lhs_->eval(ctx);
    Value b = rhs_->eval(ctx);
    bool strings = a.kind() == TypeKind::kString && b.kind() == TypeKind::kString;
    return arithmetic(op_, a, b, strings ? &ctx.scratch() : nullptr);
  }

 private:
  Op op_;
  ENodePtr lhs_, rhs_;
};

class TernaryNode final : public ENode {
 public:
  TernaryNode(ENodePtr cond, ENodePtr yes, ENodePtr no)
      : cond_(std::move(cond)), yes_(std::move(yes)), no_(std::move(no)) {}
  Value eval(EvalCtx& ctx) const override {
    switch (truth(cond_->eval(ctx))) {
      case Truth::kTrue: return yes_->eval(ctx);
      case Truth::kFalse: return no_->eval(ctx);
      case Truth::kNull: return {};
    }
    return {};
  }

 private:
  ENodePtr cond_, yes_, no_;
};

class ListNode final : public ENode {
 public:
  explicit ListNode(std::vector<ENodePtr> items) : items_(std::move(items)) {}
  Value eval(EvalCtx& ctx) const override {
    auto list = std::make_shared<ValueList>();
    list->reserve(items_.size());
    for (const auto& item : items_) list->push_back(item->eval(ctx));
    return Value(std::shared_ptr<const ValueList>(std::move(list)));
  }

 private:
  std::vector<ENodePtr> items_;
};

}  // namespace

ENodePtr make_const(const Value& v) {
  return std::make_unique<ConstNode>(v);
}
ENodePtr make_field(FieldSlot slot) {
  return std::make_unique<FieldNode>(slot);
}
ENodePtr make_domain_call(FunctionSlot fn, std::vector<ENodePtr> args) {
  return std::make_unique<CallNode>(fn, std::move(args));
}
ENodePtr make_record(ENodePtr inner, std::string text) {
  return std::make_unique<RecordNode>(std::move(inner), std::move(text));
}
ENodePtr make_not(ENodePtr operand) {
  return std::make_unique<NotNode>(std::move(operand));
}
ENodePtr make_neg(ENodePtr operand) {
  return std::make_unique<NegNode>(std::move(operand));
}
ENodePtr make_logic(Op op, std::vector<ENodePtr> operands) {
  if (op == Op::kAnd) return std::make_unique<LogicNode<true>>(std::move(operands));
  return std::make_unique<LogicNode<false>>(std::move(operands));
}
ENodePtr make_compare(Op op, ENodePtr lhs, ENodePtr rhs) {
  if (const Value* c = rhs->constant())
    return std::make_unique<CompareConstNode>(op, std::move(lhs), *c);
  return std::make_unique<CompareNode>(op, std::move(lhs), std::move(rhs));
}
ENodePtr make_null_test(bool equal, ENodePtr operand) {
  return std::make_unique<NullTestNode>(equal, std::move(operand));
}
ENodePtr make_in_set(ENodePtr lhs, const ValueList& items) {
  return std::make_unique<InSetNode>(std::move(lhs), items);
}
ENodePtr make_in_list(ENodePtr lhs, ENodePtr list) {
  return std::make_unique<InListNode>(std::move(lhs), std::move(list));
}
ENodePtr make_arith(Op op, ENodePtr lhs, ENodePtr rhs) {
  return std::make_unique<ArithNode>(op, std::move(lhs), std::move(rhs));
}
ENodePtr make_ternary(ENodePtr cond, ENodePtr yes, ENodePtr no) {
  return std::make_unique<TernaryNode>(std::move(cond), std::move(yes), std::move(no));
}
ENodePtr make_list(std::vector<ENodePtr> items) {
  return std::make_unique<ListNode>(std::move(items));
}

}  // namespace revarch::expr
