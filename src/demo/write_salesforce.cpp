// Salesforce Data Export objects Account, Contact and Lead: API-name headers, every value quoted,
// booleans "true"/"false", datetimes YYYY-MM-DDThh:mm:ss.000Z (UTC).
#include <fmt/format.h>

#include "demo/mess.h"
#include "demo/salesforce_ids.h"
#include "demo/truth.h"
#include "demo/vocab.h"
#include "demo/writers.h"

namespace revarch::demo {

std::vector<bool> sf_accounts_present(const World& w) {
  std::vector<bool> present(w.companies.size(), false);
  for (uint32_t pi = 0; pi < w.people.size(); ++pi) {
    const Person& p = w.people[pi];
    if (p.sources & kInSfContact) present[p.company] = true;
    if (sf_has_second_contact(w, pi)) present[p.new_company] = true;
  }
  for (const Deal& d : w.deals) present[d.company] = true;
  return present;
}

std::vector<uint32_t> first_deal_of_company(const World& w) {
  std::vector<uint32_t> first(w.companies.size(), kNone);
  for (uint32_t di = static_cast<uint32_t>(w.deals.size()); di-- > 0;)
    first[w.deals[di].company] = di;
  return first;
}

namespace {

constexpr uint64_t kStreamSf = 201;

std::string sf_time(uint16_t day, Rng& rng) {
  return format_utc_millis(day, rng.range(9 * 3600, 19 * 3600));
}

std::string_view lead_source(Channel c) {
  switch (c) {
    case Channel::kReferral: return "Partner Referral";
    case Channel::kOutbound: return "Purchased List";
    case Channel::kTradeShow:
    case Channel::kSeminar: return "Other";
    case Channel::kDirect: return "Phone Inquiry";
    default: return "Web";
  }
}

Status write_accounts(const World& w, const std::filesystem::path& root, WriterReport& report,
                      TruthParts& truth) {
  const auto present = sf_accounts_present(w);
  REVARCH_ASSIGN_OR_RETURN(
      auto out, CsvWriter::open(root, fmt::format("{}/Account.csv", kSfLooseDir), Encoding::kUtf8,
                                Quoting::kAll, "\n"));
  out->header({"Id", "IsDeleted", "Name", "Type", "Industry", "BillingState", "BillingCity",
               "BillingCountry", "Phone", "Website", "NumberOfEmployees", "OwnerId", "CreatedDate",
               "LastModifiedDate", "Corporate_Number__c"});
  for (uint32_t ci = 0; ci < w.companies.size(); ++ci) {
    if (!present[ci]) continue;
    const Company& c = w.companies[ci];
    Rng rng(stream_key(w.seed, kStreamSf, ci));
    const std::string id = sf_account_id(ci);
    out->field(id).field("false").field(rng.chance(0.85) ? company_legal_name(c)
                                                         : company_name_variant(c, rng));
    out->field(c.churned                  ? "Former Customer"
               : c.customer_day != kNoDay ? "Customer - Direct"
                                          : "Prospect");
    out->field(industries()[static_cast<size_t>(company_industry(c))].salesforce);
    const auto& pref = prefectures()[c.prefecture];
    out->field(rng.chance(0.7) ? pref.ja : pref.en)
        .field(pref.city)
        .field(rng.chance(0.8) ? "Japan" : "日本");
    out->field(phone_variant(c, 0, rng)).field(fmt::format("https://www.{}/", company_domain(c)));
    out->field(fmt::format("{}", c.employees_sf));
    out->field(sf_user_id(ci % static_cast<uint32_t>(w.owners.size())));
    const uint16_t created = c.first_known_day == kNoDay ? 0 : c.first_known_day;
    out->field(sf_time(created, rng)).field(sf_time(kLastDay, rng));
    out->field(rng.chance(0.7) ? corporate_number(c) : "");
    out->end_row();
    truth.company("salesforce", "Account", id, ci);
  }
  REVARCH_ASSIGN_OR_RETURN(FileStats st, out->close());
  report.files.push_back(std::move(st));
  return Status::ok();
}

void contact_row(const World& w, uint32_t pi, bool second, CsvWriter& out, TruthParts& truth) {
  const Person& p = w.people[pi];
  Rng rng(stream_key(w.seed, kStreamSf + 1, uint64_t{pi} * 2 + second));
  const uint32_t ci = second ? p.new_company : p.company;
  const Company& c = w.companies[ci];
  const std::string id = sf_contact_id(w, pi, second);
  out.field(id).field("false").field(sf_account_id(ci));
  const bool romaji = rng.chance(0.05);
  out.field(romaji ? family_name(p).romaji : family_name(p).kanji);
  out.field(romaji ? given_name(p).romaji : given_name(p).kanji);
  const auto& t = titles()[second ? p.new_title : p.title];
  out.field(rng.chance(0.2) ? t.en : t.ja).field(departments()[p.dept].ja);
  out.field(email_case_variant(work_email(p, c), rng)).field(phone_variant(c, pi, rng));
  out.field(rng.chance(0.3) ? fmt::format("090-{:04d}-{:04d}", pi % 10000, (pi * 7) % 10000) : "");
  out.field(lead_source(p.channel));
  out.field(sf_user_id(p.owner));
  const uint16_t created = second ? static_cast<uint16_t>(p.change_day + 3) : sf_contact_created(p);
  out.field(sf_time(created, rng))
      .field(sf_time(std::max<uint16_t>(created, kLastDay - rng.below(60)), rng));
  out.end_row();
  truth.person("salesforce", "Contact", id, pi);
}

Status write_contacts(const World& w, const std::filesystem::path& root, WriterReport& report,
                      TruthParts& truth) {
  REVARCH_ASSIGN_OR_RETURN(
      auto out, CsvWriter::open(root, fmt::format("{}/Contact.csv", kSfLooseDir), Encoding::kUtf8,
                                Quoting::kAll, "\n"));
  out->header({"Id", "IsDeleted", "AccountId", "LastName", "FirstName", "Title", "Department",
               "Email", "Phone", "MobilePhone", "LeadSource", "OwnerId", "CreatedDate",
               "LastModifiedDate"});
  for (uint32_t pi = 0; pi < w.people.size(); ++pi) {
    if (!(w.people[pi].sources & kInSfContact)) continue;
    contact_row(w, pi, false, *out, truth);
    if (sf_has_second_contact(w, pi)) contact_row(w, pi, true, *out, truth);
  }
  REVARCH_ASSIGN_OR_RETURN(FileStats st, out->close());
  report.files.push_back(std::move(st));
  return Status::ok();
}

Status write_leads(const World& w, const std::filesystem::path& root, WriterReport& report,
                   TruthParts& truth) {
  const auto first_deal = first_deal_of_company(w);
  REVARCH_ASSIGN_OR_RETURN(auto out, CsvWriter::open(root, fmt::format("{}/Lead.csv", kSfLooseDir),
                                                     Encoding::kUtf8, Quoting::kAll, "\n"));
  out->header({"Id",
               "IsDeleted",
               "LastName",
               "FirstName",
               "Company",
               "Title",
               "Email",
               "Phone",
               "Status",
               "LeadSource",
               "Industry",
               "NumberOfEmployees",
               "IsConverted",
               "ConvertedDate",
               "ConvertedAccountId",
               "ConvertedContactId",
               "ConvertedOpportunityId",
               "OwnerId",
               "CreatedDate",
               "LastModifiedDate"});
  for (uint32_t pi = 0; pi < w.people.size(); ++pi) {
    const Person& p = w.people[pi];
    if (!(p.sources & kInSfLead)) continue;
    Rng rng(stream_key(w.seed, kStreamSf + 2, pi));
    const Company& c = w.companies[p.company];
    const std::string id = sf_lead_id(pi);
    out->field(id).field("false");
    const bool split_wrong = rng.chance(0.05);  // whole name typed into LastName
    out->field(split_wrong ? full_name_variant(family_name(p).kanji, given_name(p).kanji, rng)
                           : family_name(p).kanji);
    out->field(split_wrong ? "" : given_name(p).kanji);
    out->field(company_name_variant(c, rng)).field(titles()[p.title].ja);
    out->field(rng.chance(0.97) ? email_case_variant(work_email(p, c), rng) : "");
    out->field(rng.chance(0.5) ? phone_variant(c, pi, rng) : "");
    const bool converted = sf_lead_converted(p);
    const bool stale = p.mql_day + 90 < kLastDay;
    out->field(converted ? "Closed - Converted"
               : stale   ? (rng.chance(0.6) ? "Closed - Not Converted" : "Working - Contacted")
                         : "Open - Not Contacted");
    out->field(lead_source(p.channel));
    out->field(industries()[static_cast<size_t>(company_industry(c))].salesforce);
    out->field(rng.chance(0.6) ? fmt::format("{}", c.employees_sf) : "");
    out->field(converted ? "true" : "false");
    out->field(converted ? format_date(p.sql_day) : "");
    // Converted*Id are written in the 15-character form in this file (a deliberate mix).
    out->field(converted ? id15(sf_account_id(p.company)) : "");
    out->field(converted ? id15(sf_contact_id(w, pi)) : "");
    const bool primary =
        converted && first_deal[p.company] != kNone && w.deals[first_deal[p.company]].contact == pi;
    out->field(primary ? id15(sf_opportunity_id(first_deal[p.company])) : "");
    out->field(sf_user_id(p.owner));
    const std::string created_at = sf_time(p.mql_day, rng);
    out->field(created_at)
        .field(converted && p.sql_day > p.mql_day ? sf_time(p.sql_day, rng) : created_at);
    out->end_row();
    truth.person("salesforce", "Lead", id, pi);
  }
  REVARCH_ASSIGN_OR_RETURN(FileStats st, out->close());
  report.files.push_back(std::move(st));
  return Status::ok();
}

}  // namespace

Status write_sf_deals(const World& w, const std::filesystem::path& root, WriterReport& report,
                      TruthParts& truth);
Status write_sf_activities(const World& w, const std::filesystem::path& root, WriterReport& report);
Status write_sf_zip(const std::filesystem::path& root, WriterReport& report);

WriterReport write_salesforce(const World& w, const std::filesystem::path& root) {
  WriterReport report;
  auto truth = TruthParts::open(root, "salesforce");
  if (!truth.is_ok()) return {{}, {}, truth.status()};
  report.status = write_accounts(w, root, report, **truth);
  if (report.status.is_ok()) report.status = write_contacts(w, root, report, **truth);
  if (report.status.is_ok()) report.status = write_leads(w, root, report, **truth);
  if (report.status.is_ok()) report.status = write_sf_deals(w, root, report, **truth);
  if (report.status.is_ok()) report.status = write_sf_activities(w, root, report);
  if (report.status.is_ok()) report.status = write_sf_zip(root, report);
  Status st = (*truth)->close();
  if (report.status.is_ok()) report.status = st;
  return report;
}

}  // namespace revarch::demo
