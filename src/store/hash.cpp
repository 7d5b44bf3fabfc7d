#include "store/hash.h"

#include <openssl/evp.h>

#include <cassert>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace revarch {
namespace {

// Fetched once: implicit fetching on every EVP_DigestInit costs more than hashing a short key.
const EVP_MD* sha256() {
  static const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  assert(md != nullptr && "OpenSSL has no SHA256");
  return md;
}

std::string to_hex(const unsigned char* bytes, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (size_t i = 0; i < n; ++i) {
    out[2 * i] = kDigits[bytes[i] >> 4];
    out[2 * i + 1] = kDigits[bytes[i] & 0xf];
  }
  return out;
}

}  // namespace

struct ContentHasher::Impl {
  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() { EVP_MD_CTX_free(ctx); }
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
};

ContentHasher::ContentHasher() : impl_(std::make_unique<Impl>()) {
  assert(impl_->ctx != nullptr);
  reset();
}

ContentHasher::~ContentHasher() = default;

void ContentHasher::reset() {
  [[maybe_unused]] int ok = EVP_DigestInit_ex2(impl_->ctx, sha256(), nullptr);
  assert(ok == 1);
}

void ContentHasher::update(std::string_view bytes) {
  [[maybe_unused]] int ok = EVP_DigestUpdate(impl_->ctx, bytes.data(), bytes.size());
  assert(ok == 1);
}

void ContentHasher::update_part(std::string_view part) {
  unsigned char len[8];
  uint64_t n = part.size();
  for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(n >> (8 * i));
  update(std::string_view(reinterpret_cast<const char*>(len), sizeof len));
  update(part);
}

std::array<unsigned char, 32> ContentHasher::finish() {
  std::array<unsigned char, 32> digest{};
  unsigned int len = 0;
  [[maybe_unused]] int ok = EVP_DigestFinal_ex(impl_->ctx, digest.data(), &len);
  assert(ok == 1 && len == digest.size());
  return digest;
}

std::string ContentHasher::hex128() {
  auto d = finish();
  return to_hex(d.data(), 16);
}

std::string ContentHasher::hex256() {
  auto d = finish();
  return to_hex(d.data(), d.size());
}

Result<FileFingerprint> fingerprint_file(const std::string& path) {
  SourceLocation where;
  where.file = path;
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return Status(ErrorCode::kIo, std::string("cannot open: ") + std::strerror(errno), where);
  ContentHasher hasher;
  FileFingerprint fp;
  fp.path = path;
  std::vector<char> buf(1 << 16);
  size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), f.get())) > 0) {
    hasher.update(std::string_view(buf.data(), n));
    fp.size += static_cast<int64_t>(n);
  }
  if (std::ferror(f.get())) {
    return Status(ErrorCode::kIo, std::string("cannot read: ") + std::strerror(errno), where);
  }
  fp.content_hash = hasher.hex256();
  return fp;
}

}  // namespace revarch
