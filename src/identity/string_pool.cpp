#include "identity/string_pool.h"

#include <cstring>
#include <functional>
#include <limits>

namespace revarch::identity {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
constexpr size_t kBlockBytes = 1 << 20;

}  // namespace

uint64_t fnv1a64(std::string_view s, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

namespace {

uint64_t mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

// Where a string goes in the table: any good hash will do (ids do not depend on it), and the
// library's word-at-a-time hash is several times faster than byte-wise FNV-1a.
uint64_t slot_hash(std::string_view s) {
  return mix(std::hash<std::string_view>{}(s));
}

}  // namespace

StringPool::StringPool() : table_(1024, 0) {
  intern("");
}

StringPool::StringPool(const StringPool& other) : StringPool() {
  *this = other;
}

StringPool& StringPool::operator=(const StringPool& other) {
  if (this == &other) return *this;
  blocks_.clear();
  block_used_ = block_size_ = 0;
  views_.clear();
  views_.reserve(other.views_.size());
  for (std::string_view v : other.views_) views_.push_back(store(v));
  table_ = other.table_;  // ids are identical, so is the table
  return *this;
}

std::string_view StringPool::store(std::string_view s) {
  if (s.empty()) return {};
  if (block_used_ + s.size() > block_size_) {
    block_size_ = s.size() > kBlockBytes ? s.size() : kBlockBytes;
    blocks_.push_back(std::make_unique<char[]>(block_size_));
    block_used_ = 0;
  }
  char* p = blocks_.back().get() + block_used_;
  std::memcpy(p, s.data(), s.size());
  block_used_ += s.size();
  return {p, s.size()};
}

size_t StringPool::slot_of(std::string_view s, uint64_t h) const {
  size_t mask = table_.size() - 1;
  uint64_t tag = h >> 32;
  size_t i = h & mask;
  while (table_[i] != 0) {
    uint64_t slot = table_[i];
    if ((slot >> 32) == tag && views_[(slot & 0xffffffffu) - 1] == s) break;
    i = (i + 1) & mask;
  }
  return i;
}

uint32_t StringPool::find(std::string_view s) const {
  uint64_t slot = table_[slot_of(s, slot_hash(s))];
  return slot == 0 ? kNone : static_cast<uint32_t>((slot & 0xffffffffu) - 1);
}

uint32_t StringPool::intern(std::string_view s) {
  uint64_t h = slot_hash(s);
  size_t i = slot_of(s, h);
  if (table_[i] != 0) return static_cast<uint32_t>((table_[i] & 0xffffffffu) - 1);
  auto id = static_cast<uint32_t>(views_.size());
  views_.push_back(store(s));
  table_[i] = ((h >> 32) << 32) | (uint64_t{id} + 1);
  if (views_.size() * 2 > table_.size()) grow();
  return id;
}

void StringPool::grow() {
  std::vector<uint64_t> old(table_.size() * 2, 0);
  old.swap(table_);
  size_t mask = table_.size() - 1;
  for (uint64_t slot : old) {
    if (slot == 0) continue;
    std::string_view v = views_[(slot & 0xffffffffu) - 1];
    size_t i = slot_hash(v) & mask;
    while (table_[i] != 0) i = (i + 1) & mask;
    table_[i] = slot;
  }
}

size_t StringPool::memory_bytes() const {
  return blocks_.size() * kBlockBytes + views_.capacity() * sizeof(std::string_view) +
         table_.capacity() * sizeof(uint64_t);
}

}  // namespace revarch::identity
