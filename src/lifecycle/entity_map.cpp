#include "lifecycle/entity_map.h"

namespace revarch::lifecycle {

std::string EntityMap::key_of(const SourceRef& ref) {
  std::string k;
  k.reserve(ref.source.size() + ref.id.size() + 4);
  k += ref.source;
  k += '\x1f';
  k += static_cast<char>('0' + static_cast<int>(ref.kind));
  k += '\x1f';
  k += ref.id;
  return k;
}

uint32_t EntityMap::add_entity(std::string id, EntityKind kind, std::string display_name) {
  auto it = by_id_.find(id);
  if (it != by_id_.end()) return it->second;
  auto index = static_cast<uint32_t>(entities_.size());
  by_id_.emplace(id, index);
  entities_.push_back(EntityInfo{std::move(id), kind, std::move(display_name)});
  return index;
}

void EntityMap::add_link(const SourceRef& ref, uint32_t index) {
  by_ref_[key_of(ref)] = index;
  links_.emplace_back(ref, index);
  if (ref.source == "salesforce" && ref.id.size() == 18) {
    SourceRef short_ref = ref;
    short_ref.id.resize(15);
    by_ref_.emplace(key_of(short_ref), index);
  }
}

std::optional<uint32_t> EntityMap::find(const SourceRef& ref) const {
  auto it = by_ref_.find(key_of(ref));
  if (it == by_ref_.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> EntityMap::find_or_add(const SourceRef& ref) {
  if (auto found = find(ref)) return found;
  if (!implicit_) return std::nullopt;
  if (ref.kind != EntityKind::kContact && ref.kind != EntityKind::kAccount &&
      ref.kind != EntityKind::kDeal)
    return std::nullopt;
  std::string id = ref.source + ":" + entity_kind_name(ref.kind) + ":" + ref.id;
  uint32_t index = add_entity(id, ref.kind, ref.id);
  add_link(ref, index);
  return index;
}

std::optional<uint32_t> EntityMap::find_id(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

}  // namespace revarch::lifecycle
