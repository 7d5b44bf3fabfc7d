#pragma once
// Small UTF-8 helpers shared by every layer that touches text from outside (CSV cells, API
// payloads, business cards). Pure functions; thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

namespace revarch::text {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

/// `s` with every ill-formed sequence replaced by U+FFFD (one per maximal ill-formed subpart, as
/// Unicode recommends). Returns `s` unchanged when it is already valid.
std::string sanitize_utf8(std::string_view s);

/// Number of code points in `s`; each ill-formed byte counts as one.
size_t utf8_length(std::string_view s);

/// Appends the UTF-8 encoding of `cp` to `out` (cp must be a scalar value; others give U+FFFD).
void append_utf8(std::string& out, char32_t cp);

/// Decodes the code point starting at s[i] and advances i past it; an ill-formed sequence yields
/// U+FFFD and advances past its maximal ill-formed subpart (at least one byte). Requires i < size.
char32_t next_code_point(std::string_view s, size_t& i);

}  // namespace revarch::text
