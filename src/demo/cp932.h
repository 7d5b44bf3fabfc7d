#pragma once
// UTF-8 <-> CP932 (Windows-31J, "Shift_JIS" as Japanese tools write it) through ICU.
//
// Thread-safety: a Cp932Codec holds ICU converters and is not thread-safe; use one per thread.

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

struct UConverter;

namespace revarch::demo {

class Cp932Codec {
 public:
  Cp932Codec();
  ~Cp932Codec();
  Cp932Codec(const Cp932Codec&) = delete;
  Cp932Codec& operator=(const Cp932Codec&) = delete;

  /// Appends `utf8` encoded as CP932 to `*out`. Fails (kInvalidArgument) on invalid UTF-8 or a
  /// character CP932 cannot represent; `*out` is then unspecified.
  Status encode(std::string_view utf8, std::string* out);
  /// True when every character of `utf8` has a CP932 encoding.
  bool representable(std::string_view utf8);
  /// Decodes CP932 bytes to UTF-8. Fails (kParse) on a byte sequence CP932 does not define.
  Result<std::string> decode(std::string_view cp932);

 private:
  UConverter* conv_ = nullptr;
  std::u16string scratch_;
};

}  // namespace revarch::demo
