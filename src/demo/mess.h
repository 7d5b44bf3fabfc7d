#pragma once
// The deliberate mess of real exports: the same fact written differently by different tools and
// people. Pure functions; thread-safe.

#include <string>
#include <string_view>

#include "demo/rng.h"
#include "demo/world.h"

namespace revarch::demo {

/// ASCII letters, digits and common punctuation as their full-width forms (Ａ１－).
std::string to_fullwidth(std::string_view ascii);
/// Katakana (ァ..ヶ) turned into hiragana; other characters kept.
std::string katakana_to_hiragana(std::string_view s);

/// The company's name as some person typed it: legal form before or after, (株), ㈱, （株）,
/// K.K./Co., Ltd. in English, full-width letters and digits. Never empty.
std::string company_name_variant(const Company& c, Rng& rng);
/// 姓 + separator + 名, the separator U+3000, an ASCII space or nothing.
std::string full_name_variant(std::string_view family, std::string_view given, Rng& rng);
/// The e-mail with its case changed for some records ("Taro.Yamada@…", "TARO.YAMADA@…").
std::string email_case_variant(std::string_view email, Rng& rng);
/// A phone number at a company in one of the usual writings (03-1234-5678, full-width, +81).
std::string phone_variant(const Company& c, uint32_t person, Rng& rng);

}  // namespace revarch::demo
