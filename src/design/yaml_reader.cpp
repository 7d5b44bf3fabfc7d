#include "design/yaml_reader.h"

#include <algorithm>

#include "design/schema.h"
#include "expr/time_text.h"

namespace revarch::design {
namespace {

const char* kind_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return "a scalar";
    case YAML::NodeType::Null: return "empty";
    case YAML::NodeType::Undefined: return "missing";
  }
  return "unknown";
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

int Reader::code_point_column(const YAML::Mark& m) const {
  // yaml-cpp counts columns in bytes; diagnostics count characters, as editors do, so that a
  // position after Japanese text on the same line is right.
  if (m.pos < 0 || static_cast<size_t>(m.pos) > text_.size()) return m.column + 1;
  size_t end = static_cast<size_t>(m.pos);
  size_t start = text_.rfind('\n', end == 0 ? 0 : end - 1);
  start = (start == std::string_view::npos || end == 0) ? 0 : start + 1;
  int column = 1;
  for (size_t i = start; i < end; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

SourceLocation Reader::loc(const YAML::Node& n) const {
  SourceLocation where;
  where.file = file_;
  if (n.IsDefined()) {
    YAML::Mark m = n.Mark();
    if (m.line >= 0) {
      where.line = m.line + 1;
      where.column = code_point_column(m);
    }
  }
  return where;
}

void Reader::error(std::string code, std::string message, const YAML::Node& at) {
  error(std::move(code), std::move(message), loc(at));
}
void Reader::error(std::string code, std::string message, SourceLocation at) {
  diags_->error(std::move(code), std::move(message), std::move(at));
}

bool Reader::expect_map(const YAML::Node& n, std::string_view what) {
  if (n.IsMap()) return true;
  error("bad-type", std::string(what) + " must be a mapping, not " + kind_name(n), n);
  return false;
}
bool Reader::expect_seq(const YAML::Node& n, std::string_view what) {
  if (n.IsSequence()) return true;
  error("bad-type", std::string(what) + " must be a list, not " + kind_name(n), n);
  return false;
}
bool Reader::expect_scalar(const YAML::Node& n, std::string_view what) {
  if (n.IsScalar()) return true;
  error("bad-type", std::string(what) + " must be a single value, not " + kind_name(n), n);
  return false;
}

void Reader::check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                        std::string_view what) {
  std::vector<std::string> names(allowed.begin(), allowed.end());
  std::vector<std::string> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (!it->first.IsScalar()) {
      error("bad-type", "keys in " + std::string(what) + " must be names", it->first);
      continue;
    }
    const std::string& key = it->first.Scalar();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      error("duplicate-key", "key '" + key + "' appears twice in " + std::string(what), it->first);
      continue;
    }
    seen.push_back(key);
    bool known = false;
    for (auto a : allowed) known = known || key == a;
    if (known) continue;
    std::string msg = "unknown key '" + key + "' in " + std::string(what);
    std::string hint = closest_match(key, names);
    if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
    error("unknown-key", msg, it->first);
  }
}

std::optional<std::string> Reader::string_of(const YAML::Node& n, std::string_view what) {
  if (!expect_scalar(n, what)) return std::nullopt;
  return n.Scalar();
}

std::optional<int> Reader::int_of(const YAML::Node& n, std::string_view what) {
  if (!expect_scalar(n, what)) return std::nullopt;
  int v = 0;
  if (!YAML::convert<int>::decode(n, v)) {
    error("bad-value", std::string(what) + " must be a whole number, not '" + n.Scalar() + "'", n);
    return std::nullopt;
  }
  return v;
}

bool Reader::read_string(const YAML::Node& map, const char* key, std::string* out, bool required) {
  YAML::Node n = map[key];
  if (!n.IsDefined() || n.IsNull()) {
    if (required) error("missing-key", std::string("missing required key '") + key + "'", map);
    return false;
  }
  auto s = string_of(n, std::string("'") + key + "'");
  if (!s) return false;
  *out = *s;
  return true;
}

bool Reader::read_int(const YAML::Node& map, const char* key, int* out, int min, int max) {
  YAML::Node n = map[key];
  if (!n.IsDefined() || n.IsNull()) return false;
  auto v = int_of(n, std::string("'") + key + "'");
  if (!v) return false;
  if (*v < min || *v > max) {
    error("bad-value",
          std::string("'") + key + "' must be between " + std::to_string(min) + " and " +
              std::to_string(max) + ", not " + std::to_string(*v),
          n);
    return false;
  }
  *out = *v;
  return true;
}

bool Reader::read_double(const YAML::Node& map, const char* key, double* out, double min,
                         double max) {
  YAML::Node n = map[key];
  if (!n.IsDefined() || n.IsNull()) return false;
  if (!expect_scalar(n, std::string("'") + key + "'")) return false;
  double v = 0;
  if (!YAML::convert<double>::decode(n, v) || !(v >= min && v <= max)) {
    error("bad-value",
          std::string("'") + key + "' must be a number between " + std::to_string(min) + " and " +
              std::to_string(max) + ", not '" + n.Scalar() + "'",
          n);
    return false;
  }
  *out = v;
  return true;
}

