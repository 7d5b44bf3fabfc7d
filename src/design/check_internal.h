#pragma once
// The checker's finding families (check_*.cpp); internal to the design layer.

#include <functional>
#include <string>
#include <vector>

#include "common/diagnostic.h"
#include "design/checker.h"
#include "design/model.h"

namespace revarch::design {

void check_duplicates(const Design& d, Diagnostics* diags);
void check_stages(const Design& d, Diagnostics* diags);
void check_expressions(const Design& d, Diagnostics* diags);
void check_routing(const Design& d, Diagnostics* diags);
void check_handoffs(const Design& d, Diagnostics* diags);
void check_ownership(const Design& d, const CheckOptions& options, Diagnostics* diags);
void check_references(const Design& d, Diagnostics* diags);

/// Reports "<code>: unknown <kind> '<name>' (did you mean '<closest>'?)" unless `name` is in
/// `known`. Returns true when it is known.
bool check_ref(const std::string& name, const std::vector<std::string>& known, const char* code,
               const char* kind, const SourceLocation& where, Diagnostics* diags);

std::vector<std::string> team_ids(const Design& d);
std::vector<std::string> stage_ids(const Design& d);

/// Where a criterion sits, for the expression checks.
enum class CriterionContext { kSignal, kRouting, kOther };

/// Calls `fn` for every criterion of the design that is present.
void for_each_criterion(
    const Design& d,
    const std::function<void(const Criterion&, CriterionContext, const std::string& owner)>& fn);

}  // namespace revarch::design
