#pragma once
// Helpers for the expression layer's tests: a small schema like the design layer's, and an
// Activation backed by a map. Header-only; used by *_test.cpp and the fuzz target.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "expr/expr.h"

namespace revarch::expr::testing {

inline Schema make_test_schema() {
  Schema s;
  s.add_field("contact.title", Type::of(TypeKind::kString));
  s.add_field("contact.country", Type::of(TypeKind::kString));
  s.add_field("contact.email", Type::of(TypeKind::kString));
  s.add_field("contact.created_at", Type::of(TypeKind::kTimestamp));
  s.add_field("contact.tags", Type::list_of(TypeKind::kString));
  s.add_field("contact.opted_in", Type::of(TypeKind::kBool));
  s.add_field("account.employees", Type::of(TypeKind::kInt));
  s.add_field("account.name", Type::of(TypeKind::kString));
  s.add_field("account.industry", Type::of(TypeKind::kString));
  s.add_field("deal.amount", Type::of(TypeKind::kDouble));
  s.add_field("deal.age", Type::of(TypeKind::kDuration));
  s.add_field("score.engagement", Type::of(TypeKind::kDouble));
  s.add_field("score.fit", Type::of(TypeKind::kInt));
  s.add_field("signal.intent", Type::of(TypeKind::kString));
  s.add_field("committee.engaged", Type::of(TypeKind::kInt));
  s.add_field("a.x", Type::of(TypeKind::kString));
  s.add_field("x", Type::of(TypeKind::kString));
  s.add_field("extra", Type::of(TypeKind::kDyn));
  s.add_function("signals.count", {Type::of(TypeKind::kString), Type::of(TypeKind::kDuration)},
                 Type::of(TypeKind::kInt));
  s.add_function("days_in_stage", {}, Type::of(TypeKind::kInt));
  s.add_function("business_days_since", {Type::of(TypeKind::kTimestamp)}, Type::of(TypeKind::kInt));
  return s;
}

/// Field values by path; signals.count answers from `signal_counts` keyed by "name/ms",
/// days_in_stage from `days`, business_days_since counts whole days from `now`.
class MapActivation : public Activation {
 public:
  explicit MapActivation(const Schema& schema) : schema_(schema) {}

  MapActivation& set(const std::string& path, Value v) {
    const FieldDecl* f = schema_.find_field(path);
    if (f != nullptr) values_[f->slot] = own(v);
    return *this;
  }
  MapActivation& set_list(const std::string& path, const std::vector<std::string>& items) {
    auto list = std::make_shared<ValueList>();
    for (const auto& s : items) list->push_back(own(Value(std::string_view(s))));
    return set(path, Value(std::shared_ptr<const ValueList>(list)));
  }
  std::map<std::string, int64_t> signal_counts;
  int64_t days = 0;
  Timestamp now_ts{0};

  Value field(FieldSlot slot) const override {
    auto it = values_.find(slot);
    return it == values_.end() ? Value() : it->second;
  }
  Value call(FunctionSlot fn, std::span<const Value> args) const override {
    const std::string& name = schema_.functions()[fn].name;
    if (name == "signals.count") {
      if (args[0].is_null() || args[1].is_null()) return {};
      auto key = std::string(args[0].as_string()) + "/" + std::to_string(args[1].as_duration().ms);
      auto it = signal_counts.find(key);
      return it == signal_counts.end() ? Value(0) : Value(it->second);
    }
    if (name == "days_in_stage") return Value(days);
    if (name == "business_days_since") {
      if (args[0].is_null()) return {};
      return Value((now_ts.ms - args[0].as_timestamp().ms) / 86'400'000);
    }
    return {};
  }
  Timestamp now() const override { return now_ts; }

 private:
  Value own(const Value& v) {
    if (v.kind() == TypeKind::kString) {
      strings_.push_back(std::make_unique<std::string>(v.as_string()));
      return Value(std::string_view(*strings_.back()));
    }
    return v;
  }
  const Schema& schema_;
  std::map<FieldSlot, Value> values_;
  std::vector<std::unique_ptr<std::string>> strings_;
};

}  // namespace revarch::expr::testing
