// Findings inside expressions: conditions that can never hold, references by name (definitions,
// signals, stages, sub-states) that do not exist, event fields outside signal definitions.
#include "design/check_internal.h"
#include "design/schema.h"
#include "expr/analysis.h"

namespace revarch::design {
namespace {

struct Names {
  std::vector<std::string> definitions, signals, stages, substates;
};

Names names_of(const Design& d) {
  Names n;
  for (const auto& def : d.definitions) n.definitions.push_back(def.name);
  for (const auto& s : d.signals) n.signals.push_back(s.id);
  for (const auto& s : d.stages) {
    n.stages.push_back(s.id);
    for (const auto& sub : s.substates) n.substates.push_back(sub.id);
  }
  return n;
}

const expr::Node* string_arg(const expr::Node& call) {
  if (call.children.empty()) return nullptr;
  const expr::Node* a = call.children[0].get();
  if (a->kind != expr::NodeKind::kLiteral || a->literal.kind() != expr::TypeKind::kString)
    return nullptr;
  return a;
}

void walk(const expr::Node& n, const Criterion& c, CriterionContext ctx, const Names& names,
          Diagnostics* diags) {
  if (n.kind == expr::NodeKind::kField && ctx != CriterionContext::kSignal &&
      n.name.rfind("event.", 0) == 0)
    diags->error("event-field-outside-signal",
                 "'" + n.name + "' is only available in signal definitions (signals[].when)",
                 c.at(n.pos));
  if (n.kind == expr::NodeKind::kCall && !n.builtin) {
    if (const expr::Node* arg = string_arg(n)) {
      std::string value(arg->literal.as_string());
      SourceLocation where = c.at(arg->pos);
      if (n.name == kFnDef)
        check_ref(value, names.definitions, "unknown-definition", "definition", where, diags);
      else if (n.name == kFnSignalsCount || n.name == kFnSignalsLast)
        check_ref(value, names.signals, "unknown-signal", "signal", where, diags);
      else if (n.name == kFnStageIs)
        check_ref(value, names.stages, "unknown-stage", "stage", where, diags);
      else if (n.name == kFnInSubstate)
        check_ref(value, names.substates, "unknown-substate", "sub-state", where, diags);
      else if (n.name == kFnSignalsCountIntent)
        check_ref(value, {"high", "medium", "low"}, "unknown-intent", "intent", where, diags);
    }
  }
  for (const auto& child : n.children) walk(*child, c, ctx, names, diags);
}

}  // namespace

void check_expressions(const Design& d, Diagnostics* diags) {
  const Names names = names_of(d);
  for_each_criterion(d, [&](const Criterion& c, CriterionContext ctx, const std::string& owner) {
    if (!c.compiled()) return;
    const expr::Node& ast = c.program->ast();
    walk(ast, c, ctx, names, diags);
    if (!expr::is_satisfiable(ast))
      diags->error("never-true", "the condition of " + owner + " can never be true", c.where);
  });
}

}  // namespace revarch::design
