#include "ingest/design_options.h"

namespace revarch::ingest {
namespace {

connectors::SourceKind kind_of(design::SourceType t) {
  switch (t) {
    case design::SourceType::kHubspot: return connectors::SourceKind::kHubspot;
    case design::SourceType::kSalesforce: return connectors::SourceKind::kSalesforce;
    case design::SourceType::kSansan: return connectors::SourceKind::kSansan;
    case design::SourceType::kEight: return connectors::SourceKind::kEight;
    case design::SourceType::kGa4: return connectors::SourceKind::kGa4;
  }
  return connectors::SourceKind::kHubspot;
}

void apply_identity(const design::Identity& id, identity::IdentityConfig& config) {
  if (!id.people_keys.empty()) {
    config.people_keys.clear();
    for (const auto& k : id.people_keys) {
      if (auto key = identity::parse_people_key(k)) config.people_keys.push_back(*key);
    }
  }
  if (!id.company_keys.empty()) {
    config.company_keys.clear();
    for (const auto& k : id.company_keys) {
      if (auto key = identity::parse_company_key(k)) config.company_keys.push_back(*key);
    }
  }
}

void apply_conflicts(const design::Sources& sources, identity::IdentityConfig& config) {
  if (sources.default_policy == design::ConflictPolicy::kRecency) config.fallback = {};
  for (const auto& c : sources.conflicts) {
    identity::FieldRule rule;
    if (c.policy == design::ConflictPolicy::kPrecedence) rule.sources = c.order;
    config.field_rules[c.property] = rule;
  }
}

}  // namespace

IngestOptions options_from_design(const design::Design& design) {
  IngestOptions options;
  for (const auto& tool : design.sources.tools) {
    if (!tool.enabled) continue;
    connectors::ConnectorOptions& copts = options.connector_options[kind_of(tool.type)];
    for (const auto& [column, property] : tool.field_mappings) {
      copts.column_overrides[column] = property;
    }
  }
  apply_identity(design.identity, options.identity);
  apply_conflicts(design.sources, options.identity);
  return options;
}

}  // namespace revarch::ingest
