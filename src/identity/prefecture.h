#pragma once
// The matching key of a Japanese prefecture, so that "東京都", "東京", "Tokyo", "TOKYO-TO" and
// "Tokyo Prefecture" are one prefecture for the company-name guard (CRMs hold the English name,
// cards the Japanese one). Pure function; thread-safe.

#include <string>
#include <string_view>

namespace revarch::identity {

/// The full Japanese name of the prefecture ("東京都", "大阪府", "北海道", "愛知県") for any of
/// its Japanese or romanised spellings (case, width and "-to"/"-fu"/"-ken"/" prefecture"
/// suffixes ignored); otherwise normalize_text of `raw` (a value we cannot place stays as given).
std::string prefecture_key(std::string_view raw);

}  // namespace revarch::identity
