#pragma once
// Romanised name keys, so that a name written in Latin letters ("Eri Sakaguchi", "SAKAGUCHI
// Eri") meets the same person's kana reading (さかぐち えり) at the same company. Hepburn, then
// folded so the usual spellings of long vowels agree (Satou = Sato = Satoh = Satō, Shuuichi =
// Shuichi) and syllabic n before b/m/p is n (Homma = Honma).
//
// Pure functions; thread-safe.

#include <string>
#include <string_view>

namespace revarch::identity {

/// Hepburn romanisation of hiragana/katakana (full or half width); other characters are
/// dropped except spaces, which separate tokens. "さかぐち えり" -> "sakaguchi eri",
/// "いっぺい" -> "ippei", "しゅういち" -> "shuuichi". "" when nothing is kana.
std::string kana_to_romaji(std::string_view kana);

/// The order-free folded key of a romanised name: lower case, letters only, tokens split on
/// anything else, long vowels folded (ou, oo, oh before a consonant or at the end -> o; uu -> u;
/// macrons and circumflexes -> the vowel), m before b/m/p -> n, tokens sorted and joined by a
/// space. "Eri SAKAGUCHI" and "Sakaguchi, Eri" -> "eri sakaguchi". "" when no letters.
std::string romaji_fold(std::string_view latin);

}  // namespace revarch::identity
