// SqliteStore: identity results (entities, links, field values with provenance).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <span>

#include "store/sqlite_store.h"

namespace revarch {
namespace {

constexpr const char* kSelectEntity = "SELECT id, kind, display_name, primary_fields FROM entities";

std::string fields_to_json(const Properties& props) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [k, v] : props) j[k] = v;
  return j.dump();
}

bool json_to_fields(std::string_view text, Properties& out) {
  auto j = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  out.clear();
  for (const auto& [k, v] : j.items()) {
    out.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
  }
  return true;
}

Status corrupt(const std::string& path, const std::string& what) {
  SourceLocation where;
  where.file = path;
  return Status(ErrorCode::kCorrupt, what, where);
}

// Entities in id order and links in (source, kind, id) order: the order of the tables' primary
// keys, so that the inserts append to their b-trees instead of splitting pages all over them.
struct SnapshotOrder {
  std::vector<const Entity*> entities;
  std::vector<const EntityLink*> links;
};

int compare_refs(const SourceRef& a, const SourceRef& b) {
  if (int c = a.source.compare(b.source)) return c;
  if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
  return a.id.compare(b.id);
}

bool known_entity(const SnapshotOrder& order, const std::string& id) {
  auto it = std::lower_bound(order.entities.begin(), order.entities.end(), id,
                             [](const Entity* e, const std::string& key) { return e->id < key; });
  return it != order.entities.end() && (*it)->id == id;
}

// Sorts the snapshot's entities and links and checks it (every id unique and non-empty, every
// link and value naming a known entity, no source record linked twice).
Result<SnapshotOrder> order_and_validate(const IdentitySnapshot& snap) {
  SnapshotOrder order;
  order.entities.reserve(snap.entities.size());
  for (const Entity& e : snap.entities) {
    if (e.id.empty()) return Status(ErrorCode::kInvalidArgument, "entity with an empty id");
    order.entities.push_back(&e);
  }
  std::sort(order.entities.begin(), order.entities.end(),
            [](const Entity* a, const Entity* b) { return a->id < b->id; });
  for (size_t i = 1; i < order.entities.size(); ++i) {
    if (order.entities[i]->id == order.entities[i - 1]->id) {
      return Status(ErrorCode::kInvalidArgument, "entity id repeats: " + order.entities[i]->id);
    }
  }
  order.links.reserve(snap.links.size());
  for (const EntityLink& l : snap.links) {
    if (!known_entity(order, l.entity_id)) {
      return Status(ErrorCode::kInvalidArgument, "link to unknown entity " + l.entity_id);
    }
    order.links.push_back(&l);
  }
  std::sort(order.links.begin(), order.links.end(), [](const EntityLink* a, const EntityLink* b) {
    return compare_refs(a->ref, b->ref) < 0;
  });
  for (size_t i = 1; i < order.links.size(); ++i) {
    const SourceRef& r = order.links[i]->ref;
    if (compare_refs(r, order.links[i - 1]->ref) == 0) {
      return Status(ErrorCode::kInvalidArgument,
                    "source record linked twice: " + r.source + " " + r.id);
    }
  }
  for (const FieldValue& v : snap.field_values) {
    if (!known_entity(order, v.entity_id)) {
      return Status(ErrorCode::kInvalidArgument, "field value of unknown entity " + v.entity_id);
    }
  }
  return order;
}

// The secondary indexes of the identity tables: dropped while a snapshot is written and built
// once at the end (inside the same transaction), which is much cheaper than maintaining them row
// by row for millions of rows.
constexpr const char* kDropIdentityIndexes =
    "DROP INDEX IF EXISTS entity_links_entity; DROP INDEX IF EXISTS field_values_entity; "
    "DROP INDEX IF EXISTS field_values_lookup;";
constexpr const char* kCreateIdentityIndexes =
    "CREATE INDEX IF NOT EXISTS entity_links_entity ON entity_links (entity_id);"
    "CREATE INDEX IF NOT EXISTS field_values_entity ON field_values (entity_id);"
    "CREATE INDEX IF NOT EXISTS field_values_lookup ON field_values (property, value);";

}  // namespace

Status SqliteStore::insert_entities(std::span<const Entity* const> entities) {
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt * s, db_->cached("INSERT INTO entities (id, kind, display_name, primary_fields) "
                                    "VALUES (?, ?, ?, ?)"));
  for (const Entity* e : entities) {
    std::string fields = fields_to_json(e->primary_fields);
    sqlite::StmtUse use(*s);
    s->bind_text(1, e->id);
    s->bind(2, static_cast<int64_t>(e->kind));
    s->bind_text(3, e->display_name);
    s->bind_text(4, fields);
    REVARCH_RETURN_IF_ERROR(db_->run(*s));
  }
  return Status::ok();
}

