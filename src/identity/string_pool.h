#pragma once
// Interned strings: each distinct string is stored once, in large blocks, and named by a dense
// 32-bit id. Identity resolution keeps millions of record fields; interning keeps memory
// proportional to the distinct values, and an id compares in one instruction.
//
// Views returned by view() stay valid for the life of the pool (blocks never move).
// Not thread-safe; copyable (a copy owns its own blocks).

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace revarch::identity {

class StringPool {
 public:
  static constexpr uint32_t kEmpty = 0;  // id of ""

  StringPool();
  StringPool(const StringPool& other);
  StringPool& operator=(const StringPool& other);
  StringPool(StringPool&&) noexcept = default;
  StringPool& operator=(StringPool&&) noexcept = default;

  /// The id of `s`, adding it when new.
  uint32_t intern(std::string_view s);
  /// The id of `s`, or nullopt-like UINT32_MAX when it was never interned.
  uint32_t find(std::string_view s) const;
  std::string_view view(uint32_t id) const { return views_[id]; }
  size_t size() const { return views_.size(); }
  /// Bytes held (blocks, index and table), for the benchmark.
  size_t memory_bytes() const;

 private:
  std::string_view store(std::string_view s);
  size_t slot_of(std::string_view s, uint64_t h) const;
  void grow();

  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;
  size_t block_size_ = 0;
  std::vector<std::string_view> views_;
  // Open addressing; each slot holds (32 bits of the hash << 32 | id + 1), 0 = empty, so a probe
  // compares strings only when the hashes agree.
  std::vector<uint64_t> table_;
};

/// The first 8 bytes of `s`, big-endian, zero-padded: a < b when order_prefix(a) <
/// order_prefix(b); equal prefixes need a full comparison. Speeds up sorting by string.
inline uint64_t order_prefix(std::string_view s) {
  uint64_t p = 0;
  for (size_t i = 0; i < 8; ++i) {
    p = (p << 8) | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  }
  return p;
}

/// 64-bit FNV-1a: stable across runs and platforms (entity ids derive from it).
uint64_t fnv1a64(std::string_view s, uint64_t seed = 14695981039346656037ull);

}  // namespace revarch::identity
