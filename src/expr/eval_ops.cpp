#include "expr/eval_ops.h"

#include <memory>

namespace revarch::expr {
namespace {

bool is_numeric(TypeKind k) {
  return k == TypeKind::kInt || k == TypeKind::kDouble;
}

// <0, 0, >0; false when the values cannot be ordered.
bool order(const Value& a, const Value& b, int& out) {
  TypeKind x = a.kind(), y = b.kind();
  if (x == TypeKind::kInt && y == TypeKind::kInt) {
    out = a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
    return true;
  }
  if (is_numeric(x) && is_numeric(y)) {
    double p = a.as_number(), q = b.as_number();
    if (p != p || q != q) return false;  // NaN orders with nothing
    out = p < q ? -1 : p > q ? 1 : 0;
    return true;
  }
  if (x != y) return false;
  switch (x) {
    case TypeKind::kString: {
      int c = a.as_string().compare(b.as_string());
      out = c < 0 ? -1 : c > 0 ? 1 : 0;
      return true;
    }
    case TypeKind::kDuration:
      out = a.as_duration() < b.as_duration() ? -1 : a.as_duration() > b.as_duration();
      return true;
    case TypeKind::kTimestamp:
      out = a.as_timestamp() < b.as_timestamp() ? -1 : a.as_timestamp() > b.as_timestamp();
      return true;
    case TypeKind::kBool:
      out = static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
      return true;
    default: return false;
  }
}

Value int_arith(Op op, int64_t x, int64_t y) {
  int64_t r = 0;
  switch (op) {
    case Op::kAdd:
      if (__builtin_add_overflow(x, y, &r)) return {};
      return r;
    case Op::kSub:
      if (__builtin_sub_overflow(x, y, &r)) return {};
      return r;
    case Op::kMul:
      if (__builtin_mul_overflow(x, y, &r)) return {};
      return r;
    case Op::kDiv:
      if (y == 0 || (y == -1 && x == INT64_MIN)) return {};
      return x / y;
    case Op::kMod:
      if (y == 0 || (y == -1 && x == INT64_MIN)) return {};
      return x % y;
    default: return {};
  }
}

Value double_arith(Op op, double x, double y) {
  switch (op) {
    case Op::kAdd: return x + y;
    case Op::kSub: return x - y;
    case Op::kMul: return x * y;
    case Op::kDiv:
      if (y == 0) return {};
      return x / y;
    default: return {};
  }
}

// Arithmetic with a duration or timestamp operand (checked types guarantee the shapes).
Value time_arith(Op op, const Value& a, const Value& b) {
  TypeKind x = a.kind(), y = b.kind();
  auto ms = [](const Value& v) {
    return v.kind() == TypeKind::kDuration ? v.as_duration().ms : v.as_timestamp().ms;
  };
  int64_t r = 0;
  if (op == Op::kAdd && (x == TypeKind::kTimestamp) != (y == TypeKind::kTimestamp)) {
    if (x == TypeKind::kInt || y == TypeKind::kInt) return {};
    if (__builtin_add_overflow(ms(a), ms(b), &r)) return {};
    return Timestamp{r};
  }
  if (op == Op::kAdd && x == TypeKind::kDuration && y == TypeKind::kDuration) {
    if (__builtin_add_overflow(ms(a), ms(b), &r)) return {};
    return Duration{r};
  }
  if (op == Op::kSub && x == TypeKind::kTimestamp && y != TypeKind::kInt) {
    if (__builtin_sub_overflow(ms(a), ms(b), &r)) return {};
    if (y == TypeKind::kTimestamp) return Duration{r};
    return Timestamp{r};
  }
  if (op == Op::kSub && x == TypeKind::kDuration && y == TypeKind::kDuration) {
    if (__builtin_sub_overflow(ms(a), ms(b), &r)) return {};
    return Duration{r};
  }
  if ((op == Op::kMul || op == Op::kDiv) && x == TypeKind::kDuration && y == TypeKind::kInt) {
    Value v = int_arith(op, ms(a), b.as_int());
    return v.is_null() ? v : Value(Duration{v.as_int()});
  }
  if (op == Op::kMul && x == TypeKind::kInt && y == TypeKind::kDuration) {
    Value v = int_arith(op, a.as_int(), ms(b));
    return v.is_null() ? v : Value(Duration{v.as_int()});
  }
  return {};
}

}  // namespace

bool values_equal(const Value& a, const Value& b) {
  return a == b;
}

bool compare(Op op, const Value& a, const Value& b) {
  if (a.is_null() || b.is_null()) return false;
  if (op == Op::kEq) return values_equal(a, b);
  if (op == Op::kNe) return !values_equal(a, b);
  int c = 0;
  if (!order(a, b, c)) return false;
  switch (op) {
    case Op::kLt: return c < 0;
    case Op::kLe: return c <= 0;
    case Op::kGt: return c > 0;
    case Op::kGe: return c >= 0;
    default: return false;
  }
}

std::string_view Scratch::keep(std::string s) {
  strings_.push_back(std::move(s));
  return strings_.back();
}

Value arithmetic(Op op, const Value& a, const Value& b, Scratch* scratch) {
  TypeKind x = a.kind(), y = b.kind();
  if (x == TypeKind::kNull || y == TypeKind::kNull) return {};
  if (x == TypeKind::kInt && y == TypeKind::kInt) return int_arith(op, a.as_int(), b.as_int());
  if (is_numeric(x) && is_numeric(y)) return double_arith(op, a.as_number(), b.as_number());
  if (op == Op::kAdd && x == TypeKind::kString && y == TypeKind::kString) {
    if (scratch == nullptr) return {};
    std::string s(a.as_string());
    s += b.as_string();
    return scratch->keep(std::move(s));
  }
  bool timed = x == TypeKind::kDuration || x == TypeKind::kTimestamp || y == TypeKind::kDuration ||
               y == TypeKind::kTimestamp;
  return timed ? time_arith(op, a, b) : Value();
}

Value negate(const Value& a) {
  switch (a.kind()) {
    case TypeKind::kInt:
      if (a.as_int() == INT64_MIN) return {};
      return -a.as_int();
    case TypeKind::kDouble: return -a.as_double();
    case TypeKind::kDuration:
      if (a.as_duration().ms == INT64_MIN) return {};
      return Duration{-a.as_duration().ms};
    default: return {};
  }
}

int64_t utf8_length(std::string_view s) {
  int64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string change_case(std::string_view s, bool upper) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (upper && c >= 'a' && c <= 'z') out[i] = static_cast<char>(c - 32);
    if (!upper && c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
    // Full-width Latin: U+FF21..FF3A (EF BC A1..BA) <-> U+FF41..FF5A (EF BD 81..9A).
    if (c == 0xEF && i + 2 < out.size()) {
      auto b1 = static_cast<unsigned char>(out[i + 1]);
      auto b2 = static_cast<unsigned char>(out[i + 2]);
      if (!upper && b1 == 0xBC && b2 >= 0xA1 && b2 <= 0xBA) {
        out[i + 1] = static_cast<char>(0xBD);
        out[i + 2] = static_cast<char>(b2 - 0xA1 + 0x81);
      } else if (upper && b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A) {
        out[i + 1] = static_cast<char>(0xBC);
        out[i + 2] = static_cast<char>(b2 - 0x81 + 0xA1);
      }
      i += 2;
    }
  }
  return out;
}

Value own_value(const Value& v, std::deque<std::string>& store) {
  if (v.kind() == TypeKind::kString) {
    store.emplace_back(v.as_string());
    return Value(std::string_view(store.back()));
  }
  if (v.kind() == TypeKind::kList) {
    auto items = std::make_shared<ValueList>();
    for (const Value& item : v.as_list()) items->push_back(own_value(item, store));
    return Value(std::shared_ptr<const ValueList>(std::move(items)));
  }
  return v;
}

}  // namespace revarch::expr
