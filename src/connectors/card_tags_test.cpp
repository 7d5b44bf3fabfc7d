#include "connectors/card_tags.h"

#include <gtest/gtest.h>

namespace revarch::connectors {
namespace {

using Tags = std::vector<std::string>;

TEST(CardTags, SplitsOnEverySeparatorAndDropsEmptiesAndRepeats) {
  EXPECT_EQ(split_card_tags(""), Tags{});
  EXPECT_EQ(split_card_tags("  "), Tags{});
  EXPECT_EQ(split_card_tags("展示会"), Tags{"展示会"});
  EXPECT_EQ(split_card_tags("a;b；c,d，e、f|g\nh\r\ni"),
            (Tags{"a", "b", "c", "d", "e", "f", "g", "h", "i"}));
  EXPECT_EQ(split_card_tags(" 紹介 ;; 紹介 ; "), Tags{"紹介"});
  // A space belongs to the tag name.
  EXPECT_EQ(split_card_tags("Japan IT Week 春、ＤＸ総合EXPO"),
            (Tags{"Japan IT Week 春", "DX総合EXPO"}));
}

TEST(CardTags, ChannelFromTheWordsOfATag) {
  EXPECT_EQ(channel_of_tag("紹介"), "referral");
  EXPECT_EQ(channel_of_tag("A社様ご紹介"), "referral");
  EXPECT_EQ(channel_of_tag("Partner Referral"), "referral");
  EXPECT_EQ(channel_of_tag("Japan IT Week 秋"), "trade_show");
  EXPECT_EQ(channel_of_tag("ＳａａＳ ＥＸＰＯ 大阪"), "trade_show");  // full width folded
  EXPECT_EQ(channel_of_tag("物流テック展 福岡"), "trade_show");       // 展 closing a word
  EXPECT_EQ(channel_of_tag("物流テック展"), "trade_show");
  EXPECT_EQ(channel_of_tag("事業展開"), std::nullopt);
  EXPECT_EQ(channel_of_tag("ものづくりワールド 東京"), "trade_show");
  EXPECT_EQ(channel_of_tag("展示会2024"), "trade_show");
  EXPECT_EQ(channel_of_tag("ABM実践ウェビナー"), "webinar");
  EXPECT_EQ(channel_of_tag("製造業の営業DX事例セミナー"), "seminar");
  EXPECT_EQ(channel_of_tag("インサイドセールス立ち上げ講座"), "seminar");
  EXPECT_EQ(channel_of_tag("レベニューアーキテクチャ入門"), "seminar");
  EXPECT_EQ(channel_of_tag("紹介セミナー"), "referral");  // a referral first
  EXPECT_EQ(channel_of_tag("訪問"), std::nullopt);
  EXPECT_EQ(channel_of_tag(""), std::nullopt);
}

}  // namespace
}  // namespace revarch::connectors
