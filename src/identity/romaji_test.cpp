#include "identity/romaji.h"

#include <gtest/gtest.h>

#include "identity/resolver.h"
#include "identity/test_events.h"

namespace revarch::identity {
namespace {

using namespace testing;  // NOLINT

TEST(Romaji, HepburnOfReadingsInEitherScript) {
  EXPECT_EQ(kana_to_romaji("さかぐち えり"), "sakaguchi eri");
  EXPECT_EQ(kana_to_romaji("サカグチ　エリ"), "sakaguchi eri");
  EXPECT_EQ(kana_to_romaji("ｲｯﾍﾟｲ"), "ippei");
  EXPECT_EQ(kana_to_romaji("しゅういち"), "shuuichi");
  EXPECT_EQ(kana_to_romaji("きょうこ"), "kyouko");
  EXPECT_EQ(kana_to_romaji("じゅんぺい"), "junpei");
  EXPECT_EQ(kana_to_romaji("まっちゃ"), "matcha");
  EXPECT_EQ(kana_to_romaji("山田"), "");
}

TEST(Romaji, FoldIsOrderFreeAndFoldsLongVowels) {
  EXPECT_EQ(romaji_fold("Eri SAKAGUCHI"), "eri sakaguchi");
  EXPECT_EQ(romaji_fold("Sakaguchi, Eri"), "eri sakaguchi");
  EXPECT_EQ(romaji_fold("Taro Satou"), romaji_fold("SATO Taro"));
  EXPECT_EQ(romaji_fold("Satoh"), "sato");
  EXPECT_EQ(romaji_fold("Satō"), "sato");
  EXPECT_EQ(romaji_fold("Shuuichi"), "shuichi");
  EXPECT_EQ(romaji_fold("Homma"), "honma");
  EXPECT_EQ(romaji_fold("Ohashi"), "ohashi");  // h before a vowel stays
  EXPECT_EQ(romaji_fold("123"), "");
}

TEST(Romaji, LatinNameMeetsTheReadingAtTheSameCompany) {
  IdentityResolver r;
  auto hub = account("hubspot", "9");
  r.add(upsert(hub, {{"company_name", "株式会社北陸デジタル商事"}}));
  r.add(upsert(contact("hubspot", "1"), {{"full_name", "坂口 恵梨"}}, 1000, {hub}));
  r.add(card(contact("sansan", "c1"),
             {{"last_name", "坂口"},
              {"first_name", "恵梨"},
              {"last_name_reading", "サカグチ"},
              {"first_name_reading", "エリ"},
              {"company_name", "北陸デジタル商事(株)"}},
             2000));
  r.add(upsert(contact("hubspot", "2"),
               {{"first_name", "Eri"}, {"last_name", "Sakaguchi"}, {"email", "eri@gmail.com"}},
               3000, {hub}));
  IdentityResult res = r.resolve();
  EXPECT_EQ(res.entity_of(contact("hubspot", "2")), res.entity_of(contact("sansan", "c1")));
  EXPECT_EQ(res.entity_of(contact("hubspot", "1")), res.entity_of(contact("sansan", "c1")));
}

TEST(Romaji, TwoPeopleOfTheSameReadingMakeTheLatinNameAmbiguous) {
  IdentityResolver r;
  auto hub = account("hubspot", "9");
  r.add(upsert(hub, {{"company_name", "株式会社北陸デジタル商事"}}));
  for (const char* id : {"c1", "c2"}) {
    r.add(card(contact("sansan", id),
               {{"last_name", "坂口"},
                {"first_name", std::string(id) == "c1" ? "恵梨" : "絵里"},
                {"last_name_reading", "サカグチ"},
                {"first_name_reading", "エリ"},
                {"company_name", "北陸デジタル商事(株)"}},
               2000));
  }
  r.add(upsert(contact("hubspot", "2"), {{"first_name", "Eri"}, {"last_name", "Sakaguchi"}}, 3000,
               {hub}));
  IdentityResult res = r.resolve();
  EXPECT_NE(res.entity_of(contact("sansan", "c1")), res.entity_of(contact("sansan", "c2")));
  EXPECT_NE(res.entity_of(contact("hubspot", "2")), res.entity_of(contact("sansan", "c1")));
  EXPECT_NE(res.entity_of(contact("hubspot", "2")), res.entity_of(contact("sansan", "c2")));
}

}  // namespace
}  // namespace revarch::identity
