// Reads the lifecycle engine needs in bulk: every entity link (Store::scan_links).
#include <algorithm>

#include "store/sqlite_store.h"

namespace revarch {

Status Store::scan_links(const std::function<bool(const EntityLink&)>& fn) {
  std::vector<std::string> ids;
  REVARCH_RETURN_IF_ERROR(scan_entities([&ids](const Entity& e) {
    ids.push_back(e.id);
    return true;
  }));
  std::vector<EntityLink> links;
  for (const auto& id : ids) {
    REVARCH_ASSIGN_OR_RETURN(EntityRecord r, load_entity(id));
    links.insert(links.end(), r.links.begin(), r.links.end());
  }
  std::sort(links.begin(), links.end(), [](const EntityLink& a, const EntityLink& b) {
    if (a.ref.source != b.ref.source) return a.ref.source < b.ref.source;
    if (a.ref.kind != b.ref.kind) return a.ref.kind < b.ref.kind;
    return a.ref.id < b.ref.id;
  });
  for (const auto& l : links)
    if (!fn(l)) break;
  return Status::ok();
}

Status SqliteStore::scan_links(const std::function<bool(const EntityLink&)>& fn) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt s,
      db_->prepare("SELECT source, kind, source_id, entity_id, reason, rule, "
                   "confidence FROM entity_links ORDER BY source, kind, source_id"));
  EntityLink l;
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(s));
    if (!row) return Status::ok();
    l.ref.source = s.text_at(0);
    l.ref.kind = static_cast<EntityKind>(s.int_at(1));
    l.ref.id = s.text_at(2);
    l.entity_id = s.text_at(3);
    l.reason = s.text_at(4);
    l.rule = s.text_at(5);
    l.confidence = s.double_at(6);
    CallbackScope scope(in_callback_);
    if (!fn(l)) return Status::ok();
  }
}

}  // namespace revarch
