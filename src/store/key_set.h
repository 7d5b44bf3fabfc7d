#pragma once
// An in-memory set of idempotency keys, used by SqliteStore during a bulk load in place of the
// UNIQUE index (docs/event-schema.md, "Bulk load"). Keys in make_idempotency_key's form are
// held as their 16 packed bytes in an open-addressing table (16 bytes a slot, load <= 3/4:
// ~21-43 bytes a key); any other key is held as text. A packed key and a text key never equal
// each other, as in the database (a BLOB never equals a TEXT).
//
// Not thread-safe: SqliteStore serialises access.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace revarch {

class KeySet {
 public:
  /// Adds a 16-byte packed key; true when it was not in the set. Asserts the size.
  bool insert_packed(std::string_view bytes16);
  /// Adds a key stored as text; true when it was not in the set.
  bool insert_text(std::string_view key);
  /// Number of keys held.
  int64_t size() const { return packed_count_ + static_cast<int64_t>(text_.size()); }
  /// Drops every key and frees the memory.
  void clear();

 private:
  struct Slot {
    uint64_t lo = 0, hi = 0;
  };
  void grow();
  bool place(const Slot& key);  // true when added

  std::vector<Slot> slots_;  // all-zero means empty; the all-zero key is `has_zero_`
  int64_t packed_count_ = 0;
  bool has_zero_ = false;
  std::unordered_set<std::string> text_;
};

}  // namespace revarch
