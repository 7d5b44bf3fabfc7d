#pragma once
// Normalisation of Japanese (and mixed Japanese/Latin) text into comparison keys: company names,
// person names and readings. Used by connectors (cleaning cells), identity (matching keys) and the
// demo generator (producing realistic variants).
//
// All functions are pure and thread-safe; they accept any bytes (ill-formed UTF-8 becomes U+FFFD
// first, never a crash) and return UTF-8.

#include <string>
#include <string_view>

namespace revarch::text {

/// Unicode NFKC (ICU Normalizer2): full-width ASCII -> ASCII, half-width katakana -> katakana,
/// ㈱ -> (株), ㍿ -> 株式会社, U+3000 -> ' '.
std::string nfkc(std::string_view utf8);

/// NFKC, then the folds NFKC misses:
///  - dash and long-vowel variants (〜 ～ − ‐ ‑ ‒ – — ― ｰ) -> '-'; ー (U+30FC) -> '-' unless it
///    follows a kana (カード keeps its ー; "03ー1234" becomes "03-1234");
///  - variant kanji -> common form (髙->高, 﨑->崎, 德->徳, 桒->桑, 邊/邉->辺, 濵->浜, 齋/齊->斎,
///    廣->広, ...; see kanji_variants.cpp for the table);
///  - every Unicode space (U+3000, U+00A0, tabs, ...) -> ' ', runs collapsed to one, trimmed;
///    zero-width space and BOM dropped.
std::string normalize_text(std::string_view utf8);

/// The matching key of a company name: normalize_text, legal forms removed wherever they stand
/// (before or after the name: 株式会社, (株), ㈱, ㍿, 有限会社, 一般社団法人, K.K., Co., Ltd.,
/// Inc., LLC, ...; the list of FORMATS.md "Legal forms"), Latin lower-cased, punctuation and spaces
/// dropped. "株式会社ＡＢＣ商事", "ABC商事(株)", "ＡＢＣ商事　株式会社", "㈱ABC商事" -> "abc商事".
/// Returns "" when nothing but a legal form (or nothing) is left.
std::string normalize_company_name(std::string_view utf8);

/// The display name without its legal form: normalize_text, then the leading/trailing legal
/// forms and the separators around them removed; case and inner spaces kept.
/// "株式会社　サカタのタネ" -> "サカタのタネ", "KANEKO SEEDS CO., LTD." -> "KANEKO SEEDS".
std::string strip_legal_form(std::string_view utf8);

/// The matching key of a person's name: normalize_text, spaces (incl. U+3000) removed, Latin
/// lower-cased. "山田　太郎" and "山田太郎" -> "山田太郎".
std::string normalize_person_name(std::string_view utf8);

/// A reading key: NFKC, katakana -> hiragana (so readings in either script compare equal),
/// spaces and middle dots (・ ･ ·) removed, ー kept. "ヤマダ　タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ", "やまだたろう"
/// -> "やまだたろう".
std::string kana_fold(std::string_view utf8);

/// An order-insensitive key for romanised names: NFKC, lower-cased, split on spaces, commas and
/// middle dots, tokens sorted and joined by ' '. "Taro Yamada", "YAMADA Taro", "Yamada, Taro" ->
/// "taro yamada".
std::string romaji_key(std::string_view utf8);

}  // namespace revarch::text
