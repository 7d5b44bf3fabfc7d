#pragma once
// The normalised matching keys of source records, computed from their latest field values with
// the revarch::text normalisers and interned into a pool of facts (id 0 = "" = no key).
//
// The normalisers are the costly part of resolution, so KeyMaker remembers the key of every
// distinct raw name, reading, company name and prefecture (by the raw value's pool id): records
// repeat the same company and person names many times. E-mails and phones are mostly distinct
// and cheap to normalise when ASCII, so they are not remembered.
//
// A KeyMaker reads the table and writes the facts pool it was given; not thread-safe.

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "identity/config.h"
#include "identity/record_table.h"
#include "identity/string_pool.h"

namespace revarch::identity {

/// Keys of a person record, as facts ids.
struct PersonKeyIds {
  std::vector<uint32_t> emails;            // normalised, current and past; no role addresses
  std::vector<uint32_t> corporate_emails;  // those not at a free-mail domain
  std::vector<uint32_t> phones;            // E.164 of landlines (may be a shared switchboard)
  std::vector<uint32_t> mobiles;           // E.164 of mobiles (the mobile field, or +81 70/80/90)
  uint32_t name = 0;                       // romaji_key for Latin names, else normalize_person_name
  bool name_has_kanji = false;
  uint32_t reading = 0;  // kana_fold of the readings, or of a kana-only name
  uint32_t romaji = 0;   // romaji_fold of a Latin name, or of the romanised reading
};

/// Keys of a company record, as facts ids.
struct CompanyKeyIds {
  uint32_t corporate_number = 0;
  std::vector<uint32_t> domains;  // from domain, website (never free-mail domains)
  uint32_t name = 0;              // normalize_company_name
  uint32_t prefecture = 0;        // prefecture_key (東京都 = 東京 = Tokyo)
};

class KeyMaker {
 public:
  /// `table`, `config` and `facts` must outlive the KeyMaker.
  KeyMaker(const RecordTable& table, const IdentityConfig& config, StringPool& facts);

  /// The keys of person record `r` into `out` (its buffers are reused).
  void person(const Record& r, PersonKeyIds& out);
  /// The keys of company record `r` into `out` (its buffers are reused).
  void company(const Record& r, CompanyKeyIds& out);
  /// A visitor's signed-in user id when it is not an e-mail (Salesforce ids in the 18-character
  /// form), as a facts id; 0 when none.
  uint32_t user_id(const Record& r);

 private:
  struct NameKey {
    uint32_t name = 0;
    uint32_t kana_reading = 0;  // kana_fold(name) when the name is kana only
    uint32_t romaji = 0;        // romaji_fold of a Latin name or of a kana-only name's romaji
    bool kanji = false;
  };
  struct ReadingKey {
    uint32_t reading = 0;  // kana_fold
    uint32_t romaji = 0;   // romaji_fold(kana_to_romaji)
  };
  /// The value id (table pool) of property `prop` (table pool id) of `r`; 0 when absent.
  static uint32_t value_of(const Record& r, uint32_t prop);
  void add_email(PersonKeyIds& k, std::string_view raw);
  const NameKey& name_key(const Record& r);
  const ReadingKey& reading_key(uint32_t last, uint32_t first);
  uint32_t company_name(uint32_t value);
  uint32_t prefecture(uint32_t value);

  const RecordTable& table_;
  const IdentityConfig& config_;
  StringPool& facts_;
  // Table pool ids of the properties read (UINT32_MAX when never seen: matches no field).
  uint32_t email_, user_id_, phone_, mobile_, full_name_, last_name_, first_name_;
  uint32_t last_reading_, first_reading_, corporate_number_, domain_, website_, company_name_;
  uint32_t prefecture_;
  std::unordered_map<uint64_t, NameKey> names_;         // full name id, or (last+1)<<32 | first
  std::unordered_map<uint64_t, ReadingKey> readings_;   // (last+1)<<32 | first
  std::unordered_map<uint32_t, uint32_t> companies_;    // raw name id -> key
  std::unordered_map<uint32_t, uint32_t> prefectures_;  // raw id -> key
};

/// True when the normalised e-mail's local part (before any '+tag') is a role mailbox.
bool is_role_email(std::string_view email, const IdentityConfig& config);
/// True when every letter of `s` is ASCII (a romanised name).
bool is_latin_name(std::string_view s);
/// True when `s` contains a CJK ideograph.
bool has_kanji(std::string_view s);
/// True when every non-space character of `s` is kana (hiragana, katakana, ー).
bool is_kana_only(std::string_view s);

}  // namespace revarch::identity
