#include "connectors/card_tags.h"

#include <algorithm>
#include <array>

#include "connectors/values.h"
#include "text/japanese.h"

namespace revarch::connectors {
namespace {

constexpr std::array<std::string_view, 8> kSeparators = {
    ";", "\xEF\xBC\x9B" /* ； */, ",", "\xEF\xBC\x8C" /* ， */, "\xE3\x80\x81" /* 、 */, "|", "\n",
    "\r"};

// The length of the separator at `s[i]`, or 0.
size_t separator_at(std::string_view s, size_t i) {
  for (std::string_view sep : kSeparators) {
    if (s.compare(i, sep.size(), sep) == 0) return sep.size();
  }
  return 0;
}

struct ChannelWords {
  std::string_view channel;
  std::array<std::string_view, 10> words;  // compared against the NFKC, lower-cased tag
};

// In priority order: a "referral seminar" is a referral; a "trade-show seminar" a trade show.
constexpr std::array<ChannelWords, 4> kChannels = {{
    {"referral", {"紹介", "リファラル", "referral", "introduction"}},
    {"trade_show",
     {"展示会", "見本市", "expo", "フェア", "trade show", "tradeshow", "it week", "ワールド",
      "ショー"}},
    {"webinar", {"ウェビナー", "webinar", "オンラインセミナー"}},
    {"seminar",
     {"セミナー", "seminar", "講座", "勉強会", "講演", "入門", "カンファレンス", "conference",
      "フォーラム", "説明会"}},
}};

std::string folded(std::string_view tag) {
  std::string s = text::normalize_text(tag);
  std::transform(s.begin(), s.end(), s.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return s;
}

// 展 closing a word ("物流テック展", "物流テック展 福岡"), not inside one ("事業展開").
bool has_exhibition_word(std::string_view s) {
  constexpr std::string_view kTen = "\xE5\xB1\x95";  // 展
  for (size_t at = s.find(kTen); at != std::string_view::npos; at = s.find(kTen, at + 1)) {
    size_t end = at + kTen.size();
    if (end == s.size() || s[end] == ' ') return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> split_card_tags(std::string_view cell) {
  std::vector<std::string> tags;
  size_t start = 0;
  auto take = [&](size_t end) {
    std::string tag = clean_text(cell.substr(start, end - start));
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) {
      tags.push_back(std::move(tag));
    }
  };
  for (size_t i = 0; i < cell.size();) {
    if (size_t n = separator_at(cell, i)) {
      take(i);
      i += n;
      start = i;
    } else {
      ++i;
    }
  }
  take(cell.size());
  return tags;
}

std::optional<std::string_view> channel_of_tag(std::string_view tag) {
  const std::string s = folded(tag);
  if (s.empty()) return std::nullopt;
  for (const ChannelWords& c : kChannels) {
    for (std::string_view w : c.words) {
      if (!w.empty() && s.find(w) != std::string::npos) return c.channel;
    }
    if (c.channel == "trade_show" && has_exhibition_word(s)) return c.channel;
  }
  return std::nullopt;
}

}  // namespace revarch::connectors