Status SqliteStore::insert_links(std::span<const EntityLink* const> links) {
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt * link,
      db_->cached("INSERT INTO entity_links (source, kind, source_id, entity_id, reason, rule, "
                  "confidence) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  for (const EntityLink* l : links) {
    sqlite::StmtUse use(*link);
    link->bind_text(1, l->ref.source);
    link->bind(2, static_cast<int64_t>(l->ref.kind));
    link->bind_text(3, l->ref.id);
    link->bind_text(4, l->entity_id);
    link->bind_text(5, l->reason);
    link->bind_text(6, l->rule);
    link->bind(7, l->confidence);
    REVARCH_RETURN_IF_ERROR(db_->run(*link));
  }
  return Status::ok();
}

Status SqliteStore::insert_values(std::span<const FieldValue> values) {
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt * val,
      db_->cached("INSERT INTO field_values (entity_id, property, value, source, "
                  "source_record_id, observed_at, chosen) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  for (const FieldValue& v : values) {
    sqlite::StmtUse use(*val);
    val->bind_text(1, v.entity_id);
    val->bind_text(2, v.property);
    val->bind_text(3, v.value);
    val->bind_text(4, v.source);
    val->bind_text(5, v.source_record_id);
    val->bind(6, v.observed_at_ms);
    val->bind(7, int64_t{v.chosen ? 1 : 0});
    REVARCH_RETURN_IF_ERROR(db_->run(*val));
  }
  return Status::ok();
}

Status SqliteStore::replace_identity(const IdentitySnapshot& snapshot) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(SnapshotOrder order, order_and_validate(snapshot));
  sqlite::Transaction tx(*db_);
  REVARCH_RETURN_IF_ERROR(tx.begin());
  REVARCH_RETURN_IF_ERROR(db_->exec(kDropIdentityIndexes));
  REVARCH_RETURN_IF_ERROR(
      db_->exec("DELETE FROM field_values; DELETE FROM entity_links; DELETE FROM entities;"));
  REVARCH_RETURN_IF_ERROR(insert_entities(order.entities));
  REVARCH_RETURN_IF_ERROR(insert_links(order.links));
  REVARCH_RETURN_IF_ERROR(insert_values(snapshot.field_values));
  REVARCH_RETURN_IF_ERROR(db_->exec(kCreateIdentityIndexes));
  return tx.commit();
}

Status SqliteStore::write_identity_chunk(const IdentitySnapshot& chunk,
                                         std::unordered_set<std::string>& ids) {
  std::vector<const Entity*> entities;
  entities.reserve(chunk.entities.size());
  for (const Entity& e : chunk.entities) {
    if (e.id.empty()) return Status(ErrorCode::kInvalidArgument, "entity with an empty id");
    if (!ids.insert(e.id).second) {
      return Status(ErrorCode::kInvalidArgument, "entity id repeats: " + e.id);
    }
    entities.push_back(&e);
  }
  // Key order within the chunk: fewer page splits in the WITHOUT ROWID tables.
  std::sort(entities.begin(), entities.end(),
            [](const Entity* a, const Entity* b) { return a->id < b->id; });
  std::vector<const EntityLink*> links;
  links.reserve(chunk.links.size());
  for (const EntityLink& l : chunk.links) {
    if (!ids.contains(l.entity_id)) {
      return Status(ErrorCode::kInvalidArgument, "link to unknown entity " + l.entity_id);
    }
    links.push_back(&l);
  }
  std::sort(links.begin(), links.end(), [](const EntityLink* a, const EntityLink* b) {
    return compare_refs(a->ref, b->ref) < 0;
  });
  for (const FieldValue& v : chunk.field_values) {
    if (!ids.contains(v.entity_id)) {
      return Status(ErrorCode::kInvalidArgument, "field value of unknown entity " + v.entity_id);
    }
  }
  REVARCH_RETURN_IF_ERROR(insert_entities(entities));
  Status st = insert_links(links);
  if (st.code() == ErrorCode::kConflict) {
    return Status(ErrorCode::kInvalidArgument, "source record linked twice: " + st.message());
  }
  REVARCH_RETURN_IF_ERROR(st);
  return insert_values(chunk.field_values);
}

Status SqliteStore::replace_identity_chunked(const IdentityChunkSource& next) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  sqlite::Transaction tx(*db_);
  REVARCH_RETURN_IF_ERROR(tx.begin());
  REVARCH_RETURN_IF_ERROR(db_->exec(kDropIdentityIndexes));
  REVARCH_RETURN_IF_ERROR(
      db_->exec("DELETE FROM field_values; DELETE FROM entity_links; DELETE FROM entities;"));
  std::unordered_set<std::string> ids;
  IdentitySnapshot chunk;
  while (true) {
    chunk.entities.clear();
    chunk.links.clear();
    chunk.field_values.clear();
    Result<bool> more = false;
    {
      CallbackScope scope(in_callback_);
      more = next(chunk);
    }
    REVARCH_RETURN_IF_ERROR(more.status());
    if (!*more) break;
    REVARCH_RETURN_IF_ERROR(write_identity_chunk(chunk, ids));
  }
  REVARCH_RETURN_IF_ERROR(db_->exec(kCreateIdentityIndexes));
  return tx.commit();
}

