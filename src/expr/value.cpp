#include "expr/value.h"

#include <fmt/format.h>

#include "expr/time_text.h"

namespace revarch::expr {
namespace {

const char* kind_name(TypeKind k) {
  switch (k) {
    case TypeKind::kNull: return "null";
    case TypeKind::kBool: return "bool";
    case TypeKind::kInt: return "int";
    case TypeKind::kDouble: return "double";
    case TypeKind::kString: return "string";
    case TypeKind::kDuration: return "duration";
    case TypeKind::kTimestamp: return "timestamp";
    case TypeKind::kList: return "list";
    case TypeKind::kDyn: return "dyn";
  }
  return "dyn";
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string format_double(double d) {
  std::string s = fmt::format("{}", d);
  if (s.find_first_of(".eEn") == std::string::npos) s += ".0";  // "40" -> "40.0"; not inf/nan
  return s;
}

}  // namespace

std::string Type::name() const {
  if (kind == TypeKind::kList) return std::string("list<") + kind_name(elem) + ">";
  return kind_name(kind);
}

TypeKind Value::kind() const {
  static constexpr TypeKind kKinds[] = {
      TypeKind::kNull,   TypeKind::kBool,     TypeKind::kInt,       TypeKind::kDouble,
      TypeKind::kString, TypeKind::kDuration, TypeKind::kTimestamp, TypeKind::kList};
  return kKinds[v_.index()];
}

double Value::as_number() const {
  if (const auto* i = std::get_if<int64_t>(&v_)) return static_cast<double>(*i);
  return std::get<double>(v_);
}

std::string Value::to_string() const {
  switch (kind()) {
    case TypeKind::kNull: return "null";
    case TypeKind::kBool: return as_bool() ? "true" : "false";
    case TypeKind::kInt: return std::to_string(as_int());
    case TypeKind::kDouble: return format_double(as_double());
    case TypeKind::kString: return quote(as_string());
    case TypeKind::kDuration: return format_duration(as_duration());
    case TypeKind::kTimestamp: return "timestamp(\"" + format_timestamp(as_timestamp()) + "\")";
    case TypeKind::kList: {
      std::string out = "[";
      const ValueList& items = as_list();
      for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ", ";
        out += items[i].to_string();
      }
      return out + "]";
    }
    case TypeKind::kDyn: break;
  }
  return "null";
}

bool Value::operator==(const Value& other) const {
  TypeKind a = kind(), b = other.kind();
  bool a_num = a == TypeKind::kInt || a == TypeKind::kDouble;
  bool b_num = b == TypeKind::kInt || b == TypeKind::kDouble;
  if (a_num && b_num && a != b) return as_number() == other.as_number();
  if (a != b) return false;
  if (a == TypeKind::kList) {
    const ValueList& x = as_list();
    const ValueList& y = other.as_list();
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (!(x[i] == y[i])) return false;
    return true;
  }
  return v_ == other.v_;
}

}  // namespace revarch::expr
