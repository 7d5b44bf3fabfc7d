#pragma once
// Content hashing for idempotency keys and file fingerprints: SHA-256 (OpenSSL libcrypto),
// truncated to 128 bits and printed as 32 lower-case hex digits. SHA-256 rather than a fast
// non-cryptographic hash because keys of webhook events derive from input an outsider controls:
// a crafted collision would silently drop a real event as a "duplicate".

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace revarch {

/// Incremental hasher. Not thread-safe; cheap to create (one per use or per thread).
class ContentHasher {
 public:
  ContentHasher();
  ~ContentHasher();
  ContentHasher(const ContentHasher&) = delete;
  ContentHasher& operator=(const ContentHasher&) = delete;

  void update(std::string_view bytes);
  /// Adds `part` so that no sequence of parts can be confused with another: the part's length
  /// (8 bytes, little-endian) followed by its bytes.
  void update_part(std::string_view part);
  /// The 32 hex digits of the first 128 bits of the SHA-256 so far. Ends the hasher: call
  /// reset() before reusing it.
  std::string hex128();
  /// The full 64 hex digits of the SHA-256.
  std::string hex256();
  void reset();

 private:
  std::array<unsigned char, 32> finish();
  struct Impl;
  std::unique_ptr<Impl> impl_;  // an opaque OpenSSL context
};

/// Identity of an input file, so that re-ingesting the same content is recognised.
struct FileFingerprint {
  std::string path;          // as given
  int64_t size = 0;          // bytes
  std::string content_hash;  // 64 hex digits of SHA-256 of the whole content
  bool operator==(const FileFingerprint&) const = default;
};

/// Reads `path` once, streaming. Fails with kIo (location = path) when it cannot be read.
Result<FileFingerprint> fingerprint_file(const std::string& path);

}  // namespace revarch
