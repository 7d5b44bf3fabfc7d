#include "demo/mess.h"

#include <fmt/format.h>

#include <cctype>

#include "demo/render.h"
#include "demo/vocab.h"

namespace revarch::demo {
namespace {

void append_utf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string to_fullwidth(std::string_view ascii) {
  std::string out;
  for (char ch : ascii) {
    const auto u = static_cast<unsigned char>(ch);
    if (u == ' ') {
      out += "\u3000";
    } else if (u > 0x20 && u < 0x7F) {
      append_utf8(0xFF01 + (u - 0x21), &out);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

std::string katakana_to_hiragana(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 == 0xE3 && i + 2 < s.size()) {
      const uint32_t cp = ((b0 & 0x0Fu) << 12) |
                          ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                          (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      if (cp >= 0x30A1 && cp <= 0x30F6) {
        append_utf8(cp - 0x60, &out);
        i += 3;
        continue;
      }
    }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

std::string company_name_variant(const Company& c, Rng& rng) {
  const std::string core = company_core_name(c);
  const bool mae = c.legal_form != LegalForm::kAtoKabu;
  if (c.legal_form == LegalForm::kGodo) return rng.chance(0.7) ? company_legal_name(c) : core;
  switch (rng.below(10)) {
    case 0: return mae ? "(株)" + core : core + "(株)";
    case 1: return mae ? "㈱" + core : core + "㈱";
    case 2: return mae ? "（株）" + core : core + "（株）";
    case 3: return mae ? core + "株式会社" : "株式会社" + core;  // form on the wrong side
    case 4: return company_english_name(c);
    case 5: return core;
    case 6: return to_fullwidth(company_english_name(c));
    default: return company_legal_name(c);
  }
}

std::string full_name_variant(std::string_view family, std::string_view given, Rng& rng) {
  const uint32_t r = rng.below(10);
  std::string_view sep = r < 5 ? "\u3000" : r < 8 ? " " : "";
  return fmt::format("{}{}{}", family, sep, given);
}

std::string email_case_variant(std::string_view email, Rng& rng) {
  std::string out(email);
  const uint32_t r = rng.below(20);
  if (r == 0) {
    for (char& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  } else if (r < 3) {
    bool up = true;
    for (char& ch : out) {
      if (ch == '@') break;
      if (up) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      up = ch == '.';
    }
  }
  return out;
}

std::string phone_variant(const Company& c, uint32_t person, Rng& rng) {
  const std::string_view area = prefectures()[c.prefecture].en == "Tokyo"   ? "03"
                                : prefectures()[c.prefecture].en == "Osaka" ? "06"
                                                                            : "052";
  const uint64_t h = mix64(c.corporate_base) + person;
  const std::string local = area.size() == 2
                                ? fmt::format("{:04d}-{:04d}", h % 10000, (h >> 16) % 10000)
                                : fmt::format("{:03d}-{:04d}", h % 1000, (h >> 16) % 10000);
  const std::string national = fmt::format("{}-{}", area, local);
  switch (rng.below(8)) {
    case 0: return to_fullwidth(national);
    case 1: return fmt::format("+81-{}-{}", area.substr(1), local);
    default: return national;
  }
}

}  // namespace revarch::demo
