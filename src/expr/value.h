#pragma once
// Types and runtime values of the expression language (docs/expressions.md).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace revarch::expr {

enum class TypeKind : uint8_t {
  kNull,       // the type of the literal `null`
  kBool,
  kInt,        // int64
  kDouble,
  kString,     // UTF-8
  kDuration,   // `90d`, `4h`, `30m`, `15s`; milliseconds
  kTimestamp,  // `timestamp("2026-04-01T00:00:00Z")`, `date("2026-04-01")`; ms since epoch, UTC
  kList,       // homogeneous list; element type in Type::elem
  kDyn,        // unknown until run time (only for declared fields typed dyn)
};

struct Type {
  TypeKind kind = TypeKind::kDyn;
  TypeKind elem = TypeKind::kDyn;  // element kind when kind == kList

  static Type of(TypeKind k) { return Type{k, TypeKind::kDyn}; }
  static Type list_of(TypeKind e) { return Type{TypeKind::kList, e}; }
  bool operator==(const Type&) const = default;
  /// "int", "string", "list<string>", ...
  std::string name() const;
};

struct Duration {
  int64_t ms = 0;
  auto operator<=>(const Duration&) const = default;
};
struct Timestamp {
  int64_t ms = 0;  // since 1970-01-01T00:00:00Z
  auto operator<=>(const Timestamp&) const = default;
};

class Value;
using ValueList = std::vector<Value>;

/// A run-time value. Cheap to copy: strings are views (borrowed from the Activation, the
/// compiled Program's constants, or the evaluation's scratch space) and lists are shared.
/// A Value returned by Program::eval stays valid until the next eval on the same Program and
/// Activation. `null` stands for an absent field.
class Value {
 public:
  Value() = default;  // null
  Value(bool b) : v_(b) {}                                   // NOLINT
  Value(int64_t i) : v_(i) {}                                // NOLINT
  Value(int i) : v_(static_cast<int64_t>(i)) {}              // NOLINT
  Value(double d) : v_(d) {}                                 // NOLINT
  Value(std::string_view s) : v_(s) {}                       // NOLINT
  Value(const char* s) : v_(std::string_view(s)) {}          // NOLINT
  Value(Duration d) : v_(d) {}                               // NOLINT
  Value(Timestamp t) : v_(t) {}                              // NOLINT
  Value(std::shared_ptr<const ValueList> l) : v_(std::move(l)) {}  // NOLINT

  TypeKind kind() const;
  bool is_null() const { return v_.index() == 0; }
  bool as_bool() const { return std::get<bool>(v_); }
  int64_t as_int() const { return std::get<int64_t>(v_); }
  double as_double() const { return std::get<double>(v_); }
  std::string_view as_string() const { return std::get<std::string_view>(v_); }
  Duration as_duration() const { return std::get<Duration>(v_); }
  Timestamp as_timestamp() const { return std::get<Timestamp>(v_); }
  const ValueList& as_list() const { return *std::get<std::shared_ptr<const ValueList>>(v_); }

  /// Numeric value of an int or double (for mixed arithmetic and comparison).
  double as_number() const;
  /// Human-readable rendering, as used by `explain` ("42", "\"部長\"", "90d", "[1, 2]").
  std::string to_string() const;

  bool operator==(const Value& other) const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string_view, Duration, Timestamp,
               std::shared_ptr<const ValueList>>
      v_;
};

}  // namespace revarch::expr
