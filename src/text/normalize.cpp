// nfkc, normalize_text and the person-name keys of japanese.h.

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cassert>
#include <vector>

#include "text/char_class.h"
#include "text/japanese.h"
#include "text/utf8.h"

namespace revarch::text {
namespace {

using internal::is_space;

const icu::Normalizer2& nfkc_instance() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    assert(U_SUCCESS(status) && n != nullptr && "ICU NFKC data missing");
    return n;
  }();
  return *instance;
}

const icu::Normalizer2& nfkd_instance() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKDInstance(status);
    assert(U_SUCCESS(status) && n != nullptr && "ICU NFKD data missing");
    return n;
  }();
  return *instance;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// `valid` must be well-formed UTF-8.
std::string normalize_valid(const icu::Normalizer2& n, std::string_view valid) {
  std::string out;
  out.reserve(valid.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  n.normalizeUTF8(0, icu::StringPiece(valid.data(), static_cast<int32_t>(valid.size())), sink,
                  nullptr, status);
  assert(U_SUCCESS(status));
  return out;
}

std::string normalize_with(const icu::Normalizer2& n, std::string_view utf8) {
  if (is_valid_utf8(utf8)) return normalize_valid(n, utf8);
  return normalize_valid(n, sanitize_utf8(utf8));
}

/// NFKC of well-formed text, skipping ICU when the text is ASCII or already normalised.
std::string nfkc_valid(std::string_view valid) {
  if (is_ascii(valid)) return std::string(valid);
  UErrorCode status = U_ZERO_ERROR;
  const icu::StringPiece piece(valid.data(), static_cast<int32_t>(valid.size()));
  if (nfkc_instance().isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    return std::string(valid);
  }
  return normalize_valid(nfkc_instance(), valid);
}

/// Appends `cp`, turning runs of white space into one pending ' ' (never leading or trailing).
class SpaceCollapser {
 public:
  explicit SpaceCollapser(std::string& out) : out_(out) {}
  void push(char32_t cp) {
    if (is_space(cp)) {
      pending_space_ = !out_.empty();
      return;
    }
    if (pending_space_) out_.push_back(' ');
    pending_space_ = false;
    append_utf8(out_, cp);
  }

 private:
  std::string& out_;
  bool pending_space_ = false;
};

/// Applies `fold` to each code point of the NFKC form of `utf8`; fold returns 0 to drop one.
template <typename Fold>
std::string map_code_points(std::string_view normalized, Fold fold) {
  std::string out;
  out.reserve(normalized.size());
  for (size_t i = 0; i < normalized.size();) {
    const char32_t cp = fold(next_code_point(normalized, i));
    if (cp != 0) append_utf8(out, cp);
  }
  return out;
}

char32_t katakana_to_hiragana(char32_t cp) {
  if (cp >= 0x30A1 && cp <= 0x30F6) return cp - 0x60;
  if (cp == 0x30FD || cp == 0x30FE) return cp - 0x60;  // ヽ ヾ -> ゝ ゞ
  return cp;
}

/// True when normalize_text(s) == s, decided without ICU for the common case: printable ASCII
/// with single inner spaces, hiragana, katakana (ー only after kana), 、。々「」『』 and CJK
/// unified ideographs that are not variant kanji. All of these are NFKC-stable starters that
/// never compose with a neighbour, so NFKC leaves such a string alone. false means "unknown".
bool already_normalized(std::string_view s) {
  if (s.empty()) return true;
  if (s.front() == ' ' || s.back() == ' ') return false;
  char32_t prev = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F || (c == ' ' && prev == ' ')) return false;
      prev = c;
      ++i;
      continue;
    }
    if ((c & 0xF0) != 0xE0 || i + 3 > s.size()) return false;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    const auto c2 = static_cast<unsigned char>(s[i + 2]);
    if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return false;
    const char32_t cp = (static_cast<char32_t>(c & 0x0F) << 12) |
                        (static_cast<char32_t>(c1 & 0x3F) << 6) | (c2 & 0x3F);
    const bool kana = (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA);
    const bool ok = kana || (cp == 0x30FC && internal::is_kana(prev)) || cp == 0x3001 ||
                    cp == 0x3002 || cp == 0x3005 || (cp >= 0x300C && cp <= 0x300F) ||
                    (cp >= 0x4E00 && cp <= 0x9FFF && internal::fold_variant_kanji(cp) == cp);
    if (!ok) return false;
    prev = cp;
    i += 3;
  }
  return true;
}

}  // namespace

std::string nfkc(std::string_view utf8) {
  if (is_valid_utf8(utf8)) return nfkc_valid(utf8);
  return nfkc_valid(sanitize_utf8(utf8));
}

std::string normalize_text(std::string_view utf8) {
  // NFKC turns the full-width tilde ～ into '~', which must stay distinct from a real '~', and
  // half-width ｰ into ー; fold dashes on the original text, then normalise.
  if (already_normalized(utf8)) return std::string(utf8);
  std::string folded;
  folded.reserve(utf8.size());
  const std::string valid = sanitize_utf8(utf8);
  char32_t prev = 0;
  for (size_t i = 0; i < valid.size();) {
    char32_t cp = next_code_point(valid, i);
    const bool long_vowel = cp == 0x30FC || cp == 0xFF70;
    if (long_vowel ? !internal::is_kana(prev) : internal::is_dash(cp)) cp = '-';
    append_utf8(folded, cp);
    prev = cp;
  }
  const std::string normalized = nfkc_valid(folded);
  std::string out;
  out.reserve(normalized.size());
  SpaceCollapser spaces(out);
  for (size_t i = 0; i < normalized.size();) {
    const char32_t cp = next_code_point(normalized, i);
    if (cp == 0x200B || cp == 0xFEFF) continue;  // zero-width space, BOM: invisible
    spaces.push(internal::is_dash(cp) ? U'-' : internal::fold_variant_kanji(cp));
  }
  return out;
}

std::string normalize_person_name(std::string_view utf8) {
  return map_code_points(normalize_text(utf8), [](char32_t cp) -> char32_t {
    if (is_space(cp) || internal::is_middle_dot(cp)) return 0;
    return internal::to_lower(cp);
  });
}

std::string kana_fold(std::string_view utf8) {
  return map_code_points(nfkc(utf8), [](char32_t cp) -> char32_t {
    if (is_space(cp) || internal::is_middle_dot(cp)) return 0;
    return internal::to_lower(katakana_to_hiragana(cp));
  });
}

std::string romaji_key(std::string_view utf8) {
  // NFKD then dropping combining marks folds macrons: "Ōno" and "Ono" give the same key.
  const std::string decomposed = normalize_with(nfkd_instance(), utf8);
  std::vector<std::string> tokens(1);
  for (size_t i = 0; i < decomposed.size();) {
    const char32_t cp = next_code_point(decomposed, i);
    if (u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK) continue;
    if (is_space(cp) || cp == ',' || internal::is_middle_dot(cp)) {
      if (!tokens.back().empty()) tokens.emplace_back();
      continue;
    }
    append_utf8(tokens.back(), internal::to_lower(cp));
  }
  if (tokens.back().empty()) tokens.pop_back();
  std::sort(tokens.begin(), tokens.end());
  std::string out;
  for (const std::string& t : tokens) {
    if (!out.empty()) out.push_back(' ');
    out += t;
  }
  return out;
}

}  // namespace revarch::text
