#include "demo/render.h"

#include <fmt/format.h>

#include <cctype>

#include "demo/rng.h"
#include "demo/vocab.h"
#include "text/ids.h"

namespace revarch::demo {
namespace {

struct Parts {
  const Word& prefix;
  const Word& middle;
  const NameSuffix& suffix;
};

Parts parts(const Company& c) {
  const uint32_t ns = static_cast<uint32_t>(name_suffixes().size());
  const uint32_t nm = static_cast<uint32_t>(name_middles().size());
  return {name_prefixes()[c.name_combo / (ns * nm)], name_middles()[(c.name_combo / ns) % nm],
          name_suffixes()[c.name_combo % ns]};
}

std::string lower_ascii(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == ' ') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

}  // namespace

std::string company_core_name(const Company& c) {
  Parts p = parts(c);
  return fmt::format("{}{}{}", p.prefix.ja, p.middle.ja, p.suffix.ja);
}

std::string company_legal_name(const Company& c) {
  switch (c.legal_form) {
    case LegalForm::kMaeKabu: return "株式会社" + company_core_name(c);
    case LegalForm::kAtoKabu: return company_core_name(c) + "株式会社";
    case LegalForm::kGodo: return "合同会社" + company_core_name(c);
  }
  return company_core_name(c);
}

std::string company_english_name(const Company& c) {
  Parts p = parts(c);
  std::string_view form = c.legal_form == LegalForm::kGodo ? "LLC"
                          : (c.name_combo % 3 == 0)        ? "Inc."
                                                           : "Co., Ltd.";
  return fmt::format("{} {} {}{}{}", p.prefix.romaji, p.middle.romaji, p.suffix.romaji,
                     form == "Co., Ltd." ? " " : (form == "LLC" ? " " : ", "), form);
}

std::string company_domain(const Company& c) {
  Parts p = parts(c);
  std::string d = fmt::format("{}-{}-{}", lower_ascii(p.prefix.romaji),
                              lower_ascii(p.middle.romaji), lower_ascii(p.suffix.romaji));
  if (c.name_dup > 0) d += fmt::format("-{}", lower_ascii(prefectures()[c.prefecture].en));
  if (c.name_dup > 1) d += fmt::format("{}", c.name_dup);
  return d + ".co.jp";
}

std::string corporate_number(const Company& c) {
  const std::string base = fmt::format("{:012d}", c.corporate_base);
  return fmt::format("{}{}", text::corporate_number_check_digit(base), base);
}

int company_industry(const Company& c) {
  return parts(c).suffix.industry;
}

const NameEntry& family_name(const Person& p) {
  return embedded_name_tables().family[p.family];
}
const NameEntry& given_name(const Person& p) {
  const NameTables& t = embedded_name_tables();
  return (p.female ? t.female : t.male)[p.given];
}
const NameEntry& owner_family(const Owner& o) {
  return embedded_name_tables().family[o.family];
}
const NameEntry& owner_given(const Owner& o) {
  const NameTables& t = embedded_name_tables();
  return (o.female ? t.female : t.male)[o.given];
}

std::string email_local(const Person& p) {
  return lower_ascii(given_name(p).romaji) + "." + lower_ascii(family_name(p).romaji);
}

std::string work_email(const Person& p, const Company& company) {
  return email_local(p) + "@" + company_domain(company);
}

uint32_t company_on(const Person& p, uint16_t day) {
  return (p.new_company != kNone && day >= p.change_day) ? p.new_company : p.company;
}

std::string sf_id15(std::string_view prefix, uint64_t n) {
  static constexpr char kDigits[] =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  char tail[6];
  for (int i = 5; i >= 0; --i) {
    tail[i] = kDigits[n % 62];
    n /= 62;
  }
  return fmt::format("{}5g0000{}", prefix, std::string_view(tail, 6));
}

std::string sf_id18(std::string_view prefix, uint64_t n) {
  return *text::salesforce_id18(sf_id15(prefix, n));
}

std::string sf_user_id(uint32_t owner) {
  return sf_id18("005", 2000 + owner);
}

// Spaced apart so that ids do not look sequential; all distinct by construction.
uint64_t hubspot_contact_id(uint32_t person, int variant) {
  return 51000001ULL + uint64_t{person} * 4 + static_cast<uint64_t>(variant);
}
uint64_t hubspot_company_id(uint32_t company) {
  return 9120000001ULL + uint64_t{company} * 3;
}
uint64_t hubspot_deal_id(uint32_t deal) {
  return 17400000001ULL + uint64_t{deal} * 5;
}
uint64_t hubspot_owner_id(uint32_t owner) {
  return 70100001ULL + owner * 11;
}

std::string ga4_pseudo_id(const World& w, uint32_t visitor) {
  const uint64_t h = mix64(w.seed ^ (uint64_t{visitor} * 0x9e3779b97f4a7c15ULL));
  return fmt::format("{}.{}", 100000000 + h % 1900000000, 1735657200 + (h >> 32) % 57800000);
}

CivilDate civil_date(int day) {
  // Days since 1970-01-01 to civil (H. Hinnant's algorithm, public domain description).
  int64_t z = (kEpochDay0Jst + 9 * 3600) / 86400 + day + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

int weekday(int day) {
  return (day + 3) % 7;
}  // 2025-01-01 was a Wednesday

std::string format_date(int day, char sep) {
  CivilDate c = civil_date(day);
  return fmt::format("{:04d}{}{:02d}{}{:02d}", c.year, sep, c.month, sep, c.day);
}

std::string format_date_compact(int day) {
  CivilDate c = civil_date(day);
  return fmt::format("{:04d}{:02d}{:02d}", c.year, c.month, c.day);
}

std::string format_utc_millis(int day, int seconds) {
  int utc = seconds - 9 * 3600;
  while (utc < 0) {
    utc += 86400;
    --day;
  }
  CivilDate c = civil_date(day);
  return fmt::format("{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}.000Z", c.year, c.month, c.day,
                     utc / 3600, utc / 60 % 60, utc % 60);
}

std::string format_local_minutes(int day, int seconds) {
  CivilDate c = civil_date(day);
  return fmt::format("{:04d}-{:02d}-{:02d} {:02d}:{:02d}", c.year, c.month, c.day, seconds / 3600,
                     seconds / 60 % 60);
}

}  // namespace revarch::demo
