#pragma once
// Union-find over source records with the facts the merge guards look at (corporate numbers,
// prefectures, corporate e-mails, names) kept per cluster. The root of a cluster is always its
// record of smallest rank (rank = position of the record's SourceRef in sorted order), so the
// clusters, and the order of merges, do not depend on the order events arrived in.
//
// Not thread-safe.

#include <cstdint>
#include <vector>

namespace revarch::identity {

/// A fact a guard compares between two clusters.
enum class Fact : uint8_t {
  kCorporateNumber,  // company
  kPrefecture,       // company
  kCorporateEmail,   // person: a non-free-mail, non-role e-mail
  kName,             // person: name key, any script
  kKanjiName,        // person: name key containing kanji
};

class Clusters {
 public:
  /// `rank[i]` is the sort position of record i; ranks are a permutation of 0..n-1.
  explicit Clusters(std::vector<uint32_t> rank);

  uint32_t find(uint32_t x);
  /// Merges the clusters of a and b; returns the new root (the one of smaller rank).
  uint32_t unite(uint32_t a, uint32_t b);
  /// Records that record x has `value` (a pool id) for `fact`.
  void add_fact(uint32_t x, Fact fact, uint32_t value);
  /// True when both clusters know `fact` and share no value of it.
  bool conflict(uint32_t a, uint32_t b, Fact fact);
  /// True when the cluster of x knows some value of `fact`.
  bool has_fact(uint32_t x, Fact fact);
  uint32_t rank(uint32_t x) const { return rank_[x]; }
  /// Frees the facts once no guard needs them any more; add_fact, conflict and has_fact must
  /// not be called afterwards.
  void drop_facts() { facts_ = {}; }

 private:
  struct Item {
    Fact fact;
    uint32_t value;
    bool operator<(const Item& o) const { return fact != o.fact ? fact < o.fact : value < o.value; }
    bool operator==(const Item&) const = default;
  };
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> rank_;
  std::vector<std::vector<Item>> facts_;  // by root, sorted
};

}  // namespace revarch::identity
