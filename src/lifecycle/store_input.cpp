#include "lifecycle/store_input.h"

#include "lifecycle/case_file.h"

namespace revarch::lifecycle {

Result<EntityMap> load_entity_map(Store& store) {
  EntityMap map(true);
  REVARCH_RETURN_IF_ERROR(store.scan_entities([&map](const Entity& e) {
    map.add_entity(e.id, e.kind, e.display_name);
    return true;
  }));
  Status missing = Status::ok();
  REVARCH_RETURN_IF_ERROR(store.scan_links([&](const EntityLink& l) {
    auto index = map.find_id(l.entity_id);
    if (!index) {
      missing = Status(ErrorCode::kCorrupt, "link to unknown entity " + l.entity_id);
      return false;
    }
    map.add_link(l.ref, *index);
    return true;
  }));
  if (!missing.is_ok()) return missing;
  return map;
}

Result<std::vector<Event>> load_events(Store& store) {
  std::vector<Event> events;
  REVARCH_ASSIGN_OR_RETURN(int64_t n, store.count_events(EventFilter{}));
  events.reserve(static_cast<size_t>(n));
  REVARCH_RETURN_IF_ERROR(store.scan_events(EventFilter{}, [&events](const Event& e) {
    events.push_back(e);
    return true;
  }));
  return events;
}

Result<std::unique_ptr<LifecycleEngine>> replay_store(const std::string& design_path, Store& store,
                                                      const ReplayOptions& options,
                                                      Diagnostics* diags) {
  REVARCH_ASSIGN_OR_RETURN(auto design, load_compiled_design(design_path, diags));
  REVARCH_ASSIGN_OR_RETURN(EntityMap map, load_entity_map(store));
  auto engine = std::make_unique<LifecycleEngine>(design, std::move(map), options);
  // Streamed: the engine keeps its compact form of each event, not the whole log.
  engine->begin_replay();
  REVARCH_RETURN_IF_ERROR(store.scan_events(EventFilter{}, [&engine](const Event& e) {
    engine->add_event(e);
    return true;
  }));
  engine->finish_replay();
  return engine;
}

}  // namespace revarch::lifecycle
