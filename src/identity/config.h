#pragma once
// What identity resolution matches on and how it settles field conflicts. The ingest layer maps
// the design's `identity` and `sources` sections onto this; the defaults are the
// japan-enterprise template's. docs/identity.md explains every key and guard.
//
// Plain value type; thread-compatible.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revarch::identity {

/// Keys that link two records of people (contacts, leads, card holders, web visitors).
enum class PeopleKey {
  kEmail,               // normalised e-mail (role addresses such as info@ excluded)
  kCrmId,               // cross references: CRM sync ids, lead conversion, merges, GA4 user_id
  kPhone,               // E.164 phone / mobile, guarded by name and e-mail
  kNameCompany,         // normalised person name + the company entity
  kNameReadingCompany,  // kana reading (katakana = hiragana) + the company entity
};

/// Keys that link two records of companies (accounts and companies named on cards/contacts).
enum class CompanyKey {
  kCorporateNumber,  // 13-digit 法人番号 (check digit valid)
  kDomain,           // web domain, or the domain of a corporate (non-free-mail) e-mail
  kCrmId,            // cross references between CRMs
  kNormalizedName,   // normalize_company_name, + prefecture when both sides know it
};

/// "email", "crm_id", "phone", "name_company", "name_reading_company".
std::string_view people_key_name(PeopleKey k);
/// "corporate_number", "domain", "crm_id", "normalized_name".
std::string_view company_key_name(CompanyKey k);
/// Parses the names above; nullopt for an unknown name.
std::optional<PeopleKey> parse_people_key(std::string_view name);
std::optional<CompanyKey> parse_company_key(std::string_view name);

/// How one property's conflicting values are settled. With `sources` empty the most recently
/// observed value wins; otherwise the first listed source that has a value wins (its most recent
/// value), and sources not listed rank after all listed ones, by recency.
struct FieldRule {
  std::vector<std::string> sources;
  bool recency() const { return sources.empty(); }
  bool operator==(const FieldRule&) const = default;
};

struct IdentityConfig {
  std::vector<PeopleKey> people_keys = {PeopleKey::kEmail, PeopleKey::kCrmId, PeopleKey::kPhone,
                                        PeopleKey::kNameCompany, PeopleKey::kNameReadingCompany};
  std::vector<CompanyKey> company_keys = {CompanyKey::kCorporateNumber, CompanyKey::kDomain,
                                          CompanyKey::kCrmId, CompanyKey::kNormalizedName};

  /// Local parts of shared mailboxes that never identify one person (compared after
  /// normalisation, before any '+tag'). Such addresses still give their company a domain.
  std::vector<std::string> role_email_local_parts = {
      "info",      "sales",     "contact", "support",  "admin",     "office", "inquiry", "toiawase",
      "otoiawase", "webmaster", "noreply", "no-reply", "marketing", "pr",     "hr",      "recruit",
      "saiyo",     "soumu",     "eigyo",   "kouhou",   "service",   "hello",  "mail",    "team"};

  /// A name merge of two companies that both know their prefecture needs a common prefecture.
  bool company_name_needs_same_prefecture = true;
  /// Use the domain of a non-free-mail e-mail as the domain of the company the person is at
  /// (only when e-mail and company come from the same snapshot).
  bool company_domain_from_email = true;
  /// Sources whose own contact ids a GA4 user_id may carry.
  std::vector<std::string> crm_sources = {"hubspot", "salesforce"};
  /// The property of a web visitor that carries the signed-in user id.
  std::string visitor_user_id_property = "user_id";
  /// Region used to normalise phone numbers without a country code.
  std::string default_country = "JP";

  /// Field conflict rules by property. A key is either "<kind>.<property>" (kind: contact,
  /// account, deal) or a bare property; the qualified key wins. Unlisted properties: `fallback`.
  std::map<std::string, FieldRule, std::less<>> field_rules = default_field_rules();
  FieldRule fallback;  // recency

  /// Properties of record snapshots that describe the event, not the record: never unified.
  std::vector<std::string> event_only_properties = {
      "card_owner", "previous_company_name", "subject",    "channel",
      "campaign",   "page_location",         "event_name", "session_id"};

  /// The rule for `property` of a record of `kind` ("contact", "account", "deal").
  const FieldRule& rule_for(std::string_view kind, std::string_view property) const;

  static std::map<std::string, FieldRule, std::less<>> default_field_rules();
};

}  // namespace revarch::identity
