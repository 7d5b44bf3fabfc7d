// Findings about the stage graph: criteria, owners, benchmarks, reachability, dead ends.
#include <set>

#include "design/check_internal.h"

namespace revarch::design {

void check_stages(const Design& d, Diagnostics* diags) {
  if (d.stages.empty()) {
    diags->error("no-stages", "the design has no stages",
                 SourceLocation{d.files.empty() ? "" : d.files[0]});
    return;
  }
  const std::vector<std::string> ids = stage_ids(d);
  const std::vector<std::string> teams = team_ids(d);
  for (const auto& s : d.stages) {
    if (!s.entry.present())
      diags->error("stage-no-entry", "stage '" + s.id + "' has no entry criteria", s.where);
    if (s.owner.empty())
      diags->error("stage-no-owner", "stage '" + s.id + "' has no owner team", s.where);
    else
      check_ref(s.owner, teams, "unknown-team", "team", s.where, diags);
    if (!s.terminal && !s.benchmark.present())
      diags->warning("stage-no-benchmark", "stage '" + s.id + "' has no time benchmark", s.where);
    if (!s.terminal && s.next.empty())
      diags->error(
          "stage-dead-end",
          "stage '" + s.id + "' is never left: it has no 'next' stages and is not terminal",
          s.where);
    for (const auto& [next, where] : s.next)
      check_ref(next, ids, "unknown-stage", "stage", where, diags);
    for (const auto& sub : s.substates) {
      if (!sub.entry.present())
        diags->error("substate-no-entry", "sub-state '" + sub.id + "' has no entry criteria",
                     sub.where);
      if (!sub.benchmark.present() && !s.benchmark.present())
        diags->warning("stage-no-benchmark", "sub-state '" + sub.id + "' has no time benchmark",
                       sub.where);
    }
  }
  // Reachability from the first stage along `next`.
  std::set<std::string> seen = {d.stages.front().id};
  std::vector<const Stage*> todo = {&d.stages.front()};
  while (!todo.empty()) {
    const Stage* s = todo.back();
    todo.pop_back();
    for (const auto& [next, where] : s->next) {
      const Stage* n = d.find_stage(next);
      if (n && seen.insert(n->id).second) todo.push_back(n);
    }
  }
  for (const auto& s : d.stages)
    if (!s.id.empty() && !seen.count(s.id))
      diags->error("stage-unreachable",
                   "stage '" + s.id + "' cannot be reached from the first stage '" +
                       d.stages.front().id + "'",
                   s.where);
}

}  // namespace revarch::design
