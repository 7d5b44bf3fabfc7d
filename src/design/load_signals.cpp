// signals (the taxonomy) and scoring (fit and engagement models).
#include "design/load_sections.h"

namespace revarch::design {
namespace {

constexpr EnumTable<Intent> kIntents = {
    {"high", Intent::kHigh}, {"medium", Intent::kMedium}, {"low", Intent::kLow}};

void load_fit(Reader& r, const YAML::Node& n, Scoring* out) {
  if (!r.expect_map(n, "'fit'")) return;
  r.check_keys(n, {"rules"}, "fit");
  YAML::Node rules = n["rules"];
  if (!rules || !r.expect_seq(rules, "'rules'")) return;
  for (const auto& item : rules) {
    if (!r.expect_map(item, "a fit rule")) continue;
    r.check_keys(item, {"when", "points"}, "a fit rule");
    FitRule f;
    f.where = r.loc(item);
    f.when = r.read_criterion(item, "when", true);
    if (!item["points"])
      r.error("missing-key", "missing required key 'points'", item);
    else
      r.read_int(item, "points", &f.points, -1000, 1000);
    out->fit.push_back(std::move(f));
  }
}

void load_engagement(Reader& r, const YAML::Node& n, Scoring* out) {
  if (!r.expect_map(n, "'engagement'")) return;
  r.check_keys(n, {"half_life", "intent_weights", "signal_weights"}, "engagement");
  r.read_duration(n, "half_life", &out->half_life);
  if (YAML::Node iw = n["intent_weights"]; iw && r.expect_map(iw, "'intent_weights'")) {
    r.check_keys(iw, {"high", "medium", "low"}, "intent_weights");
    for (const char* intent : {"high", "medium", "low"}) {
      int points = 0;
      if (r.read_int(iw, intent, &points, 0, 1000)) out->intent_weights[intent] = points;
    }
  }
  if (YAML::Node sw = n["signal_weights"]; sw && r.expect_map(sw, "'signal_weights'")) {
    for (auto it = sw.begin(); it != sw.end(); ++it) {
      auto id = r.string_of(it->first, "a signal id");
      auto points = r.int_of(it->second, "signal weight");
      if (!id || !points) continue;
      out->signal_weights.emplace_back(*id, *points);
      out->signal_weight_where.push_back(r.loc(it->first));
    }
  }
}

}  // namespace

void load_signals(Reader& r, const YAML::Node& n, std::vector<Signal>* out) {
  if (!r.expect_seq(n, "'signals'")) return;
  for (const auto& item : n) {
    if (!r.expect_map(item, "a signal")) continue;
    r.check_keys(item, {"id", "name", "name_ja", "intent", "priority", "when", "description"},
                 "a signal");
    Signal s;
    s.where = r.loc(item);
    r.read_string(item, "id", &s.id, true);
    r.read_string(item, "name", &s.name);
    r.read_string(item, "name_ja", &s.name_ja);
    r.read_enum(item, "intent", &s.intent, kIntents, true);
    r.read_int(item, "priority", &s.priority, 1, 1000);
    s.when = r.read_criterion(item, "when", true);
    r.read_string(item, "description", &s.description);
    out->push_back(std::move(s));
  }
}

void load_scoring(Reader& r, const YAML::Node& n, Scoring* out) {
  out->present = true;
  out->where = r.loc(n);
  if (!r.expect_map(n, "'scoring'")) return;
  r.check_keys(n, {"fit", "engagement"}, "scoring");
  if (n["fit"]) load_fit(r, n["fit"], out);
  if (n["engagement"]) load_engagement(r, n["engagement"], out);
}

}  // namespace revarch::design
