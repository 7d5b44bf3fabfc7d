#include <gtest/gtest.h>

#include "common/time.h"
#include "connectors/encoding.h"
#include "connectors/test_util.h"
#include "store/canonical.h"

namespace revarch::connectors {
namespace {

using testing::fixture;
using testing::of_type;
using testing::prop;

TEST(Sansan, Cp932WithShuffledColumns) {
  testing::TempDir dir;
  Result<std::string> sjis = utf8_to_cp932(testing::slurp(fixture("sansan-cards.utf8.csv")));
  ASSERT_TRUE(sjis.is_ok());
  std::string path = dir.file("sansan-export.csv", *sjis);
  CollectingSink s;
  Status st = read_export(path, std::nullopt, {}, s);  // detected as Sansan
  ASSERT_TRUE(st.is_ok()) << st.to_string();
  auto cards = of_type(s, canon::kCardExchanged);
  ASSERT_EQ(cards.size(), 3u);  // row 3 has only a card id: kept; row 4 has no real date
  const Event& c = *cards[0];
  EXPECT_EQ(c.source, "sansan");
  EXPECT_EQ(c.subject, (SourceRef{"sansan", EntityKind::kContact, "C-0001"}));
  EXPECT_EQ(prop(c, canon::kLastName), "山田");
  EXPECT_EQ(prop(c, canon::kFirstName), "太郎");
  EXPECT_EQ(prop(c, canon::kFullName), "山田 太郎");
  EXPECT_EQ(prop(c, canon::kLastNameReading), "ヤマダ");
  EXPECT_EQ(prop(c, canon::kCompanyName), "株式会社サンプル");
  EXPECT_EQ(prop(c, canon::kPhone), "+81312345678");
  EXPECT_EQ(prop(c, canon::kMobile), "+819011112222");
  EXPECT_EQ(prop(c, canon::kDomain), "sample.co.jp");
  EXPECT_EQ(prop(c, canon::kCardOwner), "鈴木 一郎");
  EXPECT_EQ(c.occurred_at_ms, *parse_iso8601_ms("2016-06-22T00:00:00+09:00"));
  EXPECT_EQ(c.original_tz, "+09:00");
  EXPECT_EQ(prop(*cards[1], canon::kEmail), "tanaka@example.jp");  // full-width ＠ folded
  EXPECT_EQ(prop(*cards[1], canon::kCompanyName), "ABC商事(株)");
  auto moved = of_type(s, canon::kJobChanged);
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0]->occurred_at_ms, *parse_iso8601_ms("2024-04-01T00:00:00+09:00"));
  EXPECT_EQ(prop(*moved[0], canon::kTitle), "部長");
  auto resigned = of_type(s, canon::kContactResigned);
  ASSERT_EQ(resigned.size(), 1u);
  EXPECT_EQ(resigned[0]->subject.id, "C-0002");
  ASSERT_EQ(s.quarantine.size(), 1u);
  EXPECT_EQ(s.quarantine[0].row, 4);
  EXPECT_EQ(s.quarantine[0].column, "名刺交換日");
  EXPECT_EQ(s.quarantine[0].reason, "unparseable date");
  EXPECT_EQ(s.quarantine[0].raw, "2020/13/45");
}

// The japan-enterprise design's field mappings of the Sansan columns, as `revarch ingest` passes
// them to the connector.
ConnectorOptions design_mappings() {
  ConnectorOptions o;
  o.column_overrides = {{"会社名", "account.name"},
                        {"役職", "contact.title"},
                        {"部署名", "contact.department"},
                        {"法人番号", "account.corporate_number"}};
  return o;
}

