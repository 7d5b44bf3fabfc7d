#include "identity/keys.h"

#include <algorithm>
#include <cctype>

#include "identity/prefecture.h"
#include "identity/romaji.h"
#include "store/canonical.h"
#include "text/contact_points.h"
#include "text/ids.h"
#include "text/japanese.h"
#include "text/utf8.h"

namespace revarch::identity {
namespace {

bool is_cjk_ideograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF) || c == 0x3005;
}

bool is_kana_char(char32_t c) {
  return (c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF) ||
         (c >= 0xFF66 && c <= 0xFF9F);
}

}  // namespace

bool is_latin_name(std::string_view s) {
  bool letter = false;
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
    letter = letter || std::isalpha(c);
  }
  return letter;
}

bool has_kanji(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (is_cjk_ideograph(text::next_code_point(s, i))) return true;
  }
  return false;
}

bool is_kana_only(std::string_view s) {
  bool any = false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = text::next_code_point(s, i);
    if (c == ' ' || c == 0x3000 || c == 0x30FB) continue;
    if (!is_kana_char(c)) return false;
    any = true;
  }
  return any;
}

bool is_role_email(std::string_view email, const IdentityConfig& config) {
  std::string_view local = email.substr(0, email.find('@'));
  local = local.substr(0, local.find('+'));
  const auto& roles = config.role_email_local_parts;
  return std::find(roles.begin(), roles.end(), local) != roles.end();
}

KeyMaker::KeyMaker(const RecordTable& table, const IdentityConfig& config, StringPool& facts)
    : table_(table), config_(config), facts_(facts) {
  email_ = table.prop_id(canon::kEmail);
  user_id_ = table.prop_id(config.visitor_user_id_property);
  phone_ = table.prop_id(canon::kPhone);
  mobile_ = table.prop_id(canon::kMobile);
  full_name_ = table.prop_id(canon::kFullName);
  last_name_ = table.prop_id(canon::kLastName);
  first_name_ = table.prop_id(canon::kFirstName);
  last_reading_ = table.prop_id(canon::kLastNameReading);
  first_reading_ = table.prop_id(canon::kFirstNameReading);
  corporate_number_ = table.prop_id(canon::kCorporateNumber);
  domain_ = table.prop_id(canon::kDomain);
  website_ = table.prop_id(canon::kWebsite);
  company_name_ = table.prop_id(canon::kCompanyName);
  prefecture_ = table.prop_id(canon::kPrefecture);
}

uint32_t KeyMaker::value_of(const Record& r, uint32_t prop) {
  for (const Field& f : r.fields) {
    if (f.prop == prop) return f.value;
  }
  return StringPool::kEmpty;
}

void KeyMaker::add_email(PersonKeyIds& k, std::string_view raw) {
  auto norm = text::normalize_email(raw);
  if (!norm || is_role_email(*norm, config_)) return;
  uint32_t id = facts_.intern(*norm);
  if (std::find(k.emails.begin(), k.emails.end(), id) != k.emails.end()) return;
  if (!text::is_free_mail_domain(text::email_domain(*norm))) k.corporate_emails.push_back(id);
  k.emails.push_back(id);
}

const KeyMaker::NameKey& KeyMaker::name_key(const Record& r) {
  uint32_t full = value_of(r, full_name_);
  uint32_t last = full != 0 ? 0 : value_of(r, last_name_);
  uint32_t first = full != 0 ? 0 : value_of(r, first_name_);
  uint64_t memo = full != 0 ? full : ((uint64_t{last} + 1) << 32) | first;
  auto [it, inserted] = names_.try_emplace(memo);
  if (!inserted) return it->second;
  const StringPool& pool = table_.pool();
  std::string name(pool.view(full));
  if (full == 0) {
    std::string_view l = pool.view(last);
    std::string_view f = pool.view(first);
    name.append(l);
    if (!l.empty() && !f.empty()) name += ' ';
    name.append(f);
  }
  NameKey& key = it->second;
  std::string norm;
  if (is_latin_name(name)) {
    norm = text::romaji_key(name);
  } else if (!name.empty()) {
    norm = text::normalize_person_name(name);
    key.kanji = has_kanji(norm);
  }
  key.name = norm.empty() ? 0 : facts_.intern(norm);
  std::string romaji;
  if (is_latin_name(name)) {
    romaji = romaji_fold(name);
  } else if (is_kana_only(name)) {
    key.kana_reading = facts_.intern(text::kana_fold(norm));
    romaji = romaji_fold(kana_to_romaji(name));
  }
  key.romaji = romaji.empty() ? 0 : facts_.intern(romaji);
  return key;
}

