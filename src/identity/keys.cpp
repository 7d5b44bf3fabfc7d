#include "identity/keys.h"

#include <algorithm>
#include <cctype>

#include "store/canonical.h"
#include "text/contact_points.h"
#include "text/ids.h"
#include "text/japanese.h"
#include "text/utf8.h"

namespace revarch::identity {
namespace {

std::string_view field(const RecordTable& t, const Record& r, std::string_view prop) {
  uint32_t p = t.prop_id(prop);
  return p == UINT32_MAX ? std::string_view() : t.value(r, p);
}

bool is_cjk_ideograph(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF) || c == 0x3005;
}

bool is_kana_char(char32_t c) {
  return (c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF) ||
         (c >= 0xFF66 && c <= 0xFF9F);
}

std::string person_name(const RecordTable& t, const Record& r) {
  std::string full(field(t, r, canon::kFullName));
  if (full.empty()) {
    std::string_view last = field(t, r, canon::kLastName);
    std::string_view first = field(t, r, canon::kFirstName);
    full.append(last);
    if (!last.empty() && !first.empty()) full += ' ';
    full.append(first);
  }
  return full;
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

PersonKeys person_keys(const RecordTable& t, const Record& r, const IdentityConfig& config) {
  PersonKeys k;
  std::string_view email = field(t, r, canon::kEmail);
  std::string_view user_id = field(t, r, config.visitor_user_id_property);
  if (email.empty() && user_id.find('@') != std::string_view::npos) email = user_id;
  auto add_email = [&k, &config](std::string_view raw) {
    auto norm = text::normalize_email(raw);
    if (!norm || is_role_email(*norm, config)) return;
    if (std::find(k.emails.begin(), k.emails.end(), *norm) != k.emails.end()) return;
    if (!text::is_free_mail_domain(text::email_domain(*norm))) k.corporate_emails.push_back(*norm);
    k.emails.push_back(*std::move(norm));
  };
  add_email(email);
  for (uint32_t past : r.past_emails) add_email(t.pool().view(past));
  if (r.kind == EntityKind::kVisitor && !user_id.empty() && user_id.find('@') == user_id.npos) {
    auto id18 = text::salesforce_id18(user_id);
    k.user_id = id18 ? *id18 : std::string(user_id);
  }
  for (std::string_view p : {canon::kPhone, canon::kMobile}) {
    std::string_view raw = field(t, r, p);
    if (raw.empty()) continue;
    auto e164 = text::normalize_phone(raw, config.default_country);
    if (!e164) continue;
    bool mobile = p == canon::kMobile || e164->starts_with("+8170") || e164->starts_with("+8180") ||
                  e164->starts_with("+8190");
    auto& list = mobile ? k.mobiles : k.phones;
    if (std::find(list.begin(), list.end(), *e164) == list.end()) list.push_back(*e164);
  }
  std::string name = person_name(t, r);
  if (is_latin_name(name)) {
    k.name = text::romaji_key(name);
  } else if (!name.empty()) {
    k.name = text::normalize_person_name(name);
    k.name_has_kanji = has_kanji(k.name);
  }
  std::string reading(field(t, r, canon::kLastNameReading));
  reading.append(field(t, r, canon::kFirstNameReading));
  if (!reading.empty()) {
    k.reading = text::kana_fold(reading);
  } else if (is_kana_only(k.name)) {
    k.reading = text::kana_fold(k.name);
  }
  return k;
}

CompanyKeys company_keys(const RecordTable& t, const Record& r) {
  CompanyKeys k;
  if (auto cn = text::normalize_corporate_number(field(t, r, canon::kCorporateNumber))) {
    k.corporate_number = *cn;
  }
  for (std::string_view p : {canon::kDomain, canon::kWebsite}) {
    std::string_view raw = field(t, r, p);
    if (raw.empty()) continue;
    auto d = text::normalize_domain(raw);
    if (d && !text::is_free_mail_domain(*d) &&
        std::find(k.domains.begin(), k.domains.end(), *d) == k.domains.end()) {
      k.domains.push_back(*d);
    }
  }
  k.name = text::normalize_company_name(field(t, r, canon::kCompanyName));
  k.prefecture = text::normalize_text(field(t, r, canon::kPrefecture));
  return k;
}

}  // namespace revarch::identity
