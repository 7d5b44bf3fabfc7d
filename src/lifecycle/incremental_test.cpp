// Property: for random event streams, replay(all) == replay(prefix) + apply(each later event),
// compared through the canonical serialisation. Streams are seeded, so failures reproduce.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "lifecycle/case_file.h"

namespace revarch::lifecycle {
namespace {

Event random_event(std::mt19937_64& rng, int64_t base) {
  static const char* kForms[] = {"contact", "demo_request", "wp_ops_手順", "wp_general",
                                 "seminar_followup"};
  static const char* kTitles[] = {"部長", "課長", "担当", "取締役", "主任"};
  static const char* kDepts[] = {"情報システム部", "経営企画部", "経理部"};
  auto pick = [&rng](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  Event e;
  e.source = "hubspot";
  // Mostly forward in time, sometimes late (out of order).
  e.occurred_at_ms = base + static_cast<int64_t>(rng() % (200ull * 86'400'000ull));
  int account = pick(4), contact = pick(10), deal = pick(3);
  SourceRef acc{"hubspot", EntityKind::kAccount, "A" + std::to_string(account)};
  SourceRef con{"hubspot", EntityKind::kContact, "c" + std::to_string(contact)};
  SourceRef dl{"hubspot", EntityKind::kDeal, "D" + std::to_string(deal)};
  switch (pick(8)) {
    case 0:
      e.type = "record.upsert";
      e.subject = acc;
      e.properties = {{"employees", std::to_string(100 * (1 + pick(30)))},
                      {"country", "JP"},
                      {"segment", pick(2) ? "enterprise" : "mid_market"}};
      break;
    case 1:
      e.type = "record.upsert";
      e.subject = con;
      e.related = {acc};
      e.properties = {{"email", con.id + "@x.jp"},
                      {"title", kTitles[pick(5)]},
                      {"department", kDepts[pick(3)]}};
      break;
    case 2:
      e.type = "web.form_submitted";
      e.subject = con;
      e.related = {acc};
      e.properties = {{"form", kForms[pick(5)]}};
      break;
    case 3:
      e.type = "card.exchanged";
      e.subject = con;
      e.related = {acc};
      break;
    case 4:
      e.type = "record.upsert";
      e.subject = dl;
      e.related = {acc};
      e.properties = {{"amount", "1000000"},
                      {"is_closed", pick(5) ? "false" : "true"},
                      {"is_won", pick(2) ? "true" : "false"},
                      {"requirements_shared", pick(2) ? "true" : "false"}};
      break;
    case 5:
      e.type = "activity.task";
      e.subject = con;
      e.related = {acc, dl};
      e.properties = {{"subject", pick(2) ? "稟議開始" : "要件定義の共有"}};
      break;
    case 6:  // sales recycles the lead, or re-opens it (re-entry, docs/lifecycle.md)
      e.type = "record.property_changed";
      e.subject = con;
      e.properties = {{"property", "lead_status"}, {"value", pick(2) ? "BAD_TIMING" : "OPEN"}};
      break;
    default:
      e.type = "activity.meeting";
      e.subject = con;
      e.related = {acc};
      e.properties = {{"subject", pick(2) ? "初回訪問" : "キックオフ"}, {"channel", "seminar"}};
      break;
  }
  return e;
}

TEST(Incremental, EqualsFullReplayOnRandomStreams) {
  auto design = load_compiled_design(std::string(REVARCH_SOURCE_DIR) +
                                     "/examples/japan-enterprise/architecture.yaml");
  ASSERT_TRUE(design.is_ok()) << design.status().to_string();
  const int64_t base = 1'767'225'600'000;  // 2026-01-01
  // 240 streams by default; REVARCH_PROPERTY_STREAMS=N runs more (a slow tier).
  const char* env = std::getenv("REVARCH_PROPERTY_STREAMS");
  const uint64_t streams = env ? std::strtoull(env, nullptr, 10) : 240;
  for (uint64_t seed = 1; seed <= streams; ++seed) {
    std::mt19937_64 rng(seed);
    std::vector<Event> events;
    size_t n = 8 + rng() % 24;
    for (size_t i = 0; i < n; ++i) {
      events.push_back(random_event(rng, base));
      events.back().seq = static_cast<int64_t>(i) + 1;
    }
    LifecycleEngine full(*design, EntityMap(true), ReplayOptions{2});
    full.replay(events);
    size_t cut = rng() % (n + 1);
    // Odd seeds keep only the compact form of events (as `build` does).
    LifecycleEngine inc(*design, EntityMap(true), ReplayOptions{1, seed % 2 == 0});
    inc.replay(std::vector<Event>(events.begin(), events.begin() + static_cast<long>(cut)));
    for (size_t i = cut; i < n; ++i) inc.apply(events[i]);
    ASSERT_EQ(inc.derived().canonical(), full.derived().canonical())
        << "seed " << seed << " cut " << cut;
  }
}

}  // namespace
}  // namespace revarch::lifecycle
