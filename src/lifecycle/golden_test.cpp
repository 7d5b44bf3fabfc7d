// Golden timelines: every tests/lifecycle/<case>/case.yaml is replayed through its design and the
// timeline compared with expected.txt beside it (REVARCH_UPDATE_GOLDEN=1 rewrites them). Each
// case is also replayed on one thread and incrementally, which must give the same bytes.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lifecycle/case_file.h"
#include "lifecycle/explain.h"
#include "store/hash.h"

namespace revarch::lifecycle {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> case_dirs() {
  std::vector<fs::path> out;
  for (const auto& d : fs::directory_iterator(fs::path(REVARCH_SOURCE_DIR) / "tests/lifecycle"))
    if (fs::exists(d.path() / "case.yaml")) out.push_back(d.path());
  std::sort(out.begin(), out.end());
  return out;
}

struct Replayed {
  CaseFile file;
  std::shared_ptr<const CompiledDesign> design;
  DerivedState state;
};

Replayed replay_case(const fs::path& dir, int threads = 2) {
  auto c = load_case((dir / "case.yaml").string());
  EXPECT_TRUE(c.is_ok()) << c.status().to_string();
  auto design = load_compiled_design(c->design_path);
  EXPECT_TRUE(design.is_ok()) << design.status().to_string();
  LifecycleEngine engine(*design, c->map, ReplayOptions{threads});
  engine.replay(c->events);
  return Replayed{std::move(*c), *design, engine.derived()};
}

const EntityState& entity(const DerivedState& s, const std::string& id) {
  for (const auto& e : s.entities)
    if (e.id == id) return e;
  ADD_FAILURE() << "no entity " << id;
  static EntityState none;
  return none;
}

TEST(Golden, Timelines) {
  auto dirs = case_dirs();
  ASSERT_GE(dirs.size(), 5u);
  for (const auto& dir : dirs) {
    SCOPED_TRACE(dir.filename().string());
    Replayed r = replay_case(dir);
    std::string got = golden_text(r.state);
    fs::path expected = dir / "expected.txt";
    if (std::getenv("REVARCH_UPDATE_GOLDEN")) {
      std::ofstream(expected, std::ios::binary) << got;
      continue;
    }
    EXPECT_EQ(got, read_all(expected));
  }
}

TEST(Golden, OneThreadAndIncrementalGiveTheSameBytes) {
  for (const auto& dir : case_dirs()) {
    SCOPED_TRACE(dir.filename().string());
    Replayed two = replay_case(dir, 2);
    Replayed one = replay_case(dir, 1);
    EXPECT_EQ(two.state.digest(), one.state.digest());
    // digest() hashes the canonical text entity by entity: the same as hashing it whole.
    ContentHasher whole;
    whole.update(two.state.canonical());
    EXPECT_EQ(two.state.digest(), whole.hex256());
    // take_snapshot() moves what snapshot() copies.
    DerivedSnapshot copied = two.state.snapshot();
    DerivedState spent = two.state;
    DerivedSnapshot taken = spent.take_snapshot();
    ASSERT_EQ(taken.transitions.size(), copied.transitions.size());
    ASSERT_EQ(taken.alerts.size(), copied.alerts.size());
    for (size_t i = 0; i < copied.transitions.size(); ++i)
      EXPECT_EQ(taken.transitions[i].reason_json, copied.transitions[i].reason_json);
    // take_derived() gives the same state, and leaves an engine that replayed nothing.
    LifecycleEngine again(two.design, two.file.map);
    again.replay(two.file.events);
    EXPECT_EQ(again.take_derived().canonical(), two.state.canonical());
    EXPECT_EQ(again.derived().events, 0);
    // Incremental: replay the first half, apply the rest one by one.
    auto& events = two.file.events;
    for (size_t i = 0; i < events.size(); ++i) events[i].seq = static_cast<int64_t>(i) + 1;
    LifecycleEngine inc(two.design, two.file.map);
    size_t half = events.size() / 2;
    inc.replay(std::vector<Event>(events.begin(), events.begin() + static_cast<long>(half)));
    for (size_t i = half; i < events.size(); ++i) inc.apply(events[i]);
    EXPECT_EQ(inc.derived().canonical(), two.state.canonical());
    // Streamed, keeping only the compact form of each event (what `build` does).
    LifecycleEngine lean(two.design, two.file.map, ReplayOptions{2, false});
    lean.begin_replay();
    for (const Event& e : events) lean.add_event(e);
    lean.finish_replay();
    EXPECT_EQ(lean.derived().canonical(), two.state.canonical());
    // ... and incremental on top of it.
    LifecycleEngine lean_inc(two.design, two.file.map, ReplayOptions{1, false});
    lean_inc.replay(std::vector<Event>(events.begin(), events.begin() + static_cast<long>(half)));
    for (size_t i = half; i < events.size(); ++i) lean_inc.apply(events[i]);
    EXPECT_EQ(lean_inc.derived().canonical(), two.state.canonical());
  }
}

TEST(JapanCases, OneHighIntentActionIsAnMqlInJapanButNotGlobally) {
  auto jp = replay_case(fs::path(REVARCH_SOURCE_DIR) / "tests/lifecycle/mql_japan_one_action");
  auto gl = replay_case(fs::path(REVARCH_SOURCE_DIR) / "tests/lifecycle/mql_global_one_action");
  EXPECT_EQ(entity(jp.state, "P-sato").stage, "mql");
  EXPECT_NE(entity(gl.state, "P-sato").stage, "mql");
  EXPECT_FALSE(entity(gl.state, "P-sato").stage.empty());
}

TEST(JapanCases, SqlNeedsAnEngagedDecisionMakerAndAnActiveEvaluation) {
  auto r = replay_case(fs::path(REVARCH_SOURCE_DIR) / "tests/lifecycle/sql_japan_committee");
  const EntityState& bucho = entity(r.state, "hubspot:contact:1");
  EXPECT_EQ(bucho.stage, "sql");
  // The 部長 was an MQL first, and became an SQL only when the third stakeholder engaged.
  ASSERT_GE(bucho.transitions.size(), 2u);
  const auto& last = bucho.transitions.back();
  EXPECT_EQ(last.to_stage, "sql");
  EXPECT_EQ(last.from_stage, "mql");
  EXPECT_NE(last.reason_json.find("committee.engaged"), std::string::npos);
  // A single very active 取締役 stays an MQL.
  EXPECT_EQ(entity(r.state, "hubspot:contact:4").stage, "mql");
}

TEST(JapanCases, SeventyFiveQuietDaysAreOnTrackInRingiButColdInEvaluating) {
  auto r = replay_case(fs::path(REVARCH_SOURCE_DIR) / "tests/lifecycle/ringi_vs_cold");
  const EntityState& ringi = entity(r.state, "salesforce:deal:D1");
  const EntityState& quiet = entity(r.state, "salesforce:deal:D2");
  EXPECT_EQ(ringi.stage, "opportunity");
  EXPECT_EQ(ringi.substate, "internal_approval");
  EXPECT_EQ(ringi.status, "on_track");
  EXPECT_TRUE(ringi.alerts.empty());
  EXPECT_EQ(quiet.stage, "opportunity");
  EXPECT_EQ(quiet.substate, "cold");
  EXPECT_GE((r.state.as_of_ms - ringi.substate_since_ms) / 86'400'000, 75);
}

TEST(JapanCases, MultiThreadedDealIsHealthierThanOneVeryActiveContact) {
  auto r = replay_case(fs::path(REVARCH_SOURCE_DIR) / "tests/lifecycle/deal_health");
  const EntityState& multi = entity(r.state, "hubspot:deal:D1");
  const EntityState& single = entity(r.state, "hubspot:deal:D2");
  EXPECT_GT(multi.health, single.health);
  EXPECT_GT(entity(r.state, "hubspot:account:A2").engagement,
            entity(r.state, "hubspot:account:A1").engagement);
}

}  // namespace
}  // namespace revarch::lifecycle

