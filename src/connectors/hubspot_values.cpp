// HubSpot enumerations and column patterns.
#include <algorithm>
#include <array>

#include "connectors/hubspot.h"

namespace revarch::connectors::hubspot {
namespace {

std::string fold(std::string_view v, bool upper_snake) {
  std::string out;
  for (char c : v) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(upper_snake && c >= 'a' ? static_cast<char>(c - 'a' + 'A') : c);
    } else if (upper_snake && (c == ' ' || c == '_') && !out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  return out;
}

template <size_t N>
std::string pick(std::string_view v, const std::array<std::string_view, N>& known, bool upper) {
  std::string f = fold(v, upper);
  if (std::find(known.begin(), known.end(), f) != known.end()) return f;
  return clean_text(v);
}

constexpr std::array<std::string_view, 8> kLifecycle = {
    "subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer",
    "evangelist", "other"};
constexpr std::array<std::string_view, 8> kLeadStatus = {
    "NEW",       "OPEN",      "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT",
    "CONNECTED", "BAD_TIMING"};
constexpr std::array<std::string_view, 9> kSources = {
    "ORGANIC_SEARCH",  "PAID_SEARCH",    "EMAIL_MARKETING", "SOCIAL_MEDIA", "REFERRALS",
    "OTHER_CAMPAIGNS", "DIRECT_TRAFFIC", "OFFLINE",         "PAID_SOCIAL"};
constexpr std::array<std::string_view, 7> kDealStages = {"appointmentscheduled",
                                                         "qualifiedtobuy",
                                                         "presentationscheduled",
                                                         "decisionmakerboughtin",
                                                         "contractsent",
                                                         "closedwon",
                                                         "closedlost"};

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace

std::string lifecycle_value(std::string_view v) {
  return pick(v, kLifecycle, false);
}
std::string lead_status_value(std::string_view v) {
  return pick(v, kLeadStatus, true);
}
std::string source_value(std::string_view v) {
  if (fold(v, true) == "OFFLINE_SOURCES") return "OFFLINE";
  return pick(v, kSources, true);
}
std::string deal_stage_value(std::string_view v) {
  return pick(v, kDealStages, false);
}
std::string pipeline_value(std::string_view v) {
  std::string f = fold(v, false);
  if (f == "salespipeline" || f == "default") return "default";
  return clean_text(v);
}

std::string stage_of_date_column(std::string_view key) {
  if (starts_with(key, "became a") && ends_with(key, " date")) {
    std::string_view mid = key.substr(8, key.size() - 8 - 5);
    if (starts_with(mid, "n ")) mid.remove_prefix(2);  // "became an opportunity date"
    return lifecycle_value(mid);
  }
  if (starts_with(key, "hs_lifecyclestage_") && ends_with(key, "_date")) {
    return std::string(key.substr(18, key.size() - 18 - 5));
  }
  if (starts_with(key, "hs_v2_date_entered_")) return std::string(key.substr(19));
  if (starts_with(key, "hs_date_entered_")) return std::string(key.substr(16));
  if (starts_with(key, "date entered ")) {  // Date entered "Closed Won (Sales Pipeline)"
    std::string_view mid = key.substr(13);
    size_t paren = mid.find(" (");
    if (paren != std::string_view::npos) mid = mid.substr(0, paren);
    std::string stage = fold(mid, false);
    return stage;
  }
  return "";
}

const AliasTable& aliases() {
  static const AliasTable kTable = {
      {"record_id",
       {"Record ID", "hs_object_id", "Contact ID", "Company ID", "Deal ID", "id", "vid"}},
      {"email", {"Email", "E-mail", "Email Address"}},
      {"first_name", {"First Name", "firstname"}},
      {"last_name", {"Last Name", "lastname"}},
      {"phone", {"Phone Number", "Phone"}},
      {"mobile", {"Mobile Phone Number", "mobilephone"}},
      {"title", {"Job Title", "jobtitle"}},
      {"company_name", {"Company Name", "company", "name"}},
      {"owner_id", {"Contact owner", "Company owner", "Deal owner", "hubspot_owner_id", "Owner"}},
      {"created_at", {"Create Date", "createdate", "Created Date", "createdAt"}},
      {"updated_at",
       {"Last Modified Date", "lastmodifieddate", "hs_lastmodifieddate", "updatedAt"}},
      {"lifecycle_stage", {"Lifecycle Stage", "lifecyclestage"}},
      {"lead_status", {"Lead Status", "hs_lead_status"}},
      {"original_source", {"Original Source", "hs_analytics_source", "Original Source Type"}},
      {"company_ids",
       {"Associated Company IDs", "Associated Company ID", "associatedcompanyid",
        "Associated Company IDs (Primary)"}},
      {"contact_ids", {"Associated Contact IDs", "Associated Contact ID"}},
      {"deal_ids", {"Associated Deal IDs", "Associated Deal ID"}},
      {"domain", {"Company Domain Name", "Domain"}},
      {"website", {"Website URL", "Website"}},
      {"employees", {"Number of Employees", "numberofemployees"}},
      {"annual_revenue", {"Annual Revenue", "annualrevenue"}},
      {"industry", {"Industry"}},
      {"city", {"City"}},
      {"prefecture", {"State/Region", "state"}},
      {"country", {"Country/Region", "country", "Country"}},
      {"postal_code", {"Postal Code", "zip"}},
      {"corporate_number", {"Corporate Number", "法人番号"}},
      {"deal_name", {"Deal Name", "dealname"}},
      {"stage", {"Deal Stage", "dealstage"}},
      {"pipeline", {"Pipeline"}},
      {"amount", {"Amount"}},
      {"currency", {"Currency", "deal_currency_code"}},
      {"close_date", {"Close Date", "closedate"}},
      {"deal_type", {"Deal Type", "dealtype"}},
      {"probability", {"Deal probability", "hs_deal_stage_probability", "Deal Stage Probability"}},
      {"is_won", {"Is Closed Won", "hs_is_closed_won"}},
      {"department", {"Department"}},
  };
  return kTable;
}

Object detect_object(std::string_view file_name, const ColumnMap& columns) {
  std::string f = ascii_lower(file_name);
  size_t slash = f.find_last_of('/');
  if (slash != std::string::npos) f = f.substr(slash + 1);
  if (f.find("deal") != std::string::npos) return Object::kDeal;
  if (f.find("compan") != std::string::npos) return Object::kCompany;
  if (f.find("contact") != std::string::npos) return Object::kContact;
  if (columns.has("deal_name") || columns.has("stage")) return Object::kDeal;
  bool person = columns.has("email") || columns.has("first_name") || columns.has("last_name");
  if (!person && (columns.has("domain") || columns.has("company_name"))) return Object::kCompany;
  return Object::kContact;
}

}  // namespace revarch::connectors::hubspot
