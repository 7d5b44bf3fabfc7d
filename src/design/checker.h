#pragma once
// The design checker: lints a loaded design like a compiler lints code. Every finding is a
// Diagnostic with a stable code; docs/design-reference.md ("Findings") lists the codes and
// their severities.

#include "common/diagnostic.h"
#include "design/model.h"
#include "expr/value.h"

namespace revarch::design {

struct CheckOptions {
  /// "Today" for review-date findings (midnight UTC of the day).
  expr::Timestamp today;
};

/// Appends every finding about `design` to `*diags` (not sorted). Expressions that failed to
/// compile are skipped (the loader already reported them); a design with a YAML syntax error
/// (Design::parse_failed) is not checked at all. Pure function of its inputs;
/// thread-safe for distinct `diags`.
void check_design(const Design& design, const CheckOptions& options, Diagnostics* diags);

/// The metric names decisions may refer to (the measurement layer computes each).
const std::vector<std::string>& known_metrics();

}  // namespace revarch::design
