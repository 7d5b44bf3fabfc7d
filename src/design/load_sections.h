#pragma once
// One loader per design section (load_*.cpp); internal to the design layer. Each reads its
// section's node into `design`, reporting problems through the Reader.

#include <yaml-cpp/yaml.h>

#include "design/model.h"
#include "design/yaml_reader.h"

namespace revarch::design {

void load_market(Reader& r, const YAML::Node& n, Market* out);
void load_sources(Reader& r, const YAML::Node& n, Sources* out);
void load_identity(Reader& r, const YAML::Node& n, Identity* out);
void load_signals(Reader& r, const YAML::Node& n, std::vector<Signal>* out);
void load_scoring(Reader& r, const YAML::Node& n, Scoring* out);
void load_stages(Reader& r, const YAML::Node& n, std::vector<Stage>* out);
void load_definitions(Reader& r, const YAML::Node& n, std::vector<Definition>* out);
void load_routing(Reader& r, const YAML::Node& n, std::vector<RoutingRule>* out);
void load_handoffs(Reader& r, const YAML::Node& n, std::vector<Handoff>* out);
void load_owners(Reader& r, const YAML::Node& n, Design* out);
void load_decisions(Reader& r, const YAML::Node& n, std::vector<Decision>* out);

}  // namespace revarch::design
