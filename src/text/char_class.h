#pragma once
// Internal to revarch_text: code-point classes and folds shared by the normalisers.

#include <string>
#include <string_view>

namespace revarch::text::internal {

/// Hiragana, katakana (full and half width), the long-vowel mark and voicing marks.
bool is_kana(char32_t cp);
/// Unicode white space (incl. U+3000, U+00A0, tabs, line breaks) and U+200B/U+FEFF.
bool is_space(char32_t cp);
/// Dash, wave-dash and minus variants that normalize_text folds to '-' (not U+30FC).
bool is_dash(char32_t cp);
/// ・ ･ · and similar separators of name parts.
bool is_middle_dot(char32_t cp);
/// Unicode general category P* (punctuation).
bool is_punctuation(char32_t cp);
/// Simple lower-case mapping (ASCII fast path, ICU otherwise).
char32_t to_lower(char32_t cp);
/// The common form of a variant kanji (髙 -> 高); `cp` itself when not in the table.
char32_t fold_variant_kanji(char32_t cp);

/// ASCII letters lower-cased in place; other bytes untouched (so byte offsets are preserved).
void ascii_lower_in_place(std::string& s);

}  // namespace revarch::text::internal
