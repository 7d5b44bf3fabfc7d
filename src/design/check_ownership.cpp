// Findings about the ownership map: unknown elements, missing owners, unknown people and
// teams, reviews past due.
#include "design/check_internal.h"
#include "expr/time_text.h"

namespace revarch::design {
namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;

std::vector<std::string> element_names(const Design& d) {
  std::vector<std::string> out = {"market",   "sources",     "identity",    "identity.titles",
                                  "signals",  "scoring",     "scoring.fit", "scoring.engagement",
                                  "stages",   "definitions", "routing",     "handoffs",
                                  "decisions"};
  for (const auto& s : d.sources.tools) out.push_back("sources." + s.name);
  for (const auto& s : d.signals) out.push_back("signals." + s.id);
  for (const auto& s : d.stages) {
    out.push_back("stages." + s.id);
    for (const auto& sub : s.substates) out.push_back("stages." + s.id + ".substates." + sub.id);
  }
  for (const auto& def : d.definitions) out.push_back("definitions." + def.name);
  for (const auto& r : d.routing) out.push_back("routing." + r.id);
  for (const auto& h : d.handoffs) out.push_back("handoffs." + h.id);
  for (const auto& x : d.decisions) out.push_back("decisions." + x.id);
  return out;
}

std::string date_text(expr::Timestamp t) {
  return expr::format_timestamp(t).substr(0, 10);
}

}  // namespace

void check_ownership(const Design& d, const CheckOptions& options, Diagnostics* diags) {
  const std::vector<std::string> elements = element_names(d);
  const std::vector<std::string> teams = team_ids(d);
  for (const auto& o : d.ownership) {
    if (!o.element.empty())
      check_ref(o.element, elements, "unknown-element", "design element", o.element_where, diags);
    if (o.owner.empty()) {
      diags->error("owner-missing", "'" + o.element + "' has no owner in the ownership map",
                   o.where);
    } else if (!d.is_member(o.owner)) {
      diags->error("unknown-owner", "unknown owner '" + o.owner + "': not a member of any team",
                   o.owner_where);
    }
    if (!o.team.empty()) check_ref(o.team, teams, "unknown-team", "team", o.team_where, diags);
    if (!o.review_every || !o.last_reviewed) {
      diags->warning("review-missing",
                     "'" + o.element + "' needs 'review_every' and 'last_reviewed'", o.where);
      continue;
    }
    // A review is due `review_every` after the last one, rounded up to whole days.
    int64_t every_days = (o.review_every->ms + kDayMs - 1) / kDayMs;
    expr::Timestamp due{o.last_reviewed->ms + every_days * kDayMs};
    if (due.ms < options.today.ms)
      diags->warning("review-overdue",
                     "'" + o.element + "' was last reviewed " + date_text(*o.last_reviewed) +
                         "; its review was due " + date_text(due),
                     o.where);
  }
}

}  // namespace revarch::design
