#pragma once
// Where something is in an input: a design file, a CSV row, an expression.

#include <string>

namespace revarch {

/// A position in an input. line and column count from 1; 0 means unknown. For tabular inputs
/// `row` is the 1-based data row (header excluded) and `field` the column name, when known.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  long long row = 0;
  std::string field;

  bool known() const { return !file.empty() || line > 0; }
  /// "file:line:col" with unknown parts left out ("file", "file:12", "file:12:3").
  std::string to_string() const;
  bool operator==(const SourceLocation&) const = default;
};

}  // namespace revarch
