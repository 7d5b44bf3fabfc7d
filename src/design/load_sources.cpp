// sources: the tools that feed the system, their field mappings, and conflict rules.
#include "design/load_sections.h"

namespace revarch::design {
namespace {

constexpr EnumTable<SourceType> kSourceTypes = {{"hubspot", SourceType::kHubspot},
                                                {"salesforce", SourceType::kSalesforce},
                                                {"sansan", SourceType::kSansan},
                                                {"eight", SourceType::kEight},
                                                {"ga4", SourceType::kGa4}};
constexpr EnumTable<ConflictPolicy> kPolicies = {{"precedence", ConflictPolicy::kPrecedence},
                                                 {"recency", ConflictPolicy::kRecency}};

void load_tool(Reader& r, const YAML::Node& key, const YAML::Node& n, Sources* out) {
  Source s;
  s.name = key.Scalar();
  s.where = r.loc(key);
  if (!r.expect_map(n, "source '" + s.name + "'")) return;
  r.check_keys(n, {"type", "enabled", "field_mappings"}, "source '" + s.name + "'");
  r.read_enum(n, "type", &s.type, kSourceTypes, true);
  r.read_bool(n, "enabled", &s.enabled);
  if (YAML::Node fm = n["field_mappings"]; fm && r.expect_map(fm, "'field_mappings'")) {
    for (auto it = fm.begin(); it != fm.end(); ++it) {
      auto from = r.string_of(it->first, "a source column");
      auto to = r.string_of(it->second, "a canonical property");
      if (from && to) s.field_mappings.emplace_back(*from, *to);
    }
  }
  out->tools.push_back(std::move(s));
}

void load_conflict(Reader& r, const YAML::Node& key, const YAML::Node& n, Sources* out) {
  FieldConflict c;
  c.property = key.Scalar();
  c.where = r.loc(key);
  if (n.IsSequence()) {  // shorthand: a precedence order
    for (const auto& item : n)
      if (auto s = r.string_of(item, "a source name")) c.order.push_back(*s);
  } else if (r.expect_map(n, "conflict rule '" + c.property + "'")) {
    r.check_keys(n, {"policy", "order"}, "conflict rule '" + c.property + "'");
    r.read_enum(n, "policy", &c.policy, kPolicies, true);
    r.read_string_list(n, "order", &c.order);
    if (c.policy == ConflictPolicy::kPrecedence && c.order.empty())
      r.error("missing-key", "a precedence rule needs an 'order' of sources", n);
  }
  out->conflicts.push_back(std::move(c));
}

}  // namespace

void load_sources(Reader& r, const YAML::Node& n, Sources* out) {
  out->present = true;
  out->where = r.loc(n);
  if (!r.expect_map(n, "'sources'")) return;
  r.check_keys(n, {"tools", "conflicts"}, "sources");
  if (YAML::Node tools = n["tools"]; tools && r.expect_map(tools, "'tools'")) {
    for (auto it = tools.begin(); it != tools.end(); ++it)
      if (r.expect_scalar(it->first, "a source name")) load_tool(r, it->first, it->second, out);
  }
  if (YAML::Node c = n["conflicts"]; c && r.expect_map(c, "'conflicts'")) {
    r.check_keys(c, {"default", "fields"}, "conflicts");
    r.read_enum(c, "default", &out->default_policy, kPolicies);
    if (YAML::Node f = c["fields"]; f && r.expect_map(f, "'fields'")) {
      for (auto it = f.begin(); it != f.end(); ++it)
        if (r.expect_scalar(it->first, "a property")) load_conflict(r, it->first, it->second, out);
    }
  }
}

}  // namespace revarch::design
