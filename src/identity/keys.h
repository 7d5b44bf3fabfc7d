#pragma once
// The normalised matching keys of one source record, computed from its latest field values with
// the revarch::text normalisers. Pure functions of the record; thread-safe.

#include <string>
#include <vector>

#include "identity/config.h"
#include "identity/record_table.h"

namespace revarch::identity {

struct PersonKeys {
  std::vector<std::string> emails;            // normalised, current and past; no role addresses
  std::vector<std::string> corporate_emails;  // those not at a free-mail domain
  std::vector<std::string> phones;            // E.164 of landlines (may be a shared switchboard)
  std::vector<std::string> mobiles;  // E.164 of mobiles (the mobile field, or +81 70/80/90)
  std::string name;                  // romaji_key for Latin names, else normalize_person_name
  bool name_has_kanji = false;
  std::string reading;  // kana_fold of the readings, or of a kana-only name
  std::string user_id;  // a visitor's user id when it is not an e-mail
};

struct CompanyKeys {
  std::string corporate_number;
  std::vector<std::string> domains;  // from domain, website (never free-mail domains)
  std::string name;                  // normalize_company_name
  std::string prefecture;            // normalize_text
};

PersonKeys person_keys(const RecordTable& table, const Record& r, const IdentityConfig& config);
CompanyKeys company_keys(const RecordTable& table, const Record& r);

/// True when the normalised e-mail's local part (before any '+tag') is a role mailbox.
bool is_role_email(std::string_view email, const IdentityConfig& config);
/// True when every letter of `s` is ASCII (a romanised name).
bool is_latin_name(std::string_view s);
/// True when `s` contains a CJK ideograph.
bool has_kanji(std::string_view s);
/// True when every non-space character of `s` is kana (hiragana, katakana, ー).
bool is_kana_only(std::string_view s);

}  // namespace revarch::identity
