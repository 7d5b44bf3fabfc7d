#pragma once
// Reading typed values out of yaml-cpp nodes, with every problem reported as a diagnostic at
// the node's file:line:col. Internal to the design loader (design/load_*.cpp).
//
// Conventions: read_* functions return true when the key was present and valid; when it is
// absent they leave *out unchanged and return false (reporting "missing-key" only if
// `required`); when it is present but invalid they report "bad-value" and return false.
// Not thread-safe (appends to one Diagnostics).

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/diagnostic.h"
#include "design/model.h"

namespace revarch::design {

template <typename E>
using EnumTable = std::initializer_list<std::pair<const char*, E>>;

class Reader {
 public:
  /// `text` is the file's content (kept by reference: it must outlive the Reader); it is used
  /// to locate expressions inside quoted and block scalars.
  Reader(std::string file, std::string_view text, Diagnostics* diags)
      : file_(std::move(file)), text_(text), diags_(diags) {}

  const std::string& file() const { return file_; }
  SourceLocation loc(const YAML::Node& n) const;
  void error(std::string code, std::string message, const YAML::Node& at);
  void error(std::string code, std::string message, SourceLocation at);

  /// Reports "bad-type" unless `n` is a mapping / sequence / scalar; `what` names it.
  bool expect_map(const YAML::Node& n, std::string_view what);
  bool expect_seq(const YAML::Node& n, std::string_view what);
  bool expect_scalar(const YAML::Node& n, std::string_view what);
  /// Reports "unknown-key" (with a "did you mean") for every key of `map` not in `allowed`.
  void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                  std::string_view what);

  bool read_string(const YAML::Node& map, const char* key, std::string* out, bool required = false);
  bool read_int(const YAML::Node& map, const char* key, int* out, int min, int max);
  bool read_double(const YAML::Node& map, const char* key, double* out, double min, double max);
  bool read_bool(const YAML::Node& map, const char* key, bool* out);
  bool read_duration(const YAML::Node& map, const char* key, std::optional<expr::Duration>* out);
  bool read_date(const YAML::Node& map, const char* key, std::optional<expr::Timestamp>* out);
  bool read_string_list(const YAML::Node& map, const char* key,
                        std::vector<std::pair<std::string, SourceLocation>>* out);
  bool read_string_list(const YAML::Node& map, const char* key, std::vector<std::string>* out);

  /// A scalar as a duration ("90d"); reports "bad-value" when it is not one.
  std::optional<expr::Duration> duration_of(const YAML::Node& n);
  /// The string of a scalar node; reports "bad-type" when it is not a scalar.
  std::optional<std::string> string_of(const YAML::Node& n, std::string_view what);
  std::optional<int> int_of(const YAML::Node& n, std::string_view what);

  template <typename E>
  bool read_enum(const YAML::Node& map, const char* key, E* out, EnumTable<E> table,
                 bool required = false) {
    std::string text;
    if (!read_string(map, key, &text, required)) return false;
    std::vector<std::string> names;
    for (const auto& [name, value] : table) {
      if (text == name) {
        *out = value;
        return true;
      }
      names.emplace_back(name);
    }
    bad_enum(map[key], key, text, names);
    return false;
  }

  /// Reads `key` as an expression and compiles it against the standard schema; compile errors
  /// are reported at their file positions. Absent key: an empty Criterion (and "missing-key"
  /// when `required`).
  Criterion read_criterion(const YAML::Node& map, const char* key, bool required = false);

 private:
  void bad_enum(const YAML::Node& n, const char* key, const std::string& text,
                const std::vector<std::string>& names);

  std::string file_;
  std::string_view text_;
  int code_point_column(const YAML::Mark& m) const;
  Diagnostics* diags_;
};

}  // namespace revarch::design
