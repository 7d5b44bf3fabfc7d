#include "identity/string_pool.h"

#include <cstring>
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

StringPool::StringPool() : table_(1024, kNone) {
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
  size_t i = h & mask;
  while (table_[i] != kNone && views_[table_[i]] != s) i = (i + 1) & mask;
  return i;
}

uint32_t StringPool::find(std::string_view s) const {
  return table_[slot_of(s, fnv1a64(s))];
}

uint32_t StringPool::intern(std::string_view s) {
  size_t i = slot_of(s, fnv1a64(s));
  if (table_[i] != kNone) return table_[i];
  auto id = static_cast<uint32_t>(views_.size());
  views_.push_back(store(s));
  table_[i] = id;
  if (views_.size() * 2 > table_.size()) grow();
  return id;
}

void StringPool::grow() {
  std::vector<uint32_t> old(table_.size() * 2, kNone);
  old.swap(table_);
  for (uint32_t id : old) {
    if (id != kNone) table_[slot_of(views_[id], fnv1a64(views_[id]))] = id;
  }
}

size_t StringPool::memory_bytes() const {
  size_t blocks = 0;
  for (size_t i = 0; i < blocks_.size(); ++i) blocks += kBlockBytes;
  return blocks + views_.capacity() * sizeof(std::string_view) + table_.capacity() * 4;
}

}  // namespace revarch::identity
