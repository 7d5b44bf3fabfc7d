#pragma once
// `revarch explain`: everything about one entity in one document -- the unified timeline across
// sources with original ids, the current stage and sub-state against the CRM's own stages, each
// transition with the criterion values that caused it, scores with their contributions, the
// buying committee, and who owns the next action by when. Built as JSON (the --json output);
// render_explain() turns it into aligned human text.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "lifecycle/engine.h"

namespace revarch::lifecycle {

/// The entity an id names: an entity id, a source record id of `kind` (HubSpot id, Salesforce
/// 15- or 18-character id, Sansan card id) or, for contacts, an e-mail. nullopt when unknown.
std::optional<std::string> resolve_entity_id(const LifecycleEngine& engine, EntityKind kind,
                                             const std::string& id);

/// The explain document of entity `entity_id` (which must exist) after a replay.
nlohmann::json explain_entity(const LifecycleEngine& engine, const std::string& entity_id);

/// Human-readable form of an explain document.
std::string render_explain(const nlohmann::json& doc);

}  // namespace revarch::lifecycle