namespace revarch::lifecycle {
namespace {

TEST(Explain, FindsAContactByEmailAndShowsWhyAndTheCommittee) {
  auto c =
      load_case(std::string(REVARCH_SOURCE_DIR) + "/tests/lifecycle/sql_japan_committee/case.yaml");
  ASSERT_TRUE(c.is_ok());
  auto design = load_compiled_design(c->design_path);
  ASSERT_TRUE(design.is_ok());
  LifecycleEngine engine(*design, c->map);
  engine.replay(c->events);
  auto id = resolve_entity_id(engine, EntityKind::kContact, "Tanaka@towa.co.jp");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(*id, "hubspot:contact:1");
  EXPECT_FALSE(resolve_entity_id(engine, EntityKind::kContact, "nobody@x.jp").has_value());
  EXPECT_EQ(resolve_entity_id(engine, EntityKind::kAccount, "A1").value_or(""),
            "hubspot:account:A1");
  nlohmann::json doc = explain_entity(engine, *id);
  EXPECT_EQ(doc["stage"]["id"], "sql");
  EXPECT_EQ(doc["committee"]["engaged"], 3);
  EXPECT_TRUE(doc["committee"]["decision_maker_engaged"].get<bool>());
  EXPECT_EQ(doc["next_action"]["owner_team"], "inside_sales");
  std::string text = render_explain(doc);
  EXPECT_NE(text.find("mql -> sql"), std::string::npos);
  EXPECT_NE(text.find("committee.engaged"), std::string::npos);
}

}  // namespace
}  // namespace revarch::lifecycle
