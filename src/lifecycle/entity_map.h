#pragma once
// Which unified entity each source record belongs to: the lifecycle engine's view of identity
// resolution. Built from the store (lifecycle/store_input.h) or by hand in tests. Plain value;
// safe to read from several threads once built.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/event.h"

namespace revarch::lifecycle {

struct EntityInfo {
  std::string id;  // the identity layer's id ("P-…", "C-…", "D-…") or an implicit one
  EntityKind kind = EntityKind::kContact;
  std::string display_name;
};

class EntityMap {
 public:
  /// When `implicit` is true, find_or_add() turns a source record of kind contact, account or
  /// deal that no link names into an entity of its own, id "source:kind:id".
  explicit EntityMap(bool implicit = false) : implicit_(implicit) {}

  /// Adds an entity; returns its index. An id added twice returns the first index.
  uint32_t add_entity(std::string id, EntityKind kind, std::string display_name = {});
  /// Links a source record to entity `index` (the last link of a ref wins).
  void add_link(const SourceRef& ref, uint32_t index);

  /// The entity of `ref`, or nullopt. Salesforce 15-character ids match their 18-character
  /// form when the 18-character one was linked.
  std::optional<uint32_t> find(const SourceRef& ref) const;
  /// find(), or with implicit entities a new entity for `ref`; nullopt for owners, visitors
  /// and unlinked refs without implicit mode.
  std::optional<uint32_t> find_or_add(const SourceRef& ref);
  std::optional<uint32_t> find_id(std::string_view id) const;

  const std::vector<EntityInfo>& entities() const { return entities_; }
  const EntityInfo& at(uint32_t i) const { return entities_[i]; }
  /// Every link, in the order added.
  const std::vector<std::pair<SourceRef, uint32_t>>& links() const { return links_; }

 private:
  static std::string key_of(const SourceRef& ref);
  bool implicit_ = false;
  std::vector<EntityInfo> entities_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, uint32_t> by_ref_;
  std::vector<std::pair<SourceRef, uint32_t>> links_;
};

}  // namespace revarch::lifecycle
