#include "identity/config.h"

#include <array>
#include <utility>

namespace revarch::identity {
namespace {

constexpr std::array<std::pair<PeopleKey, std::string_view>, 5> kPeopleKeys = {{
    {PeopleKey::kEmail, "email"},
    {PeopleKey::kCrmId, "crm_id"},
    {PeopleKey::kPhone, "phone"},
    {PeopleKey::kNameCompany, "name_company"},
    {PeopleKey::kNameReadingCompany, "name_reading_company"},
}};

constexpr std::array<std::pair<CompanyKey, std::string_view>, 4> kCompanyKeys = {{
    {CompanyKey::kCorporateNumber, "corporate_number"},
    {CompanyKey::kDomain, "domain"},
    {CompanyKey::kCrmId, "crm_id"},
    {CompanyKey::kNormalizedName, "normalized_name"},
}};

}  // namespace

std::string_view people_key_name(PeopleKey k) {
  for (const auto& [key, name] : kPeopleKeys) {
    if (key == k) return name;
  }
  return "";
}

std::string_view company_key_name(CompanyKey k) {
  for (const auto& [key, name] : kCompanyKeys) {
    if (key == k) return name;
  }
  return "";
}

std::optional<PeopleKey> parse_people_key(std::string_view name) {
  for (const auto& [key, n] : kPeopleKeys) {
    if (n == name) return key;
  }
  return std::nullopt;
}

std::optional<CompanyKey> parse_company_key(std::string_view name) {
  for (const auto& [key, n] : kCompanyKeys) {
    if (n == name) return key;
  }
  if (name == "name" || name == "company_name") return CompanyKey::kNormalizedName;
  return std::nullopt;
}

const FieldRule& IdentityConfig::rule_for(std::string_view kind, std::string_view property) const {
  std::string qualified;
  qualified.reserve(kind.size() + 1 + property.size());
  qualified.append(kind).append(".").append(property);
  if (auto it = field_rules.find(qualified); it != field_rules.end()) return it->second;
  if (auto it = field_rules.find(property); it != field_rules.end()) return it->second;
  return fallback;
}

std::map<std::string, FieldRule, std::less<>> IdentityConfig::default_field_rules() {
  // Cards are scanned and verified by people: most trusted for how a person writes their name,
  // title and department. CRMs are the record of account facts; Salesforce is usually the
  // system of record for accounts and deals in Japanese enterprise teams, HubSpot for marketing
  // state. Everything else: most recent wins.
  const FieldRule card_first{{"sansan", "eight", "salesforce", "hubspot"}};
  const FieldRule crm_first{{"salesforce", "hubspot", "sansan", "eight"}};
  std::map<std::string, FieldRule, std::less<>> rules;
  for (const char* p : {"contact.first_name", "contact.last_name", "contact.full_name",
                        "contact.first_name_reading", "contact.last_name_reading", "contact.title",
                        "contact.department"}) {
    rules[p] = card_first;
  }
  for (const char* p :
       {"account.company_name", "account.corporate_number", "account.employees",
        "account.annual_revenue", "account.industry", "account.website", "account.domain"}) {
    rules[p] = crm_first;
  }
  rules["contact.lifecycle_stage"] = FieldRule{{"hubspot", "salesforce"}};
  rules["contact.lead_status"] = FieldRule{{"hubspot", "salesforce"}};
  rules["deal.stage"] = FieldRule{{"salesforce", "hubspot"}};
  rules["deal.amount"] = FieldRule{{"salesforce", "hubspot"}};
  return rules;
}

}  // namespace revarch::identity
