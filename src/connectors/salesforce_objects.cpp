// Salesforce object detection, aliases and ids.
#include <cctype>

#include "connectors/salesforce.h"
#include "text/ids.h"

namespace revarch::connectors::salesforce {

const char* object_name(Object o) {
  switch (o) {
    case Object::kLead: return "Lead";
    case Object::kContact: return "Contact";
    case Object::kAccount: return "Account";
    case Object::kOpportunity: return "Opportunity";
    case Object::kOpportunityHistory: return "OpportunityHistory";
    case Object::kTask: return "Task";
    case Object::kEvent: return "Event";
  }
  return "";
}

const AliasTable& aliases() {
  static const AliasTable kTable = {
      {"id", {}},
      {"email", {}},
      {"firstname", {}},
      {"lastname", {}},
      {"name", {}},
      {"title", {}},
      {"department", {}},
      {"phone", {}},
      {"mobilephone", {}},
      {"company", {}},
      {"accountid", {}},
      {"ownerid", {}},
      {"createddate", {}},
      {"lastmodifieddate", {}},
      {"systemmodstamp", {}},
      {"status", {}},
      {"leadsource", {}},
      {"isconverted", {}},
      {"converteddate", {}},
      {"convertedcontactid", {}},
      {"convertedaccountid", {}},
      {"convertedopportunityid", {}},
      {"website", {}},
      {"industry", {}},
      {"numberofemployees", {}},
      {"annualrevenue", {}},
      {"country", {"BillingCountry", "MailingCountry"}},
      {"state", {"BillingState", "MailingState"}},
      {"city", {"BillingCity", "MailingCity"}},
      {"postalcode", {"BillingPostalCode", "MailingPostalCode"}},
      {"corporatenumber__c",
       {"Corporate_Number__c", "HoujinBangou__c", "CorporateNumber", "法人番号"}},
      {"stagename", {}},
      {"amount", {}},
      {"closedate", {}},
      {"probability", {}},
      {"isclosed", {}},
      {"iswon", {}},
      {"type", {}},
      {"campaignid", {}},
      {"currencyisocode", {}},
      {"isdeleted", {}},
      {"opportunityid", {}},
      {"whoid", {}},
      {"whatid", {}},
      {"subject", {}},
      {"activitydate", {}},
      {"completeddatetime", {}},
      {"startdatetime", {}},
      {"enddatetime", {}},
      {"activitydatetime", {}},
      {"durationinminutes", {}},
      {"calldurationinseconds", {}},
      {"isalldayevent", {}},
      {"priority", {}},
      {"tasksubtype", {}},
      {"eventsubtype", {}},
      {"location", {}},
      {"forecastcategory", {}},
      {"nextstep", {}},
  };
  return kTable;
}

std::optional<Object> object_from_name(std::string_view file_name) {
  size_t slash = file_name.find_last_of("/\\");
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  std::string stem = ascii_lower(file_name.substr(0, file_name.find('.')));
  for (Object o : {Object::kOpportunityHistory, Object::kOpportunity, Object::kLead,
                   Object::kContact, Object::kAccount, Object::kTask, Object::kEvent}) {
    std::string n = ascii_lower(object_name(o));
    if (stem == n) return o;
    if (stem.size() > n.size() && stem.compare(0, n.size(), n) == 0 &&
        !std::isalpha(static_cast<unsigned char>(stem[n.size()]))) {
      return o;
    }
  }
  return std::nullopt;
}

std::optional<Object> object_from_columns(const ColumnMap& c) {
  if (c.has("opportunityid") && c.has("stagename")) return Object::kOpportunityHistory;
  if (c.has("stagename")) return Object::kOpportunity;
  if (c.has("isconverted") || c.has("convertedcontactid") || (c.has("company") && c.has("email"))) {
    return Object::kLead;
  }
  if ((c.has("whoid") || c.has("whatid")) &&
      (c.has("startdatetime") || c.has("durationinminutes"))) {
    return Object::kEvent;
  }
  if (c.has("whoid") || c.has("whatid")) return Object::kTask;
  if (c.has("accountid") && (c.has("email") || c.has("lastname"))) return Object::kContact;
  if (c.has("name") && c.has("id") && !c.has("email")) return Object::kAccount;
  return std::nullopt;
}

std::string id18(std::string_view raw, const RowContext& ctx, std::string_view column) {
  std::string s = clean_text(raw);
  if (s.empty()) return s;
  if (auto id = text::salesforce_id18(s)) return *id;
  ctx.note(column, "invalid Salesforce id", s);
  return s;
}

std::optional<EntityKind> kind_of_id(std::string_view id) {
  std::string_view p = text::salesforce_key_prefix(id);
  if (p == "001") return EntityKind::kAccount;
  if (p == "003" || p == "00Q") return EntityKind::kContact;
  if (p == "006") return EntityKind::kDeal;
  if (p == "005") return EntityKind::kOwner;
  return std::nullopt;
}

}  // namespace revarch::connectors::salesforce
