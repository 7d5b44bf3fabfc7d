#include "identity/romaji.h"

#include <algorithm>
#include <array>
#include <vector>

#include "text/japanese.h"
#include "text/utf8.h"

namespace revarch::identity {
namespace {

// Hepburn of the hiragana U+3041..U+3096 (small kana: the small vowel itself; っ and ゃゅょ
// are handled by the caller).
constexpr std::array<std::string_view, 86> kHiragana = {
    "a",  "a",  "i",   "i",  "u",  "u",   "e",  "e",   "o",  "o",  "ka", "ga", "ki", "gi", "ku",
    "gu", "ke", "ge",  "ko", "go", "sa",  "za", "shi", "ji", "su", "zu", "se", "ze", "so", "zo",
    "ta", "da", "chi", "ji", "",   "tsu", "zu", "te",  "de", "to", "do", "na", "ni", "nu", "ne",
    "no", "ha", "ba",  "pa", "hi", "bi",  "pi", "fu",  "bu", "pu", "he", "be", "pe", "ho", "bo",
    "po", "ma", "mi",  "mu", "me", "mo",  "ya", "ya",  "yu", "yu", "yo", "yo", "ra", "ri", "ru",
    "re", "ro", "wa",  "wa", "i",  "e",   "o",  "n",   "vu", "ka", "ke"};

bool is_small_y(char32_t c) {
  return c == 0x3083 || c == 0x3085 || c == 0x3087;
}

// きゃ -> kya, しゃ -> sha, ちゃ -> cha, じゃ -> ja.
std::string youon(std::string_view base, char32_t small) {
  char vowel = small == 0x3083 ? 'a' : small == 0x3085 ? 'u' : 'o';
  std::string stem(base.substr(0, base.size() - 1));  // drop the i
  if (stem == "sh" || stem == "ch" || stem == "j") return stem + vowel;
  return stem + 'y' + vowel;
}

void fold_vowels(std::string& t) {
  std::string out;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    char next = i + 1 < t.size() ? t[i + 1] : '\0';
    if (c == 'o' && (next == 'u' || next == 'o')) {
      out += 'o';
      ++i;
    } else if (c == 'u' && next == 'u') {
      out += 'u';
      ++i;
    } else if (c == 'o' && next == 'h' &&
               (i + 2 >= t.size() ||
                std::string_view("aeiouy").find(t[i + 2]) == std::string_view::npos)) {
      out += 'o';
      ++i;
    } else if (c == 'm' && (next == 'b' || next == 'm' || next == 'p') && !out.empty() &&
               std::string_view("aeiou").find(out.back()) != std::string_view::npos) {
      out += 'n';
    } else {
      out += c;
    }
  }
  t = std::move(out);
}

// The tokens of `s` separated by ASCII spaces or U+3000.
std::vector<std::string> split_spaces(std::string_view s) {
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = text::next_code_point(s, i);
    if (c == ' ' || c == 0x3000) {
      parts.emplace_back();
    } else {
      parts.back().append(s.substr(at, i - at));
    }
  }
  return parts;
}

// Hepburn of one token of hiragana (after kana_fold).
std::string romanize(std::string_view h) {
  std::string token;
  bool sokuon = false;
  for (size_t i = 0; i < h.size();) {
    char32_t c = text::next_code_point(h, i);
    if (c == 0x3063) {  // っ doubles the next consonant
      sokuon = true;
      continue;
    }
    if (c < 0x3041 || c > 0x3096) continue;  // ー and anything else: folded away or dropped
    std::string syl(kHiragana[c - 0x3041]);
    size_t peek = i;
    if (peek < h.size() && syl.size() >= 2 && syl.back() == 'i') {
      char32_t n = text::next_code_point(h, peek);
      if (is_small_y(n)) {
        syl = youon(syl, n);
        i = peek;
      }
    }
    if (sokuon && !syl.empty()) token += syl.starts_with("ch") ? 't' : syl[0];
    sokuon = false;
    token += syl;
  }
  return token;
}

}  // namespace

std::string kana_to_romaji(std::string_view kana) {
  std::string out;
  for (const std::string& part : split_spaces(kana)) {
    std::string token = romanize(text::kana_fold(part));
    if (token.empty()) continue;
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

std::string romaji_fold(std::string_view latin) {
  std::vector<std::string> tokens(1);
  for (size_t i = 0; i < latin.size();) {
    char32_t c = text::next_code_point(latin, i);
    switch (c) {  // macrons and circumflexes
      case U'ā':
      case U'â':
      case U'Ā':
      case U'Â': c = 'a'; break;
      case U'ī':
      case U'î':
      case U'Ī':
      case U'Î': c = 'i'; break;
      case U'ū':
      case U'û':
      case U'Ū':
      case U'Û': c = 'u'; break;
      case U'ē':
      case U'ê':
      case U'Ē':
      case U'Ê': c = 'e'; break;
      case U'ō':
      case U'ô':
      case U'Ō':
      case U'Ô': c = 'o'; break;
      default: break;
    }
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    if (c >= 'a' && c <= 'z') {
      tokens.back() += static_cast<char>(c);
    } else if (!tokens.back().empty()) {
      tokens.emplace_back();
    }
  }
  if (tokens.back().empty()) tokens.pop_back();
  for (std::string& t : tokens) fold_vowels(t);
  std::sort(tokens.begin(), tokens.end());
  std::string out;
  for (const std::string& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

}  // namespace revarch::identity