bool Reader::read_bool(const YAML::Node& map, const char* key, bool* out) {
  YAML::Node n = map[key];
  if (!n.IsDefined() || n.IsNull()) return false;
  if (!expect_scalar(n, std::string("'") + key + "'")) return false;
  bool v = false;
  if (!YAML::convert<bool>::decode(n, v)) {
    error("bad-value", std::string("'") + key + "' must be true or false, not '" + n.Scalar() + "'",
          n);
    return false;
  }
  *out = v;
  return true;
}

std::optional<expr::Duration> Reader::duration_of(const YAML::Node& n) {
  if (!expect_scalar(n, "a duration")) return std::nullopt;
  auto d = expr::parse_duration(n.Scalar());
  if (!d || d->ms <= 0) {
    error("bad-value", "'" + n.Scalar() + "' is not a positive duration (e.g. 90d, 8h, 30m)", n);
    return std::nullopt;
  }
  return d;
}

bool Reader::read_duration(const YAML::Node& map, const char* key,
                           std::optional<expr::Duration>* out) {
  YAML::Node n = map[key];
  if (!n.IsDefined() || n.IsNull()) return false;
  auto d = duration_of(n);
  if (!d) return false;
  *out = d;
  return true;
}

bool Reader::read_date(const YAML::Node& map, const char* key,
                       std::optional<expr::Timestamp>* out) {
  YAML::Node n = map[key];
  if (!n.IsDefined() || n.IsNull()) return false;
  if (!expect_scalar(n, std::string("'") + key + "'")) return false;
  auto t = expr::parse_date(n.Scalar());
  if (!t) {
    error("bad-value",
          std::string("'") + key + "' must be a date YYYY-MM-DD, not '" + n.Scalar() + "'", n);
    return false;
  }
  *out = t;
  return true;
}

bool Reader::read_string_list(const YAML::Node& map, const char* key,
                              std::vector<std::pair<std::string, SourceLocation>>* out) {
  YAML::Node n = map[key];
  if (!n.IsDefined() || n.IsNull()) return false;
  if (!expect_seq(n, std::string("'") + key + "'")) return false;
  for (const auto& item : n) {
    auto s = string_of(item, std::string("an item of '") + key + "'");
    if (s) out->emplace_back(*s, loc(item));
  }
  return true;
}

bool Reader::read_string_list(const YAML::Node& map, const char* key,
                              std::vector<std::string>* out) {
  std::vector<std::pair<std::string, SourceLocation>> items;
  if (!read_string_list(map, key, &items)) return false;
  for (auto& [s, where] : items) out->push_back(std::move(s));
  return true;
}

void Reader::bad_enum(const YAML::Node& n, const char* key, const std::string& text,
                      const std::vector<std::string>& names) {
  std::string msg =
      std::string("'") + key + "' must be one of " + join(names) + ", not '" + text + "'";
  std::string hint = closest_match(text, names);
  if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
  error("bad-value", msg, n);
}

Criterion Reader::read_criterion(const YAML::Node& map, const char* key, bool required) {
  Criterion c;
  YAML::Node n = map[key];
  if (!n.IsDefined() || n.IsNull()) {
    if (required) error("missing-key", std::string("missing required key '") + key + "'", map);
    return c;
  }
  auto text = string_of(n, std::string("'") + key + "'");
  if (!text) return c;
  c.text = *text;
  c.where = loc(n);
  // Where the expression's first character is: after a quote, or on the first content line of
  // a block scalar (`|`, `>`), whose indentation is also where its later lines start.
  YAML::Mark m = n.Mark();
  char lead = (m.pos >= 0 && static_cast<size_t>(m.pos) < text_.size()) ? text_[m.pos] : '\0';
  if (lead == '"' || lead == '\'') {
    c.where.column += 1;
    c.continuation_column = c.where.column;
  } else if (lead == '|' || lead == '>') {
    size_t p = text_.find('\n', static_cast<size_t>(m.pos));
    int line = c.where.line;
    while (p != std::string_view::npos) {
      ++line;
      size_t start = p + 1;
      size_t indent = 0;
      while (start + indent < text_.size() && text_[start + indent] == ' ') ++indent;
      size_t eol = text_.find('\n', start);
      bool blank = start + indent >= text_.size() || text_[start + indent] == '\n' ||
                   text_[start + indent] == '\r';
      if (!blank || eol == std::string_view::npos) {
        c.where.line = line;
        c.where.column = static_cast<int>(indent) + 1;
        break;
      }
      p = eol;
    }
    c.continuation_column = c.where.column;
  } else {
    c.continuation_column = c.where.column;
  }
  expr::CompileOptions opts;
  opts.origin = c.where;
  opts.continuation_column = c.continuation_column;
  auto program = expr::compile(c.text, standard_schema(), opts, diags_);
  if (program) c.program = std::make_shared<const expr::Program>(std::move(program).value());
  return c;
}

}  // namespace revarch::design
