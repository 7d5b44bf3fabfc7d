#include "store/key_set.h"

#include <cassert>
#include <cstring>

namespace revarch {
namespace {

// Keys are truncated SHA-256, but a text-derived or adversarial packed key need not be
// uniform: mix both halves (the finaliser of splitmix64) before taking the slot.
uint64_t mix(uint64_t lo, uint64_t hi) {
  uint64_t z = lo ^ (hi * 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

bool KeySet::place(const Slot& key) {
  size_t mask = slots_.size() - 1;
  for (size_t i = mix(key.lo, key.hi) & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.lo == key.lo && s.hi == key.hi) return false;
    if (s.lo == 0 && s.hi == 0) {
      s = key;
      return true;
    }
  }
}

void KeySet::grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? size_t{1} << 16 : old.size() * 2, Slot{});
  for (const Slot& s : old) {
    if (s.lo != 0 || s.hi != 0) place(s);
  }
}

bool KeySet::insert_packed(std::string_view bytes16) {
  assert(bytes16.size() == 16);
  Slot key;
  std::memcpy(&key.lo, bytes16.data(), 8);
  std::memcpy(&key.hi, bytes16.data() + 8, 8);
  if (key.lo == 0 && key.hi == 0) {
    if (has_zero_) return false;
    has_zero_ = true;
    ++packed_count_;
    return true;
  }
  if (static_cast<size_t>(packed_count_ + 1) * 4 > slots_.size() * 3) grow();
  if (!place(key)) return false;
  ++packed_count_;
  return true;
}

bool KeySet::insert_text(std::string_view key) {
  return text_.emplace(key).second;
}

void KeySet::clear() {
  std::vector<Slot>().swap(slots_);
  packed_count_ = 0;
  has_zero_ = false;
  std::unordered_set<std::string>().swap(text_);
}

}  // namespace revarch
