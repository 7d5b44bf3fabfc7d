#include <array>
#include <string_view>

#include "demo/rng.h"
#include "demo/world.h"

namespace revarch::demo {

SizeSpec size_spec(WorldSize size) {
  switch (size) {
    case WorldSize::kTiny: return {40, 240, 2.0, 60};
    case WorldSize::kSmall: return {300, 2000, 4.5, 2000};
    case WorldSize::kLarge: return {100000, 1000000, 1.8, 400000};
  }
  return {0, 0, 0, 0};
}

std::string_view world_size_name(WorldSize size) {
  switch (size) {
    case WorldSize::kTiny: return "tiny";
    case WorldSize::kSmall: return "small";
    case WorldSize::kLarge: return "large";
  }
  return "";
}

bool parse_world_size(std::string_view s, WorldSize* out) {
  for (WorldSize w : {WorldSize::kTiny, WorldSize::kSmall, WorldSize::kLarge}) {
    if (s == world_size_name(w)) {
      *out = w;
      return true;
    }
  }
  return false;
}

std::string_view segment_name(Segment s) {
  switch (s) {
    case Segment::kEnterprise: return "enterprise";
    case Segment::kMid: return "mid";
    case Segment::kSmb: return "smb";
  }
  return "";
}

std::vector<StageStep> deal_path(const World& w, uint32_t deal) {
  struct Stage {
    std::string_view name;
    int probability;
  };
  static constexpr std::array<Stage, 8> kNew{{{"Prospecting", 10},
                                              {"Qualification", 10},
                                              {"Needs Analysis", 20},
                                              {"Value Proposition", 50},
                                              {"Id. Decision Makers", 60},
                                              {"Proposal/Price Quote", 75},
                                              {"Negotiation/Review", 90},
                                              {"Internal Approval", 90}}};
  static constexpr std::array<Stage, 3> kShort{
      {{"Qualification", 10}, {"Proposal/Price Quote", 75}, {"Negotiation/Review", 90}}};
  const Deal& d = w.deals[deal];
  Rng rng(stream_key(w.seed, 6, deal));
  std::span<const Stage> stages = d.type == DealType::kNewBusiness ? std::span<const Stage>(kNew)
                                                                   : std::span<const Stage>(kShort);
  if (!d.custom_stage && stages.size() == kNew.size()) stages = stages.first(kNew.size() - 1);
  const size_t lose_at =
      d.plan_win ? stages.size() : 1 + rng.below(static_cast<uint32_t>(stages.size() - 1));
  std::vector<StageStep> path;
  int day = d.created_day;
  uint32_t amount = d.amount_man;
  for (size_t i = 0; i < stages.size() && i < lose_at; ++i) {
    if (stages[i].name == "Proposal/Price Quote" && rng.chance(0.5)) {
      amount = static_cast<uint32_t>(amount * (0.8 + 0.4 * rng.unit()));
    }
    path.push_back({stages[i].name, stages[i].probability, static_cast<uint16_t>(day), amount});
    const bool waits = d.long_approval && i + 1 == stages.size();  // ringi before the decision
    day += waits ? rng.range(60, 120) : rng.range(7, 35);
    if (day > kLastDay) return path;
  }
  path.push_back({d.plan_win ? "Closed Won" : "Closed Lost", d.plan_win ? 100 : 0,
                  static_cast<uint16_t>(day), amount});
  return path;
}

}  // namespace revarch::demo
