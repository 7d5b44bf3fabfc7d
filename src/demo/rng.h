#pragma once
// The demo world's only source of randomness: a seeded xoshiro256** generator with its own
// integer and probability helpers (the standard distributions are not required to produce the
// same numbers on every library, so they are not used). Never seeded from the machine: the same
// seed gives the same world, byte for byte.
//
// Thread-safety: an Rng is a plain value; use one per thread.

#include <cstdint>
#include <span>

namespace revarch::demo {

/// SplitMix64 finaliser: a well-mixed 64-bit hash of `x`.
constexpr uint64_t mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// A stream key from a seed and up to two indices (e.g. seed, purpose, person index), so that
/// each entity's facts can be re-derived independently of generation order.
constexpr uint64_t stream_key(uint64_t seed, uint64_t a, uint64_t b = 0) {
  return mix64(mix64(seed ^ mix64(a + 0x51ed27a1ULL)) ^ (b * 0x2545f4914f6cdd1dULL));
}

class Rng {
 public:
  explicit Rng(uint64_t key) {
    for (auto& s : s_) {
      key = mix64(key);
      s = key;
    }
  }

  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// Uniform in [0, n); n must be > 0.
  uint32_t below(uint32_t n) {
    return static_cast<uint32_t>(((next() >> 32) * static_cast<uint64_t>(n)) >> 32);
  }
  /// Uniform in [lo, hi] (inclusive); lo <= hi.
  int range(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<uint32_t>(hi - lo + 1)));
  }
  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// True with probability p.
  bool chance(double p) { return unit() < p; }
  /// An element of a non-empty span.
  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[below(static_cast<uint32_t>(items.size()))];
  }
  /// Index chosen with the given non-negative weights (at least one > 0).
  int weighted(std::span<const double> weights);

 private:
  static constexpr uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

inline int Rng::weighted(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double r = unit() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (r < weights[i]) return static_cast<int>(i);
    r -= weights[i];
  }
  return static_cast<int>(weights.size()) - 1;
}

}  // namespace revarch::demo
