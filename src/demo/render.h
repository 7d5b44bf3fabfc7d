#pragma once
// How the world's compact facts read as text: company names, domains, corporate numbers,
// people's names and e-mails, record ids and dates. Pure functions of the World; thread-safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "demo/names_data.h"
#include "demo/world.h"

namespace revarch::demo {

// ---- Companies ----
/// The name without legal form ("北斗テクノ精機").
std::string company_core_name(const Company& c);
/// The registered name with its legal form in its true place ("株式会社北斗テクノ精機").
std::string company_legal_name(const Company& c);
/// "Hokuto Techno Seiki Co., Ltd." (or "..., Inc." / "... K.K." by a fixed choice per company).
std::string company_english_name(const Company& c);
/// "hokuto-techno-seiki.co.jp"; a company sharing its name with earlier ones gets a suffix.
std::string company_domain(const Company& c);
/// The 13-digit corporate number (check digit first).
std::string corporate_number(const Company& c);
/// Industry index (into industries()).
int company_industry(const Company& c);

// ---- People ----
const NameEntry& family_name(const Person& p);
const NameEntry& given_name(const Person& p);
const NameEntry& owner_family(const Owner& o);
const NameEntry& owner_given(const Owner& o);
/// "taro.yamada" from the romaji, lower case (ASCII).
std::string email_local(const Person& p);
/// Work e-mail at `company` (the person's first or, after a job change, new company).
std::string work_email(const Person& p, const Company& company);
/// Company the person works for on `day` (after a job change, the new one).
uint32_t company_on(const Person& p, uint16_t day);

// ---- Ids ----
/// A 15-character Salesforce id: 3-character key prefix, "5g0000", 6 base-62 digits of n.
std::string sf_id15(std::string_view prefix, uint64_t n);
/// The 18-character form of sf_id15(prefix, n).
std::string sf_id18(std::string_view prefix, uint64_t n);
std::string sf_user_id(uint32_t owner);  // 18-character 005 id
uint64_t hubspot_contact_id(uint32_t person,
                            int variant);  // variant 0 main, 1 duplicate, 2 new job
uint64_t hubspot_company_id(uint32_t company);
uint64_t hubspot_deal_id(uint32_t deal);
uint64_t hubspot_owner_id(uint32_t owner);
/// GA4 user_pseudo_id of a visitor (see Session::visitor): "<9-10 digits>.<first-visit seconds>".
std::string ga4_pseudo_id(const World& w, uint32_t visitor);

// ---- Dates (day 0 = 2025-01-01, Japan time) ----
struct CivilDate {
  int year, month, day;
};
CivilDate civil_date(int day);
/// 0 = Sunday ... 6 = Saturday.
int weekday(int day);
/// "2025-03-04" with `sep` between the parts ('-' or '/').
std::string format_date(int day, char sep = '-');
/// "20250304" (GA4 event_date and table suffix).
std::string format_date_compact(int day);
/// "YYYY-MM-DDThh:mm:ss.000Z" for Japan-time `day` and `seconds` into it (converted to UTC).
std::string format_utc_millis(int day, int seconds);
/// "YYYY-MM-DD hh:mm" in Japan time.
std::string format_local_minutes(int day, int seconds);
/// Unix seconds of Japan-time `day` + `seconds`.
inline int64_t unix_seconds(int day, int seconds) {
  return kEpochDay0Jst + int64_t{day} * 86400 + seconds;
}

}  // namespace revarch::demo
