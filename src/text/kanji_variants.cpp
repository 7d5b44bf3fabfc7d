// Variant (異体字) and traditional (旧字体) kanji seen in company and family names, folded to the
// form used in everyday writing, so "髙橋" matches "高橋". NFKC already folds the CJK
// compatibility ideographs that have a canonical decomposition (e.g. U+FA10 塚); this table holds
// the ones it leaves alone.

#include <algorithm>
#include <array>
#include <utility>

#include "text/char_class.h"

namespace revarch::text::internal {
namespace {

// Sorted by the variant code point (checked by a test through fold_variant_kanji).
constexpr std::array<std::pair<char32_t, char32_t>, 39> kVariants = {{
    {0x4E9E, 0x4E9C},  // 亞 -> 亜
    {0x51A8, 0x5BCC},  // 冨 -> 富
    {0x570B, 0x56FD},  // 國 -> 国
    {0x5BE6, 0x5B9F},  // 實 -> 実
    {0x5C07, 0x5C06},  // 將 -> 将
    {0x5D5C, 0x5D0E},  // 嵜 -> 崎
    {0x5D8B, 0x5CF6},  // 嶋 -> 島
    {0x5D8C, 0x5CF6},  // 嶌 -> 島
    {0x5EE3, 0x5E83},  // 廣 -> 広
    {0x5FB7, 0x5FB3},  // 德 -> 徳
    {0x60E0, 0x6075},  // 惠 -> 恵
    {0x6236, 0x6238},  // 戶 -> 戸
    {0x66FE, 0x66FD},  // 曾 -> 曽
    {0x6703, 0x4F1A},  // 會 -> 会
    {0x6852, 0x6851},  // 桒 -> 桑
    {0x689D, 0x6761},  // 條 -> 条
    {0x69AE, 0x6804},  // 榮 -> 栄
    {0x69C7, 0x69D9},  // 槇 -> 槙
    {0x6AFB, 0x685C},  // 櫻 -> 桜
    {0x6DF8, 0x6E05},  // 淸 -> 清
    {0x6FA4, 0x6CA2},  // 澤 -> 沢
    {0x6FF1, 0x6D5C},  // 濱 -> 浜
    {0x6FF5, 0x6D5C},  // 濵 -> 浜
    {0x7028, 0x702C},  // 瀨 -> 瀬
    {0x771E, 0x771F},  // 眞 -> 真
    {0x7895, 0x5D0E},  // 碕 -> 崎
    {0x8207, 0x4E0E},  // 與 -> 与
    {0x8218, 0x9928},  // 舘 -> 館
    {0x842C, 0x4E07},  // 萬 -> 万
    {0x85CF, 0x8535},  // 藏 -> 蔵
    {0x8B8A, 0x5909},  // 變 -> 変
    {0x9089, 0x8FBA},  // 邉 -> 辺
    {0x908A, 0x8FBA},  // 邊 -> 辺
    {0x90A8, 0x6751},  // 邨 -> 村
    {0x9751, 0x9752},  // 靑 -> 青
    {0x9AD9, 0x9AD8},  // 髙 -> 高
    {0x9ED1, 0x9ED2},  // 黑 -> 黒
    {0x9F4A, 0x658E},  // 齊 -> 斎 (as 齊藤 is usually filed under 斎藤)
    {0x9F4B, 0x658E},  // 齋 -> 斎
}};

static_assert(std::is_sorted(kVariants.begin(), kVariants.end()));

// Outside the BMP table: 𠮷 (U+20BB7, "tsuchi-yoshi") -> 吉, and 﨑 (U+FA11) -> 崎.
constexpr char32_t kTsuchiYoshi = 0x20BB7;
constexpr char32_t kCompatSaki = 0xFA11;

}  // namespace

char32_t fold_variant_kanji(char32_t cp) {
  if (cp < 0x4E00) return cp;
  if (cp == kCompatSaki) return 0x5D0E;
  if (cp == kTsuchiYoshi) return 0x5409;
  auto it = std::lower_bound(kVariants.begin(), kVariants.end(), cp,
                             [](const auto& e, char32_t v) { return e.first < v; });
  return (it != kVariants.end() && it->first == cp) ? it->second : cp;
}

}  // namespace revarch::text::internal
