#include "text/char_class.h"

#include <unicode/uchar.h>

namespace revarch::text::internal {

bool is_kana(char32_t cp) {
  return (cp >= 0x3041 && cp <= 0x309F) ||  // hiragana incl. voicing marks and ゟ
         (cp >= 0x30A1 && cp <= 0x30FF) ||  // katakana incl. ー ヽ ヾ
         (cp >= 0x31F0 && cp <= 0x31FF) ||  // small katakana extension
         (cp >= 0xFF66 && cp <= 0xFF9F);    // half-width katakana
}

bool is_space(char32_t cp) {
  switch (cp) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x200B:
    case 0xFEFF: return true;
    default: return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool is_dash(char32_t cp) {
  switch (cp) {
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2043:
    case 0x2212:
    case 0x2E3A:
    case 0x2E3B:
    case 0x301C:
    case 0x3030:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
    case 0xFF5E:
    case 0xFF70: return true;
    default: return false;
  }
}

bool is_middle_dot(char32_t cp) {
  return cp == 0x30FB || cp == 0xFF65 || cp == 0x00B7 || cp == 0x2022 || cp == 0x2027;
}

bool is_punctuation(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 0x21 && cp <= 0x2F && cp != 0x24 && cp != 0x2B) ||
           (cp >= 0x3A && cp <= 0x40 && cp != 0x3C && cp != 0x3D && cp != 0x3E) ||
           (cp >= 0x5B && cp <= 0x60 && cp != 0x5E && cp != 0x60) || cp == 0x7B || cp == 0x7D;
  }
  return u_ispunct(static_cast<UChar32>(cp));
}

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

void ascii_lower_in_place(std::string& s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
}

}  // namespace revarch::text::internal
