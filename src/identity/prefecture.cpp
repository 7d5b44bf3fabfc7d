#include "identity/prefecture.h"

#include <array>
#include <cctype>

#include "text/japanese.h"

namespace revarch::identity {
namespace {

struct Prefecture {
  std::string_view ja, en;
};

constexpr std::array<Prefecture, 47> kPrefectures = {{
    {"北海道", "hokkaido"},    {"青森県", "aomori"},     {"岩手県", "iwate"},
    {"宮城県", "miyagi"},      {"秋田県", "akita"},      {"山形県", "yamagata"},
    {"福島県", "fukushima"},   {"茨城県", "ibaraki"},    {"栃木県", "tochigi"},
    {"群馬県", "gunma"},       {"埼玉県", "saitama"},    {"千葉県", "chiba"},
    {"東京都", "tokyo"},       {"神奈川県", "kanagawa"}, {"新潟県", "niigata"},
    {"富山県", "toyama"},      {"石川県", "ishikawa"},   {"福井県", "fukui"},
    {"山梨県", "yamanashi"},   {"長野県", "nagano"},     {"岐阜県", "gifu"},
    {"静岡県", "shizuoka"},    {"愛知県", "aichi"},      {"三重県", "mie"},
    {"滋賀県", "shiga"},       {"京都府", "kyoto"},      {"大阪府", "osaka"},
    {"兵庫県", "hyogo"},       {"奈良県", "nara"},       {"和歌山県", "wakayama"},
    {"鳥取県", "tottori"},     {"島根県", "shimane"},    {"岡山県", "okayama"},
    {"広島県", "hiroshima"},   {"山口県", "yamaguchi"},  {"徳島県", "tokushima"},
    {"香川県", "kagawa"},      {"愛媛県", "ehime"},      {"高知県", "kochi"},
    {"福岡県", "fukuoka"},     {"佐賀県", "saga"},       {"長崎県", "nagasaki"},
    {"熊本県", "kumamoto"},    {"大分県", "oita"},       {"宮崎県", "miyazaki"},
    {"鹿児島県", "kagoshima"}, {"沖縄県", "okinawa"},
}};

// "tokyo-to", "osaka fu", "aichi-ken", "hokkaido prefecture", "tōkyō", "toukyou" -> the bare name.
std::string romaji_core(std::string s) {
  for (std::string_view suffix :
       {" prefecture", "-prefecture", "-ken", " ken", "-fu", " fu", "-to", " to", "-do", " do"}) {
    if (s.size() > suffix.size() && s.ends_with(suffix)) {
      s.resize(s.size() - suffix.size());
      break;
    }
  }
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    // Long vowels as written on some records: ou, oo, uu, oh -> o / u.
    if ((s[i] == 'o' || s[i] == 'u') && i + 1 < s.size() &&
        (s[i + 1] == 'u' || s[i + 1] == 'o' || (s[i] == 'o' && s[i + 1] == 'h'))) {
      out += s[i];
      ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

}  // namespace

std::string prefecture_key(std::string_view raw) {
  std::string s = text::normalize_text(raw);
  if (s.empty()) return s;
  for (const Prefecture& p : kPrefectures) {
    if (s == p.ja) return std::string(p.ja);
    // 東京 for 東京都, 大阪 for 大阪府, 愛知 for 愛知県 (北海道 is never shortened).
    std::string_view bare = p.ja.substr(0, p.ja.size() - 3);
    if (p.en != "hokkaido" && s == bare) return std::string(p.ja);
  }
  std::string lower;
  for (unsigned char c : s) {
    if (c >= 0x80) return s;
    lower += static_cast<char>(std::tolower(c));
  }
  std::string core = romaji_core(lower);
  for (const Prefecture& p : kPrefectures) {
    if (core == p.en || core == romaji_core(std::string(p.en))) return std::string(p.ja);
  }
  return s;
}

}  // namespace revarch::identity
