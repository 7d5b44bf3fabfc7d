#include "store/event_codec.h"

#include <cstdint>

namespace revarch::codec {
namespace {

void put_varint(uint64_t v, std::string& out) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void put_bytes(std::string_view s, std::string& out) {
  put_varint(s.size(), out);
  out.append(s);
}

/// A cursor over encoded bytes; every read fails softly (ok() turns false) past the end.
class Reader {
 public:
  explicit Reader(std::string_view b) : p_(b.data()), end_(b.data() + b.size()) {}

  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) return fail();
      auto byte = static_cast<unsigned char>(*p_++);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    return fail();
  }

  void bytes(std::string& out) {
    uint64_t n = varint();
    if (!ok_ || n > static_cast<uint64_t>(end_ - p_)) {
      fail();
      return;
    }
    out.assign(p_, n);
    p_ += n;
  }

  unsigned char byte() {
    if (p_ == end_) return static_cast<unsigned char>(fail());
    return static_cast<unsigned char>(*p_++);
  }

  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  size_t remaining() const { return static_cast<size_t>(end_ - p_); }

 private:
  uint64_t fail() {
    ok_ = false;
    p_ = end_;
    return 0;
  }
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

}  // namespace

void encode_properties(const Properties& props, std::string& out) {
  put_varint(props.size(), out);
  for (const auto& [k, v] : props) {
    put_bytes(k, out);
    put_bytes(v, out);
  }
}

void encode_refs(const std::vector<SourceRef>& refs, std::string& out) {
  put_varint(refs.size(), out);
  for (const auto& r : refs) {
    put_bytes(r.source, out);
    out.push_back(static_cast<char>(r.kind));
    put_bytes(r.id, out);
  }
}

bool decode_properties(std::string_view bytes, Properties& props) {
  Reader in(bytes);
  uint64_t n = in.varint();
  // Each entry takes at least two bytes: a count beyond that is corrupt, not an allocation.
  if (!in.ok() || n > in.remaining() / 2) return false;
  props.resize(n);
  for (auto& [k, v] : props) {
    in.bytes(k);
    in.bytes(v);
  }
  return in.ok() && in.at_end();
}

bool decode_refs(std::string_view bytes, std::vector<SourceRef>& refs) {
  Reader in(bytes);
  uint64_t n = in.varint();
  if (!in.ok() || n > in.remaining() / 3) return false;
  refs.resize(n);
  for (auto& r : refs) {
    in.bytes(r.source);
    unsigned char kind = in.byte();
    if (kind > static_cast<unsigned char>(EntityKind::kVisitor)) return false;
    r.kind = static_cast<EntityKind>(kind);
    in.bytes(r.id);
  }
  return in.ok() && in.at_end();
}

}  // namespace revarch::codec
