#pragma once
// Business-card tags (Sansan's タグ column): the tags of one card, and the acquisition channel a
// tag names (a seminar, a trade show, a referral), so that the design's signal taxonomy can match
// card events on `event.channel`.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revarch::connectors {

/// The tags of one タグ cell, in order, trimmed, empty ones and repeats left out. Tags are split
/// on the separators seen in Sansan exports and hand-edited files: `;` `；` `,` `，` `、` `|` and
/// line breaks (the export's own separator is unconfirmed, so all are accepted). A space is not a
/// separator: tag names contain spaces ("Japan IT Week 春").
std::vector<std::string> split_card_tags(std::string_view cell);

/// The canonical channel (store/canonical.h kChannel values) a tag names, from words in it:
/// "referral" (紹介, リファラル), "trade_show" (展示会, 見本市, EXPO, フェア, a word ending in 展),
/// "webinar" (ウェビナー, webinar), "seminar" (セミナー, 講座, 勉強会, 講演, 入門, カンファレンス,
/// ...). nullopt when the tag names none of them (a visit, a project name, a free label).
std::optional<std::string_view> channel_of_tag(std::string_view tag);

}  // namespace revarch::connectors
