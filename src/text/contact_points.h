#pragma once
// Normalisation of contact points: e-mail addresses, telephone numbers, web domains. Used as
// identity keys, so each returns one canonical form or nullopt when the input is not plausibly
// what it claims to be. Pure functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>

namespace revarch::text {

/// Trimmed, NFKC'd (full-width ＠ and letters), lower-cased e-mail; also strips a "mailto:"
/// prefix and surrounding <>. nullopt unless it has exactly one '@', a non-empty local part
/// without spaces, and a domain with a dot, no empty labels, no spaces.
std::optional<std::string> normalize_email(std::string_view email);

/// The part after '@' of a normalised e-mail ("" when there is no '@').
std::string email_domain(std::string_view normalized_email);

/// True for consumer / carrier mail domains (gmail.com, yahoo.co.jp, outlook.jp, hotmail.com,
/// icloud.com, docomo.ne.jp, ezweb.ne.jp, softbank.ne.jp, ...), which say nothing about the
/// employer. `domain` is expected lower-case (as email_domain returns it).
bool is_free_mail_domain(std::string_view domain);

/// E.164 form ("+81312345678") of a telephone number: NFKC, separators (- ー ‐ ( ) . spaces)
/// removed, "+81 (0)3-..." and "0081..." handled, a leading national 0 replaced by the country
/// code of `default_country` (ISO 3166 alpha-2; "JP" -> 81, "US" -> 1, ... small table).
/// Extensions ("内線", "ext.", "x123") are dropped. nullopt when letters remain, the country is
/// unknown, or the digit count is implausible (Japan: 9-10 national digits after the 0; other
/// countries: E.164 total 8-15 digits).
std::optional<std::string> normalize_phone(std::string_view phone,
                                           std::string_view default_country = "JP");

/// The registrable host of a URL, host or e-mail domain, lower-cased, without scheme, userinfo,
/// port, path, trailing dot and a leading "www.": "https://www.Example.co.jp/path" ->
/// "example.co.jp". nullopt when no host with a dot remains.
std::optional<std::string> normalize_domain(std::string_view url_or_host);

}  // namespace revarch::text
