#include "identity/clusters.h"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <utility>

namespace revarch::identity {

Clusters::Clusters(std::vector<uint32_t> rank)
    : parent_(rank.size()), rank_(std::move(rank)), facts_(rank_.size()) {
  std::iota(parent_.begin(), parent_.end(), 0u);
}

uint32_t Clusters::find(uint32_t x) {
  uint32_t root = x;
  while (parent_[root] != root) root = parent_[root];
  while (parent_[x] != root) x = std::exchange(parent_[x], root);
  return root;
}

uint32_t Clusters::unite(uint32_t a, uint32_t b) {
  a = find(a);
  b = find(b);
  if (a == b) return a;
  if (rank_[b] < rank_[a]) std::swap(a, b);
  parent_[b] = a;
  if (!facts_[b].empty()) {
    std::vector<Item> merged;
    merged.reserve(facts_[a].size() + facts_[b].size());
    std::set_union(facts_[a].begin(), facts_[a].end(), facts_[b].begin(), facts_[b].end(),
                   std::back_inserter(merged));
    facts_[a] = std::move(merged);
    facts_[b].clear();
    facts_[b].shrink_to_fit();
  }
  return a;
}

void Clusters::add_fact(uint32_t x, Fact fact, uint32_t value) {
  auto& items = facts_[find(x)];
  Item item{fact, value};
  auto it = std::lower_bound(items.begin(), items.end(), item);
  if (it == items.end() || !(*it == item)) items.insert(it, item);
}

bool Clusters::has_fact(uint32_t x, Fact fact) {
  for (const Item& item : facts_[find(x)]) {
    if (item.fact == fact) return true;
  }
  return false;
}

bool Clusters::conflict(uint32_t a, uint32_t b, Fact fact) {
  const auto& fa = facts_[find(a)];
  const auto& fb = facts_[find(b)];
  auto range = [fact](const std::vector<Item>& v) {
    auto lo = std::lower_bound(v.begin(), v.end(), Item{fact, 0});
    auto hi = std::lower_bound(lo, v.end(), Item{static_cast<Fact>(static_cast<int>(fact) + 1), 0});
    return std::pair(lo, hi);
  };
  auto [a_lo, a_hi] = range(fa);
  auto [b_lo, b_hi] = range(fb);
  if (a_lo == a_hi || b_lo == b_hi) return false;
  while (a_lo != a_hi && b_lo != b_hi) {
    if (*a_lo == *b_lo) return false;
    if (*a_lo < *b_lo) {
      ++a_lo;
    } else {
      ++b_lo;
    }
  }
  return true;
}

}  // namespace revarch::identity
