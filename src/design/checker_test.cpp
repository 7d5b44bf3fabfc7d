#include "design/checker.h"

#include <gtest/gtest.h>

#include "design/loader.h"
#include "expr/time_text.h"

namespace revarch::design {
namespace {

constexpr const char* kBase =
    "owners:\n"
    "  teams: [{id: t, members: [p]}]\n"
    "  map: [{element: stages.a, owner: p, team: t, review_every: 30d, "
    "last_reviewed: 2026-10-01}]\n"
    "stages:\n"
    "  - {id: a, owner: t, entry: score.fit > 1, terminal: true}\n";

std::vector<std::string> codes_on(const std::string& text, const char* today) {
  Diagnostics diags;
  Design d = load_design_from_string(text, "a.yaml", &diags);
  check_design(d, CheckOptions{*expr::parse_date(today)}, &diags);
  std::vector<std::string> out;
  for (const auto& item : diags.items()) out.push_back(item.code);
  return out;
}

TEST(Checker, ReviewIsOverdueOnlyAfterItsDueDay) {
  // 2026-10-01 + 30 days = 2026-10-31.
  EXPECT_TRUE(codes_on(kBase, "2026-10-31").empty());
  EXPECT_EQ(codes_on(kBase, "2026-11-01"), std::vector<std::string>{"review-overdue"});
}

TEST(Checker, PartialDesignIsNotChecked) {
  EXPECT_EQ(codes_on("stages: [\n", "2026-11-23"), std::vector<std::string>{"yaml-syntax"});
}

TEST(Checker, EmptyDesignHasNoStages) {
  EXPECT_EQ(codes_on("", "2026-11-23"), std::vector<std::string>{"no-stages"});
}

TEST(Checker, RoutingTargetsAreRequired) {
  std::string text = std::string(kBase) +
                     "routing:\n"
                     "  - {id: r1, when: score.fit > 10, action: round_robin}\n"
                     "  - {id: r2, when: score.fit > 20 && score.fit < 30, action: territory}\n";
  EXPECT_EQ(codes_on(text, "2026-10-02"),
            (std::vector<std::string>{"routing-missing-target", "routing-missing-target",
                                      "rule-shadowed"}));
}

TEST(Checker, DistinctPrioritiesDoNotOverlap) {
  std::string text = std::string(kBase) +
                     "routing:\n"
                     "  - {id: r1, priority: 1, when: score.fit > 10, action: log_only}\n"
                     "  - {id: r2, priority: 2, when: account.employees > 5, action: alert_csm}\n";
  EXPECT_TRUE(codes_on(text, "2026-10-02").empty());
}

}  // namespace
}  // namespace revarch::design