const KeyMaker::ReadingKey& KeyMaker::reading_key(uint32_t last, uint32_t first) {
  auto [it, inserted] = readings_.try_emplace(((uint64_t{last} + 1) << 32) | first);
  if (inserted) {
    std::string reading(table_.pool().view(last));
    reading.append(" ").append(table_.pool().view(first));
    std::string folded = text::kana_fold(reading);
    it->second.reading = folded.empty() ? 0 : facts_.intern(folded);
    std::string romaji = romaji_fold(kana_to_romaji(reading));
    it->second.romaji = romaji.empty() ? 0 : facts_.intern(romaji);
  }
  return it->second;
}

void KeyMaker::person(const Record& r, PersonKeyIds& k) {
  k.emails.clear();
  k.corporate_emails.clear();
  k.phones.clear();
  k.mobiles.clear();
  const StringPool& pool = table_.pool();
  std::string_view email = pool.view(value_of(r, email_));
  std::string_view user_id = pool.view(value_of(r, user_id_));
  if (email.empty() && user_id.find('@') != std::string_view::npos) email = user_id;
  add_email(k, email);
  for (uint32_t past : r.past_emails) add_email(k, pool.view(past));
  for (uint32_t p : {phone_, mobile_}) {
    std::string_view raw = pool.view(value_of(r, p));
    if (raw.empty()) continue;
    auto e164 = text::normalize_phone(raw, config_.default_country);
    if (!e164) continue;
    bool mobile = p == mobile_ || e164->starts_with("+8170") || e164->starts_with("+8180") ||
                  e164->starts_with("+8190");
    auto& list = mobile ? k.mobiles : k.phones;
    uint32_t id = facts_.intern(*e164);
    if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
  }
  const NameKey& name = name_key(r);
  k.name = name.name;
  k.name_has_kanji = name.kanji;
  uint32_t last = value_of(r, last_reading_);
  uint32_t first = value_of(r, first_reading_);
  if (last != 0 || first != 0) {
    const ReadingKey& rk = reading_key(last, first);
    k.reading = rk.reading;
    k.romaji = rk.romaji != 0 ? rk.romaji : name.romaji;
  } else {
    k.reading = name.kana_reading;
    k.romaji = name.romaji;
  }
}

uint32_t KeyMaker::user_id(const Record& r) {
  if (r.kind != EntityKind::kVisitor) return 0;
  std::string_view user_id = table_.pool().view(value_of(r, user_id_));
  if (user_id.empty() || user_id.find('@') != user_id.npos) return 0;
  auto id18 = text::salesforce_id18(user_id);
  return facts_.intern(id18 ? std::string_view(*id18) : user_id);
}

uint32_t KeyMaker::company_name(uint32_t value) {
  auto [it, inserted] = companies_.try_emplace(value);
  if (!inserted) return it->second;
  // Names of implied companies were normalised while events were added.
  uint32_t known = table_.company_key_of(value);
  if (known != UINT32_MAX) {
    it->second = known == 0 ? 0 : facts_.intern(table_.pool().view(known).substr(1));
  } else {
    std::string key = text::normalize_company_name(table_.pool().view(value));
    it->second = key.empty() ? 0 : facts_.intern(key);
  }
  return it->second;
}

uint32_t KeyMaker::prefecture(uint32_t value) {
  auto [it, inserted] = prefectures_.try_emplace(value);
  if (inserted) {
    std::string key = prefecture_key(table_.pool().view(value));
    it->second = key.empty() ? 0 : facts_.intern(key);
  }
  return it->second;
}

void KeyMaker::company(const Record& r, CompanyKeyIds& k) {
  k.domains.clear();
  const StringPool& pool = table_.pool();
  k.corporate_number = 0;
  if (uint32_t raw = value_of(r, corporate_number_); raw != 0) {
    if (auto cn = text::normalize_corporate_number(pool.view(raw))) {
      k.corporate_number = facts_.intern(*cn);
    }
  }
  for (uint32_t p : {domain_, website_}) {
    std::string_view raw = pool.view(value_of(r, p));
    if (raw.empty()) continue;
    auto d = text::normalize_domain(raw);
    if (!d || text::is_free_mail_domain(*d)) continue;
    uint32_t id = facts_.intern(*d);
    if (std::find(k.domains.begin(), k.domains.end(), id) == k.domains.end()) {
      k.domains.push_back(id);
    }
  }
  k.name = company_name(value_of(r, company_name_));
  k.prefecture = prefecture(value_of(r, prefecture_));
}

}  // namespace revarch::identity
