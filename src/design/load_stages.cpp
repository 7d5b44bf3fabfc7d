// stages (the bowtie, with sub-states) and definitions (named qualification criteria).
#include "design/load_sections.h"

namespace revarch::design {
namespace {

constexpr EnumTable<ObjectKind> kObjects = {{"contact", ObjectKind::kContact},
                                            {"account", ObjectKind::kAccount},
                                            {"deal", ObjectKind::kDeal}};
constexpr EnumTable<Side> kSides = {{"acquisition", Side::kAcquisition},
                                    {"retention", Side::kRetention}};

// `benchmark: 30d` or `benchmark: {default: 30d, segments: {enterprise: 60d}}`.
void load_benchmark(Reader& r, const YAML::Node& map, Benchmark* out) {
  YAML::Node n = map["benchmark"];
  if (!n || n.IsNull()) return;
  if (n.IsScalar()) {
    out->default_limit = r.duration_of(n);
    return;
  }
  if (!r.expect_map(n, "'benchmark'")) return;
  r.check_keys(n, {"default", "segments"}, "benchmark");
  r.read_duration(n, "default", &out->default_limit);
  if (YAML::Node seg = n["segments"]; seg && r.expect_map(seg, "'segments'")) {
    for (auto it = seg.begin(); it != seg.end(); ++it) {
      auto name = r.string_of(it->first, "a segment");
      auto d = r.duration_of(it->second);
      if (name && d) out->segments.emplace_back(*name, *d);
    }
  }
}

void load_substates(Reader& r, const YAML::Node& n, std::vector<Substate>* out) {
  if (!r.expect_seq(n, "'substates'")) return;
  for (const auto& item : n) {
    if (!r.expect_map(item, "a sub-state")) continue;
    r.check_keys(item, {"id", "name", "name_ja", "entry", "benchmark", "stuck_factor"},
                 "a sub-state");
    Substate s;
    s.where = r.loc(item);
    r.read_string(item, "id", &s.id, true);
    r.read_string(item, "name", &s.name);
    r.read_string(item, "name_ja", &s.name_ja);
    s.entry = r.read_criterion(item, "entry");
    load_benchmark(r, item, &s.benchmark);
    r.read_double(item, "stuck_factor", &s.stuck_factor, 1.0, 100.0);
    out->push_back(std::move(s));
  }
}

}  // namespace

void load_stages(Reader& r, const YAML::Node& n, std::vector<Stage>* out) {
  if (!r.expect_seq(n, "'stages'")) return;
  for (const auto& item : n) {
    if (!r.expect_map(item, "a stage")) continue;
    r.check_keys(item,
                 {"id", "name", "name_ja", "object", "side", "owner", "entry", "exit", "next",
                  "terminal", "milestone", "benchmark", "stuck_factor", "substates", "description"},
                 "a stage");
    Stage s;
    s.where = r.loc(item);
    r.read_string(item, "id", &s.id, true);
    r.read_string(item, "name", &s.name);
    r.read_string(item, "name_ja", &s.name_ja);
    r.read_enum(item, "object", &s.object, kObjects);
    r.read_enum(item, "side", &s.side, kSides);
    r.read_string(item, "owner", &s.owner);
    s.entry = r.read_criterion(item, "entry");
    s.exit = r.read_criterion(item, "exit");
    r.read_string_list(item, "next", &s.next);
    r.read_bool(item, "terminal", &s.terminal);
    r.read_bool(item, "milestone", &s.milestone);
    load_benchmark(r, item, &s.benchmark);
    r.read_double(item, "stuck_factor", &s.stuck_factor, 1.0, 100.0);
    if (item["substates"]) load_substates(r, item["substates"], &s.substates);
    r.read_string(item, "description", &s.description);
    out->push_back(std::move(s));
  }
}

void load_definitions(Reader& r, const YAML::Node& n, std::vector<Definition>* out) {
  if (!r.expect_map(n, "'definitions'")) return;
  for (auto it = n.begin(); it != n.end(); ++it) {
    if (!r.expect_scalar(it->first, "a definition name")) continue;
    Definition d;
    d.name = it->first.Scalar();
    d.where = r.loc(it->first);
    YAML::Node body = it->second;
    if (!r.expect_map(body, "definition '" + d.name + "'")) continue;
    r.check_keys(body, {"expr", "description", "owner"}, "definition '" + d.name + "'");
    d.expr = r.read_criterion(body, "expr", true);
    r.read_string(body, "description", &d.description);
    r.read_string(body, "owner", &d.owner);
    out->push_back(std::move(d));
  }
}

}  // namespace revarch::design
