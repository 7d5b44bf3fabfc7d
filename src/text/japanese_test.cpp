#include "text/japanese.h"

#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "text/utf8.h"

namespace revarch::text {
namespace {

TEST(Nfkc, FoldsCompatibilityForms) {
  EXPECT_EQ(nfkc("ＡＢＣ１２３"), "ABC123");
  EXPECT_EQ(nfkc("ｶﾌﾞｼｷｶﾞｲｼｬ"), "カブシキガイシャ");
  EXPECT_EQ(nfkc("㈱"), "(株)");
  EXPECT_EQ(nfkc("（株）"), "(株)");
  EXPECT_EQ(nfkc("㍿"), "株式会社");
  EXPECT_EQ(nfkc("山田\u3000太郎"), "山田 太郎");
  EXPECT_EQ(nfkc("a\u00A0b"), "a b");
  EXPECT_EQ(nfkc("plain ascii"), "plain ascii");
}

TEST(NormalizeText, DashesAndLongVowels) {
  EXPECT_EQ(normalize_text("03\u22121234\u20105678"), "03-1234-5678");
  EXPECT_EQ(normalize_text("10時\u301C12時"), "10時-12時");
  EXPECT_EQ(normalize_text("10時\uFF5E12時"), "10時-12時");
  EXPECT_EQ(normalize_text("a~b"), "a~b");  // a real tilde stays
  for (const char* dash : {"\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\uFF0D"}) {
    EXPECT_EQ(normalize_text(std::string("A") + dash + "B"), "A-B") << dash;
  }
  EXPECT_EQ(normalize_text("セブン\u2010イレブン"), "セブン-イレブン");
  // ー between kana is a long vowel; elsewhere it is a dash.
  EXPECT_EQ(normalize_text("カード"), "カード");
  EXPECT_EQ(normalize_text("ｶｰﾄﾞ"), "カード");
  EXPECT_EQ(normalize_text("ラーメン"), "ラーメン");
  EXPECT_EQ(normalize_text("03ー1234ー5678"), "03-1234-5678");
  EXPECT_EQ(normalize_text("ABCｰ1"), "ABC-1");
  EXPECT_EQ(normalize_text("R\u30FC1"), "R-1");
}

TEST(NormalizeText, VariantKanji) {
  EXPECT_EQ(normalize_text("髙橋"), "高橋");
  EXPECT_EQ(normalize_text("山﨑"), "山崎");
  EXPECT_EQ(normalize_text("德川"), "徳川");
  EXPECT_EQ(normalize_text("桒原"), "桑原");
  EXPECT_EQ(normalize_text("渡邊"), "渡辺");
  EXPECT_EQ(normalize_text("渡邉"), "渡辺");
  EXPECT_EQ(normalize_text("濵田"), "浜田");
  EXPECT_EQ(normalize_text("齋藤"), "斎藤");
  EXPECT_EQ(normalize_text("齊藤"), "斎藤");
  EXPECT_EQ(normalize_text("廣瀬"), "広瀬");
  EXPECT_EQ(normalize_text("\U00020BB7野家"), "吉野家");
  EXPECT_EQ(normalize_text("高橋"), "高橋");
}

TEST(NormalizeText, Spaces) {
  EXPECT_EQ(normalize_text("  株式会社\u3000\u3000ABC\t商事 \u00A0"), "株式会社 ABC 商事");
  EXPECT_EQ(normalize_text("a\u200Bb\uFEFF"), "ab");  // invisible, dropped
  EXPECT_EQ(normalize_text("\u3000"), "");
  EXPECT_EQ(normalize_text(""), "");
}

TEST(NormalizeText, InvalidUtf8DoesNotCrash) {
  const std::string out = normalize_text(
      "AB\xFF\xFE"
      "C\xE6\xA0");
  EXPECT_TRUE(is_valid_utf8(out));
  EXPECT_EQ(out, "AB\uFFFD\uFFFDC\uFFFD");
  EXPECT_TRUE(is_valid_utf8(normalize_company_name("\xC0\x80株式会社")));
  EXPECT_TRUE(is_valid_utf8(kana_fold("\xFF")));
  EXPECT_TRUE(is_valid_utf8(romaji_key("\xFF Taro")));
}

TEST(PersonName, SpacesAndCase) {
  EXPECT_EQ(normalize_person_name("山田\u3000太郎"), "山田太郎");
  EXPECT_EQ(normalize_person_name("山田 太郎"), "山田太郎");
  EXPECT_EQ(normalize_person_name("髙橋　一郎"), "高橋一郎");
  EXPECT_EQ(normalize_person_name("Taro YAMADA"), "taroyamada");
  EXPECT_EQ(normalize_person_name("ジョン・スミス"), "ジョンスミス");
}

TEST(KanaFold, ReadingsInAnyScript) {
  EXPECT_EQ(kana_fold("ヤマダ\u3000タロウ"), "やまだたろう");
  EXPECT_EQ(kana_fold("ﾔﾏﾀﾞ ﾀﾛｳ"), "やまだたろう");
  EXPECT_EQ(kana_fold("やまだ たろう"), "やまだたろう");
  EXPECT_EQ(kana_fold("ヴァイオリン"), "ゔぁいおりん");
  EXPECT_EQ(kana_fold("スズキ・イチロー"), "すずきいちろー");
}

TEST(RomajiKey, OrderInsensitive) {
  EXPECT_EQ(romaji_key("Taro Yamada"), "taro yamada");
  EXPECT_EQ(romaji_key("YAMADA Taro"), "taro yamada");
  EXPECT_EQ(romaji_key("Yamada, Taro"), "taro yamada");
  EXPECT_EQ(romaji_key("Ｙａｍａｄａ　Ｔａｒｏ"), "taro yamada");
  EXPECT_EQ(romaji_key("Ōno Shōhei"), romaji_key("Shohei Ono"));
  EXPECT_EQ(romaji_key(""), "");
}

// Names from willnet/gimei: [kanji, hiragana, katakana, romaji].
struct GimeiName {
  std::string kanji, hiragana, katakana, romaji;
};

std::vector<GimeiName> load_gimei(const std::string& path) {
  std::vector<GimeiName> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const size_t open = line.find("- ['");
    if (open == std::string::npos) continue;
    std::vector<std::string> fields;
    for (size_t pos = open + 3; pos < line.size();) {
      const size_t q1 = line.find('\'', pos);
      if (q1 == std::string::npos) break;
      const size_t q2 = line.find('\'', q1 + 1);
      if (q2 == std::string::npos) break;
      fields.push_back(line.substr(q1 + 1, q2 - q1 - 1));
      pos = q2 + 1;
    }
    if (fields.size() == 4) out.push_back({fields[0], fields[1], fields[2], fields[3]});
  }
  return out;
}

std::string to_halfwidth(const std::string& s) {
  static const std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(
        icu::Transliterator::createInstance("Fullwidth-Halfwidth", UTRANS_FORWARD, status));
    EXPECT_TRUE(U_SUCCESS(status));
    return made;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

TEST(PersonName, EveryGimeiName) {
  const std::string path = std::string(REVARCH_SHARED_DIR) + "/data/jp-names/names.yml";
  if (!std::ifstream(path)) GTEST_SKIP() << "no " << path;
  const std::vector<GimeiName> names = load_gimei(path);
  ASSERT_GT(names.size(), 1000u);
  for (size_t i = 0; i < names.size(); ++i) {
    const GimeiName& a = names[i];
    const GimeiName& b = names[(i * 7919 + 13) % names.size()];  // any other name as "given"
    // Kanji with U+3000, a space or nothing between the parts.
    const std::string key = normalize_person_name(a.kanji + b.kanji);
    EXPECT_EQ(normalize_person_name(a.kanji + "\u3000" + b.kanji), key);
    EXPECT_EQ(normalize_person_name(" " + a.kanji + " " + b.kanji + " "), key);
    EXPECT_EQ(key.find(' '), std::string::npos);
    // Readings: katakana (full and half width, with U+3000) and hiragana fold equal, and equal to
    // the dataset's own hiragana.
    const std::string reading = a.hiragana + b.hiragana;
    EXPECT_EQ(kana_fold(a.katakana + "\u3000" + b.katakana), reading) << a.katakana;
    EXPECT_EQ(kana_fold(to_halfwidth(a.katakana) + " " + to_halfwidth(b.katakana)), reading)
        << to_halfwidth(a.katakana);
    EXPECT_EQ(kana_fold(a.hiragana + " " + b.hiragana), reading);
    // Romanised, given-name first or FAMILY-name first.
    EXPECT_EQ(romaji_key(b.romaji + " " + a.romaji), romaji_key(a.romaji + " " + b.romaji));
  }
}

}  // namespace
}  // namespace revarch::text
