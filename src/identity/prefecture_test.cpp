#include "identity/prefecture.h"

#include <gtest/gtest.h>

#include "identity/resolver.h"
#include "identity/test_events.h"

namespace revarch::identity {
namespace {

using namespace testing;  // NOLINT

TEST(Prefecture, JapaneseAndRomanisedSpellingsAreOneKey) {
  for (const char* s : {"東京都", "東京", "Tokyo", "TOKYO", "Tokyo-to", "Ｔｏｋｙｏ", "Toukyou",
                        "Tokyo Prefecture"}) {
    EXPECT_EQ(prefecture_key(s), "東京都") << s;
  }
  EXPECT_EQ(prefecture_key("Osaka"), "大阪府");
  EXPECT_EQ(prefecture_key("大阪"), "大阪府");
  EXPECT_EQ(prefecture_key("Kyoto"), "京都府");
  EXPECT_EQ(prefecture_key("Hokkaido"), "北海道");
  EXPECT_EQ(prefecture_key("aichi-ken"), "愛知県");
  EXPECT_EQ(prefecture_key("California"), "California");
  EXPECT_EQ(prefecture_key(""), "");
}

TEST(Prefecture, EnglishAndJapaneseNamesDoNotBlockACompanyNameMerge) {
  IdentityResolver r;
  r.add(upsert(account("hubspot", "1"),
               {{"company_name", "株式会社未来ネット製作所"}, {"prefecture", "Tokyo"}}));
  r.add(upsert(account("salesforce", "001q000000AbCde"),
               {{"company_name", "未来ネット製作所(株)"}, {"prefecture", "東京都"}}));
  r.add(upsert(account("salesforce", "001q000000AbCdf"),
               {{"company_name", "未来ネット製作所株式会社"}, {"prefecture", "Osaka"}}));
  IdentityResult res = r.resolve();
  EXPECT_EQ(res.entity_of(account("hubspot", "1")),
            res.entity_of(account("salesforce", "001q000000AbCde")));
  EXPECT_NE(res.entity_of(account("hubspot", "1")),
            res.entity_of(account("salesforce", "001q000000AbCdf")));
}

}  // namespace
}  // namespace revarch::identity