TEST(Sansan, TagsBecomeTagsAndChannel) {
  CollectingSink s;
  Status st =
      read_export(fixture("sansan-cards-tags.utf8.csv"), SourceKind::kSansan, design_mappings(), s);
  ASSERT_TRUE(st.is_ok()) << st.to_string();
  auto cards = of_type(s, canon::kCardExchanged);
  ASSERT_EQ(cards.size(), 4u);
  EXPECT_EQ(prop(*cards[0], canon::kTags), "Japan IT Week 春; 紹介");
  EXPECT_EQ(prop(*cards[0], canon::kChannel), "trade_show");  // the first tag naming a channel
  EXPECT_EQ(prop(*cards[1], canon::kTags), "製造業の営業DX事例セミナー; フォローA");
  EXPECT_EQ(prop(*cards[1], canon::kChannel), "seminar");
  EXPECT_EQ(prop(*cards[2], canon::kTags), "訪問; ABM実践ウェビナー");
  EXPECT_EQ(prop(*cards[2], canon::kChannel), "webinar");
  EXPECT_EQ(find_property(cards[3]->properties, canon::kTags), nullptr);
  EXPECT_EQ(find_property(cards[3]->properties, canon::kChannel), nullptr);
}

TEST(Sansan, DesignMappedColumnsStillGiveTheCompanyIdentityReads) {
  // identity::RecordTable reads company_name, corporate_number, website and the e-mail (for the
  // domain) of a card to imply its company.
  CollectingSink s;
  ASSERT_TRUE(
      read_export(fixture("sansan-cards-tags.utf8.csv"), SourceKind::kSansan, design_mappings(), s)
          .is_ok());
  auto cards = of_type(s, canon::kCardExchanged);
  ASSERT_EQ(cards.size(), 4u);
  const Event& c = *cards[0];
  EXPECT_EQ(prop(c, canon::kCompanyName), "株式会社サンプル");
  EXPECT_EQ(prop(c, canon::kCorporateNumber), "7000012050002");
  EXPECT_EQ(prop(c, canon::kEmail), "yamada@sample.co.jp");
  EXPECT_EQ(prop(c, canon::kWebsite), "https://www.sample.co.jp/");
  EXPECT_EQ(prop(c, canon::kDomain), "sample.co.jp");
  EXPECT_EQ(prop(c, canon::kTitle), "部長");
  EXPECT_EQ(prop(c, canon::kDepartment), "営業部");
  EXPECT_EQ(prop(*cards[1], canon::kCompanyName), "ABC商事(株)");
  EXPECT_EQ(find_property(c.properties, "account.name"), nullptr);  // not re-routed
}

TEST(Eight, CurrentLayoutUtf8Bom) {
  CollectingSink s;
  ASSERT_TRUE(read_export(fixture("eight-cards.csv"), std::nullopt, {}, s).is_ok());
  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(s.events[0].source, "eight");
  EXPECT_EQ(prop(s.events[0], canon::kPostalCode), "105-0001");
  EXPECT_EQ(prop(s.events[0], "eight_connected"), "true");
  // No card id in Eight exports: a stable hash of name, e-mail and company.
  EXPECT_EQ(s.events[0].subject.id.substr(0, 2), "h:");
  CollectingSink again;
  ASSERT_TRUE(read_export(fixture("eight-cards.csv"), SourceKind::kEight, {}, again).is_ok());
  EXPECT_EQ(again.events[1].subject.id, s.events[1].subject.id);
  EXPECT_EQ(again.events[1].idempotency_key, s.events[1].idempotency_key);
}

TEST(Eight, OldLayoutWithTitleLinesAndOneNameColumn) {
  CollectingSink s;
  Status st = read_export(fixture("eight-cards-old.csv"), SourceKind::kEight, {}, s);
  ASSERT_TRUE(st.is_ok()) << st.to_string();
  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(prop(s.events[0], canon::kLastName), "山田");
  EXPECT_EQ(prop(s.events[0], canon::kFirstName), "太郎");
  EXPECT_EQ(prop(s.events[1], canon::kFullName), "伊藤 次郎");
  EXPECT_EQ(s.events[0].origin_row, 1);
  EXPECT_EQ(s.events[1].occurred_at_ms, *parse_iso8601_ms("2017-12-24T00:00:00+09:00"));
}

}  // namespace
}  // namespace revarch::connectors
