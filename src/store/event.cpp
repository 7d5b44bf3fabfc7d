#include "store/event.h"

#include <array>
#include <cassert>

#include "store/hash.h"

namespace revarch {
namespace {

constexpr std::array<const char*, 5> kKindNames = {"contact", "account", "deal", "owner",
                                                   "visitor"};

}  // namespace

const char* entity_kind_name(EntityKind k) {
  auto i = static_cast<size_t>(k);
  assert(i < kKindNames.size());
  return kKindNames[i];
}

std::optional<EntityKind> parse_entity_kind(std::string_view s) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (s == kKindNames[i]) return static_cast<EntityKind>(i);
  }
  return std::nullopt;
}

const std::string* find_property(const Properties& props, std::string_view key) {
  for (const auto& [k, v] : props) {
    if (k == key) return &v;
  }
  return nullptr;
}

std::string make_idempotency_key(std::initializer_list<std::string_view> parts) {
  // One hasher per thread: connectors call this once per row.
  thread_local ContentHasher hasher;
  hasher.reset();
  for (std::string_view p : parts) hasher.update_part(p);
  return hasher.hex128();
}

}  // namespace revarch
