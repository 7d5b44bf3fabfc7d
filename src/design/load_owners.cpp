// owners (teams and the ownership map) and decisions (leadership questions).
#include "design/load_sections.h"

namespace revarch::design {
namespace {

void load_teams(Reader& r, const YAML::Node& n, std::vector<Team>* out) {
  if (!r.expect_seq(n, "'teams'")) return;
  for (const auto& item : n) {
    if (!r.expect_map(item, "a team")) continue;
    r.check_keys(item, {"id", "name", "name_ja", "members"}, "a team");
    Team t;
    t.where = r.loc(item);
    r.read_string(item, "id", &t.id, true);
    r.read_string(item, "name", &t.name);
    r.read_string(item, "name_ja", &t.name_ja);
    r.read_string_list(item, "members", &t.members);
    out->push_back(std::move(t));
  }
}

void load_map(Reader& r, const YAML::Node& n, std::vector<Ownership>* out) {
  if (!r.expect_seq(n, "'map'")) return;
  for (const auto& item : n) {
    if (!r.expect_map(item, "an ownership entry")) continue;
    r.check_keys(item, {"element", "owner", "team", "review_every", "last_reviewed"},
                 "an ownership entry");
    Ownership o;
    o.where = r.loc(item);
    r.read_string(item, "element", &o.element, true);
    r.read_string(item, "owner", &o.owner);
    r.read_string(item, "team", &o.team);
    if (item["element"]) o.element_where = r.loc(item["element"]);
    if (item["owner"]) o.owner_where = r.loc(item["owner"]);
    if (item["team"]) o.team_where = r.loc(item["team"]);
    r.read_duration(item, "review_every", &o.review_every);
    r.read_date(item, "last_reviewed", &o.last_reviewed);
    out->push_back(std::move(o));
  }
}

}  // namespace

void load_owners(Reader& r, const YAML::Node& n, Design* out) {
  if (!r.expect_map(n, "'owners'")) return;
  r.check_keys(n, {"teams", "map"}, "owners");
  if (n["teams"]) load_teams(r, n["teams"], &out->teams);
  if (n["map"]) load_map(r, n["map"], &out->ownership);
}

void load_decisions(Reader& r, const YAML::Node& n, std::vector<Decision>* out) {
  if (!r.expect_seq(n, "'decisions'")) return;
  for (const auto& item : n) {
    if (!r.expect_map(item, "a decision")) continue;
    r.check_keys(item, {"id", "question", "question_ja", "metrics", "owner"}, "a decision");
    Decision d;
    d.where = r.loc(item);
    r.read_string(item, "id", &d.id, true);
    r.read_string(item, "question", &d.question, true);
    r.read_string(item, "question_ja", &d.question_ja);
    if (!r.read_string_list(item, "metrics", &d.metrics))
      r.error("missing-key", "missing required key 'metrics'", item);
    r.read_string(item, "owner", &d.owner);
    out->push_back(std::move(d));
  }
}

}  // namespace revarch::design
