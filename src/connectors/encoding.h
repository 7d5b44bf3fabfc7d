#pragma once
// Character encodings of exports and their streaming conversion to UTF-8.
//
// Detection: a byte-order mark decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is UTF-8
// and anything else is CP932 (Windows Shift_JIS, the encoding of Sansan/Eight/EDINET files).
// The CP932 conversion uses ICU's "windows-31j" (ibm-943_P15A-2003 in Debian's ICU 72), which
// maps 0x8160 to U+FF5E, 0x817C to U+FF0D and the NEC/IBM extensions (①, ㈱) as Windows does.

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "connectors/byte_source.h"

namespace revarch::connectors {

enum class Encoding { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be, kCp932 };

/// "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "cp932".
const char* encoding_name(Encoding e);

/// Detects the encoding of `head`, the leading bytes of a file. `complete` says `head` is the
/// whole file; otherwise a multi-byte sequence cut at the end of `head` does not count against
/// UTF-8.
Encoding detect_encoding(std::string_view head, bool complete);

/// Wraps `inner` into a source of UTF-8 bytes (BOM removed). The encoding is detected from the
/// first chunk read; when that chunk is pure ASCII the decision waits for the first chunk with
/// non-ASCII bytes, so a CP932 file with an ASCII-only head is still decoded as CP932. Invalid
/// input becomes U+FFFD, never an error. Multi-byte sequences split across chunks are carried.
std::unique_ptr<ByteSource> utf8_decoding_source(std::unique_ptr<ByteSource> inner);

/// As utf8_decoding_source but with the encoding fixed by the caller.
std::unique_ptr<ByteSource> utf8_decoding_source(std::unique_ptr<ByteSource> inner,
                                                 Encoding encoding);

/// Converts a whole buffer to UTF-8 (detecting the encoding); for tests and small inputs.
Result<std::string> to_utf8(std::string_view bytes);

/// Converts UTF-8 text to CP932 (unmappable characters become '?'); used by tests and the demo
/// to write Shift_JIS exports.
Result<std::string> utf8_to_cp932(std::string_view utf8);

}  // namespace revarch::connectors
