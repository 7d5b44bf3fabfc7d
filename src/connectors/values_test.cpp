#include "connectors/values.h"

#include <gtest/gtest.h>

#include "common/time.h"
#include "connectors/byte_source.h"
#include "connectors/test_util.h"
#include "store/canonical.h"

namespace revarch::connectors {
namespace {

using testing::of_type;
using testing::prop;

int64_t jst(std::string_view iso_local) {
  return *parse_iso8601_ms(iso_local, kJstOffsetMinutes);
}

TEST(SlashDates, UnambiguousUsAndDayFirstDates) {
  auto us = parse_slash_date("04/15/2024", 540);
  ASSERT_TRUE(us.has_value());
  EXPECT_EQ(us->utc_ms, jst("2024-04-15"));
  EXPECT_FALSE(us->has_time);
  EXPECT_EQ(us->original_offset, "");
  auto day_first = parse_slash_date("15/4/2024", 540);
  ASSERT_TRUE(day_first.has_value());
  EXPECT_EQ(day_first->utc_ms, jst("2024-04-15"));
  EXPECT_EQ(parse_slash_date("05/05/2024", 540)->utc_ms, jst("2024-05-05"));
  EXPECT_EQ(parse_slash_date("12/31/2023", 0)->utc_ms, *parse_iso8601_ms("2023-12-31T00:00:00Z"));
}

TEST(SlashDates, TimesWithAndWithoutAmPm) {
  EXPECT_EQ(parse_slash_date("04/15/2024 09:05", 540)->utc_ms, jst("2024-04-15T09:05:00"));
  EXPECT_EQ(parse_slash_date("04/15/2024 9:05 PM", 540)->utc_ms, jst("2024-04-15T21:05:00"));
  EXPECT_EQ(parse_slash_date("04/15/2024 12:30 am", 540)->utc_ms, jst("2024-04-15T00:30:00"));
  EXPECT_EQ(parse_slash_date("04/15/2024 12:30 PM", 540)->utc_ms, jst("2024-04-15T12:30:00"));
  EXPECT_EQ(parse_slash_date("04/15/2024 11:59:58PM", 540)->utc_ms, jst("2024-04-15T23:59:58"));
  EXPECT_EQ(parse_slash_date(" 04/15/2024 23:00 ", 540)->utc_ms, jst("2024-04-15T23:00:00"));
  EXPECT_TRUE(parse_slash_date("04/15/2024 9:05 PM", 540)->has_time);
}

TEST(SlashDates, AmbiguousOrMalformedAreRejected) {
  for (std::string_view bad :
       {"04/05/2024", "13/13/2024", "02/30/2024", "00/15/2024", "04/15/24", "04-15-2024",
        "04/15/2024 13:00 PM", "04/15/2024 0:30 AM", "04/15/2024 24:00", "04/15/2024 9:5",
        "04/15/2024 9:05 XM", "04/15/2024x", "/15/2024", "", "2024/04/15", "104/15/2024"}) {
    EXPECT_FALSE(parse_slash_date(bad, 540).has_value()) << bad;
  }
}

TEST(SlashDates, OnlyWhereTheRowContextAllowsThem) {
  RowContext ctx;
  EXPECT_FALSE(parse_time("04/15/2024", ctx).has_value());
  ctx.slash_dates = true;
  EXPECT_EQ(parse_time("04/15/2024", ctx)->utc_ms, jst("2024-04-15"));
  EXPECT_EQ(parse_time("2024-04-15 10:00", ctx)->utc_ms, jst("2024-04-15T10:00:00"));
}

TEST(SlashDates, HubspotCsvReadsPortalDates) {
  std::string csv =
      "\"Record ID\",\"Email\",\"Create Date\",\"Last Modified Date\",\"Close Date\","
      "\"Became a Lead Date\"\n"
      "\"7\",\"a@example.com\",\"04/13/2024 9:00 AM\",\"05/13/2024 10:15 PM\",\"06/30/2024\","
      "\"4/13/2024\"\n"
      "\"8\",\"b@example.com\",\"04/05/2024\",\"\",\"\",\"\"\n";
  CollectingSink sink;
  Status st =
      read_stream(SourceKind::kHubspot, memory_source(csv), "hubspot-contacts.csv", {}, sink);
  ASSERT_TRUE(st.is_ok()) << st.to_string();
  auto upserts = of_type(sink, canon::kRecordUpsert);
  ASSERT_EQ(upserts.size(), 2u);
  EXPECT_EQ(upserts[0]->occurred_at_ms, jst("2024-05-13T22:15:00"));
  EXPECT_EQ(prop(*upserts[0], canon::kCreatedAt), "2024-04-13T00:00:00.000Z");
  EXPECT_EQ(upserts[0]->original_tz, "+09:00");
  EXPECT_EQ(prop(*upserts[0], canon::kCloseDate), "2024-06-30");
  auto stages = of_type(sink, canon::kLifecycleChanged);
  ASSERT_EQ(stages.size(), 1u);
  EXPECT_EQ(stages[0]->occurred_at_ms, jst("2024-04-13"));
  // Row 2: 04/05/2024 could be April 5 or May 4: left out with a note, no date for the record.
  ASSERT_EQ(sink.quarantine.size(), 2u);
  EXPECT_EQ(sink.quarantine[0].row, 2);
  EXPECT_EQ(sink.quarantine[0].reason, "unparseable date (kept)");
  EXPECT_EQ(sink.quarantine[0].raw, "04/05/2024");
  EXPECT_EQ(upserts[1]->occurred_at_ms, 0);
}

TEST(CleanText, FastPathAgreesWithTheFolds) {
  // Text already in normal form comes back as is; anything else still goes through the folds.
  EXPECT_EQ(clean_text("株式会社サンプル"), "株式会社サンプル");
  EXPECT_EQ(clean_text("カード"), "カード");
  EXPECT_EQ(clean_text("03ー1234"), "03-1234");
  EXPECT_EQ(clean_text("髙橋"), "高橋");
  EXPECT_EQ(clean_text("Ｔａｒｏ"), "Taro");
  EXPECT_EQ(clean_text("a  b"), "a b");
  EXPECT_EQ(clean_text(" Acme Inc. "), "Acme Inc.");
  EXPECT_EQ(clean_text("ｶｰﾄﾞ"), "カード");
  EXPECT_EQ(clean_text("山田　太郎"), "山田 太郎");
  EXPECT_EQ(clean_text("か\xE3\x82\x99"), "が");  // combining voiced mark composes
}

}  // namespace
}  // namespace revarch::connectors