Result<std::optional<Entity>> SqliteStore::entity_by_id(const std::string& id) {
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * s,
                           db_->cached(std::string(kSelectEntity) + " WHERE id = ?"));
  sqlite::StmtUse use(*s);
  s->bind_text(1, id);
  REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
  if (!row) return std::optional<Entity>();
  Entity e;
  e.id = s->text_at(0);
  e.kind = static_cast<EntityKind>(s->int_at(1));
  e.display_name = s->text_at(2);
  if (!json_to_fields(s->text_at(3), e.primary_fields)) {
    return corrupt(db_->path(), "bad primary_fields of entity " + id);
  }
  return std::optional<Entity>(std::move(e));
}

Result<std::optional<Entity>> SqliteStore::find_entity_by_ref(const SourceRef& ref) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  std::string id;
  {
    REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * s,
                             db_->cached("SELECT entity_id FROM entity_links "
                                         "WHERE source = ? AND kind = ? AND source_id = ?"));
    sqlite::StmtUse use(*s);
    s->bind_text(1, ref.source);
    s->bind(2, static_cast<int64_t>(ref.kind));
    s->bind_text(3, ref.id);
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
    if (!row) return std::optional<Entity>();
    id = s->text_at(0);
  }
  return entity_by_id(id);
}

Result<std::vector<Entity>> SqliteStore::find_entities_by_property(EntityKind kind,
                                                                   const std::string& property,
                                                                   const std::string& value) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  std::vector<std::string> ids;
  {
    REVARCH_ASSIGN_OR_RETURN(
        sqlite::Stmt * s,
        db_->cached("SELECT DISTINCT f.entity_id FROM field_values f "
                    "JOIN entities e ON e.id = f.entity_id "
                    "WHERE f.property = ? AND f.value = ? AND e.kind = ? ORDER BY f.entity_id"));
    sqlite::StmtUse use(*s);
    s->bind_text(1, property);
    s->bind_text(2, value);
    s->bind(3, static_cast<int64_t>(kind));
    while (true) {
      REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
      if (!row) break;
      ids.emplace_back(s->text_at(0));
    }
  }
  std::vector<Entity> out;
  for (const std::string& id : ids) {
    REVARCH_ASSIGN_OR_RETURN(std::optional<Entity> e, entity_by_id(id));
    if (e) out.push_back(std::move(*e));
  }
  return out;
}

Status SqliteStore::load_links(const std::string& id, std::vector<EntityLink>& out) {
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt * s,
      db_->cached("SELECT source, kind, source_id, reason, rule, confidence FROM entity_links "
                  "WHERE entity_id = ? ORDER BY source, kind, source_id"));
  sqlite::StmtUse use(*s);
  s->bind_text(1, id);
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
    if (!row) return Status::ok();
    EntityLink l;
    l.ref.source = s->text_at(0);
    l.ref.kind = static_cast<EntityKind>(s->int_at(1));
    l.ref.id = s->text_at(2);
    l.entity_id = id;
    l.reason = s->text_at(3);
    l.rule = s->text_at(4);
    l.confidence = s->double_at(5);
    out.push_back(std::move(l));
  }
}

Status SqliteStore::load_field_values(const std::string& id, std::vector<FieldValue>& out) {
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt * s,
      db_->cached("SELECT property, value, source, source_record_id, observed_at, chosen "
                  "FROM field_values WHERE entity_id = ? "
                  "ORDER BY property, observed_at, source, id"));
  sqlite::StmtUse use(*s);
  s->bind_text(1, id);
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
    if (!row) return Status::ok();
    FieldValue v;
    v.entity_id = id;
    v.property = s->text_at(0);
    v.value = s->text_at(1);
    v.source = s->text_at(2);
    v.source_record_id = s->text_at(3);
    v.observed_at_ms = s->int_at(4);
    v.chosen = s->int_at(5) != 0;
    out.push_back(std::move(v));
  }
}

Result<EntityRecord> SqliteStore::load_entity(const std::string& entity_id) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(std::optional<Entity> e, entity_by_id(entity_id));
  if (!e) return Status(ErrorCode::kNotFound, "no entity " + entity_id);
  EntityRecord rec;
  rec.entity = std::move(*e);
  REVARCH_RETURN_IF_ERROR(load_links(entity_id, rec.links));
  REVARCH_RETURN_IF_ERROR(load_field_values(entity_id, rec.field_values));
  return rec;
}

Status SqliteStore::scan_entities(const std::function<bool(const Entity&)>& fn) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt s,
                           db_->prepare(std::string(kSelectEntity) + " ORDER BY id"));
  Entity e;
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(s));
    if (!row) return Status::ok();
    e.id = s.text_at(0);
    e.kind = static_cast<EntityKind>(s.int_at(1));
    e.display_name = s.text_at(2);
    if (!json_to_fields(s.text_at(3), e.primary_fields)) {
      return corrupt(db_->path(), "bad primary_fields of entity " + e.id);
    }
    CallbackScope scope(in_callback_);
    if (!fn(e)) return Status::ok();
  }
}

}  // namespace revarch
