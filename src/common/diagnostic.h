#pragma once
// Compiler-style findings: "architecture.yaml:42:17: error: unknown field 'contact.titel'
// (did you mean 'contact.title'?) [unknown-field]". Used by the design checker, the expression
// compiler and the ingest quarantine summary.

#include <string>
#include <vector>

#include "common/source_location.h"

namespace revarch {

enum class Severity { kError, kWarning, kNote };

const char* severity_name(Severity s);  // "error", "warning", "note"

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string code;  // stable kebab-case id, e.g. "unknown-field", "stage-unreachable"
  std::string message;
  SourceLocation where;

  /// "file:line:col: error: message [code]"
  std::string to_string() const;
};

/// An ordered list of diagnostics. Not thread-safe.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string code, std::string message, SourceLocation where = {});
  void warning(std::string code, std::string message, SourceLocation where = {});
  void note(std::string code, std::string message, SourceLocation where = {});
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  bool empty() const { return items_.empty(); }
  size_t error_count() const;
  size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  /// Stable order: by file, line, column, then insertion order.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

/// Closest candidate by edit distance, for "did you mean" hints; empty when none is close
/// enough (distance > max(2, len/3)).
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

/// Levenshtein distance over bytes.
size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace revarch
