// Findings about names used across sections: definition cycles, conflict rules naming unknown
// sources, scoring weights naming unknown signals, decisions naming unknown metrics, and owner
// teams of definitions and decisions.
#include <functional>
#include <map>
#include <set>

#include "design/check_internal.h"
#include "design/schema.h"

namespace revarch::design {
namespace {

void collect_defs(const expr::Node& n, std::vector<std::string>* out) {
  if (n.kind == expr::NodeKind::kCall && !n.builtin && n.name == kFnDef && !n.children.empty() &&
      n.children[0]->kind == expr::NodeKind::kLiteral &&
      n.children[0]->literal.kind() == expr::TypeKind::kString)
    out->emplace_back(n.children[0]->literal.as_string());
  for (const auto& c : n.children) collect_defs(*c, out);
}

void check_definition_cycles(const Design& d, Diagnostics* diags) {
  std::map<std::string, std::vector<std::string>> uses;
  for (const auto& def : d.definitions)
    if (def.expr.compiled()) collect_defs(def.expr.program->ast(), &uses[def.name]);
  // 0 = unvisited, 1 = on the path, 2 = done.
  std::map<std::string, int> state;
  std::set<std::string> reported;
  std::function<bool(const std::string&, std::vector<std::string>*)> dfs =
      [&](const std::string& name, std::vector<std::string>* path) -> bool {
    int& st = state[name];
    if (st == 1) {
      path->push_back(name);
      return true;
    }
    if (st == 2) return false;
    st = 1;
    path->push_back(name);
    for (const auto& next : uses[name])
      if (dfs(next, path)) return true;
    path->pop_back();
    state[name] = 2;
    return false;
  };
  for (const auto& def : d.definitions) {
    std::vector<std::string> path;
    if (state[def.name] == 0 && dfs(def.name, &path)) {
      std::string chain;
      for (const auto& p : path) chain += (chain.empty() ? "" : " -> ") + p;
      const Definition* first = d.find_definition(path.back());
      if (first && reported.insert(first->name).second)
        diags->error("definition-cycle", "definitions refer to each other in a cycle: " + chain,
                     first->where);
    }
  }
}

}  // namespace

void check_references(const Design& d, Diagnostics* diags) {
  check_definition_cycles(d, diags);
  std::vector<std::string> tools;
  for (const auto& t : d.sources.tools) tools.push_back(t.name);
  for (const auto& c : d.sources.conflicts)
    for (const auto& s : c.order) check_ref(s, tools, "unknown-source", "source", c.where, diags);
  std::vector<std::string> signals;
  for (const auto& s : d.signals) signals.push_back(s.id);
  for (size_t i = 0; i < d.scoring.signal_weights.size(); ++i)
    check_ref(d.scoring.signal_weights[i].first, signals, "unknown-signal", "signal",
              d.scoring.signal_weight_where[i], diags);
  const std::vector<std::string> teams = team_ids(d);
  for (const auto& def : d.definitions)
    if (!def.owner.empty()) check_ref(def.owner, teams, "unknown-team", "team", def.where, diags);
  for (const auto& x : d.decisions) {
    if (!x.owner.empty()) check_ref(x.owner, teams, "unknown-team", "team", x.where, diags);
    for (const auto& [metric, where] : x.metrics)
      check_ref(metric, known_metrics(), "unknown-metric", "metric", where, diags);
  }
}

}  // namespace revarch::design
