// HubSpot CSV exports: contacts, companies and deals, with label headers, every field quoted,
// UTF-8 with a BOM.
#include <fmt/format.h>

#include "demo/mess.h"
#include "demo/render.h"
#include "demo/truth.h"
#include "demo/vocab.h"
#include "demo/writers.h"

namespace revarch::demo {
namespace {

constexpr uint64_t kStreamHubSpot = 101;

std::string owner_label(const World& w, uint8_t owner) {
  const Owner& o = w.owners[owner];
  return fmt::format("{} {}", owner_family(o).kanji, owner_given(o).kanji);
}

std::string when(uint16_t day, Rng& rng) {
  if (day == kNoDay) return "";
  return format_local_minutes(day, rng.range(9 * 3600, 19 * 3600));
}

std::string_view source_label(Channel c) {
  switch (c) {
    case Channel::kTradeShow:
    case Channel::kSeminar:
    case Channel::kOutbound: return "Offline Sources";
    case Channel::kReferral: return "Referrals";
    case Channel::kOrganicSearch: return "Organic Search";
    case Channel::kPaidSearch: return "Paid Search";
    case Channel::kDirect: return "Direct Traffic";
    case Channel::kEmail: return "Email Marketing";
    case Channel::kSocial: return "Social Media";
  }
  return "";
}

std::string_view lead_status(const Person& p, Rng& rng) {
  if (p.opp_day != kNoDay) return "Open Deal";
  if (p.sql_day != kNoDay) return "Connected";
  if (p.mql_day != kNoDay) return "In Progress";
  static constexpr std::string_view kOthers[] = {
      "New", "Open", "Attempted to Contact", "Unqualified", "Bad Timing", ""};
  return kOthers[rng.below(6)];
}

// One contact record. variant: 0 main, 1 second record with a private e-mail, 2 after a job change.
void contact_row(const World& w, uint32_t pi, int variant, CsvWriter& out, TruthParts& truth) {
  const Person& p = w.people[pi];
  Rng rng(stream_key(w.seed, kStreamHubSpot, uint64_t{pi} * 4 + static_cast<uint64_t>(variant)));
  const uint16_t created =
      variant == 2 ? static_cast<uint16_t>(p.change_day + rng.range(1, 9))
                   : static_cast<uint16_t>(std::min<int>(
                         kLastDay, p.known_day + (variant == 1 ? rng.range(5, 60) : 0)));
  const uint32_t ci = variant == 2 ? p.new_company : p.company;
  const Company& c = w.companies[ci];
  const uint64_t id = hubspot_contact_id(pi, variant);
  const auto& fam = family_name(p);
  const auto& giv = given_name(p);
  const uint32_t style = rng.below(20);
  if (style == 0) {  // the whole name in Last Name
    out.field(id).field("").field(full_name_variant(fam.kanji, giv.kanji, rng));
  } else if (style < 3) {
    out.field(id).field(giv.romaji).field(fam.romaji);
  } else {
    out.field(id).field(giv.kanji).field(fam.kanji);
  }
  std::string email = variant == 1 ? fmt::format("{}{}@{}", email_local(p), 10 + pi % 90,
                                                 pi % 2 ? "gmail.com" : "yahoo.co.jp")
                                   : email_case_variant(work_email(p, c), rng);
  if (variant == 0 && rng.chance(0.02)) email.clear();
  out.field(email).field(rng.chance(0.6) ? phone_variant(c, pi, rng) : "");
  out.field(company_name_variant(c, rng));
  const auto& t = titles()[variant == 2 ? p.new_title : p.title];
  out.field(rng.chance(0.15) ? std::string(t.en)
                             : fmt::format("{} {}", departments()[p.dept].ja, t.ja));
  out.field(owner_label(w, p.owner));
  const std::string created_at = when(created, rng);
  out.field(created_at);
  const bool later = variant == 0;  // duplicates and new-job records stay early in the funnel
  out.field(later ? hubspot_lifecycle_label(p) : "Lead");
  out.field(later ? lead_status(p, rng) : "New");
  uint16_t last = created;
  for (uint16_t d : {p.mql_day, p.sql_day, p.opp_day, p.customer_day}) {
    if (later && d != kNoDay) last = std::max(last, d);
  }
  out.field(when(static_cast<uint16_t>(std::min<int>(kLastDay, last + rng.range(0, 20))), rng));
  out.field(created_at);
  out.field(later ? when(p.mql_day, rng) : "").field(later ? when(p.sql_day, rng) : "");
  out.field(later ? when(p.opp_day, rng) : "").field(later ? when(p.customer_day, rng) : "");
  out.field(source_label(p.channel));
  out.field(hubspot_company_id(ci));
  out.end_row();
  truth.person("hubspot", "contact", fmt::format("{}", id), pi);
}

Status write_contacts(const World& w, const std::filesystem::path& root, WriterReport& report,
                      TruthParts& truth) {
  REVARCH_ASSIGN_OR_RETURN(
      auto out,
      CsvWriter::open(root,
                      fmt::format("hubspot/hubspot-crm-exports-all-contacts-{}.csv", kExportDate),
                      Encoding::kUtf8Bom, Quoting::kAll, "\n"));
  out->header({"Record ID", "First Name", "Last Name", "Email", "Phone Number", "Company Name",
               "Job Title", "Contact owner", "Create Date", "Lifecycle Stage", "Lead Status",
               "Last Modified Date", "Became a Lead Date", "Became a Marketing Qualified Lead Date",
               "Became a Sales Qualified Lead Date", "Became an Opportunity Date",
               "Became a Customer Date", "Original Source", "Associated Company IDs"});
  for (uint32_t pi = 0; pi < w.people.size(); ++pi) {
    if (pi == w.people.size() / 2) {  // a record whose Create Date is not a date
      report.malformed.push_back({out->rel(), out->rows() + 1, "bad date in Create Date"});
      out->raw_row(
          fmt::format("\"{}\",\"花子\",\"試験\",\"test.hanako@example.jp\",\"\",\"\",\"\",\"\","
                      "\"2025-02-30 25:61\",\"Lead\",\"New\",\"\",\"\",\"\",\"\",\"\",\"\","
                      "\"Direct Traffic\",\"\"\n",
                      hubspot_contact_id(pi, 3)));
    }
    const Person& p = w.people[pi];
    if (!(p.sources & kInHubSpot)) continue;
    contact_row(w, pi, 0, *out, truth);
    if (p.sources & kHubSpotDup) contact_row(w, pi, 1, *out, truth);
    if (p.new_company != kNone && (mix64(w.seed ^ pi) & 1)) contact_row(w, pi, 2, *out, truth);
  }
  REVARCH_ASSIGN_OR_RETURN(FileStats st, out->close());
  report.files.push_back(std::move(st));
  return Status::ok();
}

Status write_companies(const World& w, const std::filesystem::path& root, WriterReport& report,
                       TruthParts& truth) {
  std::vector<bool> present(w.companies.size(), false);
  for (const Person& p : w.people) {
    if (!(p.sources & kInHubSpot)) continue;
    present[p.company] = true;
    if (p.new_company != kNone) present[p.new_company] = true;
  }
  for (const Deal& d : w.deals) present[d.company] = present[d.company] || d.in_hubspot;
  REVARCH_ASSIGN_OR_RETURN(
      auto out,
      CsvWriter::open(root,
                      fmt::format("hubspot/hubspot-crm-exports-all-companies-{}.csv", kExportDate),
                      Encoding::kUtf8Bom, Quoting::kAll, "\n"));
  out->header({"Record ID", "Company name", "Company Domain Name", "Number of Employees",
               "Industry", "State/Region", "City", "Country/Region", "Create Date",
               "Last Modified Date", "Company owner", "Lifecycle Stage", "Corporate Number"});
  for (uint32_t ci = 0; ci < w.companies.size(); ++ci) {
    if (!present[ci]) continue;
    const Company& c = w.companies[ci];
    Rng rng(stream_key(w.seed, kStreamHubSpot + 1, ci));
    const auto& pref = prefectures()[c.prefecture];
    const uint64_t id = hubspot_company_id(ci);
    out->field(id)
        .field(company_name_variant(c, rng))
        .field(rng.chance(0.9) ? company_domain(c) : "");
    out->field(rng.chance(0.8) ? fmt::format("{}", c.employees) : "");
    out->field(industries()[static_cast<size_t>(company_industry(c))].hubspot);
    out->field(rng.chance(0.5) ? pref.ja : pref.en).field(pref.city).field("Japan");
    const uint16_t created = c.first_known_day == kNoDay ? 0 : c.first_known_day;
    out->field(when(created, rng)).field(when(kLastDay, rng));
    out->field(owner_label(w, static_cast<uint8_t>(ci % w.owners.size())));
    out->field(c.customer_day != kNoDay ? "Customer" : c.has_deals ? "Opportunity" : "Lead");
    const double r = rng.unit();
    out->field(r < 0.55 ? corporate_number(c) : r < 0.6 ? to_fullwidth(corporate_number(c)) : "");
    out->end_row();
    truth.company("hubspot", "company", fmt::format("{}", id), ci);
  }
  REVARCH_ASSIGN_OR_RETURN(FileStats st, out->close());
  report.files.push_back(std::move(st));
  return Status::ok();
}

std::string_view hubspot_stage(std::string_view sf_stage) {
  if (sf_stage == "Prospecting" || sf_stage == "Qualification") return "Appointment Scheduled";
  if (sf_stage == "Needs Analysis" || sf_stage == "Value Proposition") return "Qualified To Buy";
  if (sf_stage == "Id. Decision Makers") return "Presentation Scheduled";
  if (sf_stage == "Proposal/Price Quote") return "Decision Maker Bought-In";
  if (sf_stage == "Closed Won") return "Closed Won";
  if (sf_stage == "Closed Lost") return "Closed Lost";
  return "Contract Sent";
}

Status write_deals(const World& w, const std::filesystem::path& root, WriterReport& report,
                   TruthParts& truth) {
  REVARCH_ASSIGN_OR_RETURN(
      auto out, CsvWriter::open(
                    root, fmt::format("hubspot/hubspot-crm-exports-all-deals-{}.csv", kExportDate),
                    Encoding::kUtf8Bom, Quoting::kAll, "\n"));
  out->header({"Record ID", "Deal Name", "Deal Stage", "Pipeline", "Amount", "Close Date",
               "Create Date", "Last Modified Date", "Deal owner", "Deal Type",
               "Associated Company IDs", "Associated Contact IDs"});
  for (uint32_t di = 0; di < w.deals.size(); ++di) {
    const Deal& d = w.deals[di];
    if (!d.in_hubspot) continue;
    Rng rng(stream_key(w.seed, kStreamHubSpot + 2, di));
    const Company& c = w.companies[d.company];
    const auto path = deal_path(w, di);
    const StageStep& now = path.back();
    const bool closed = now.stage.starts_with("Closed");
    const uint64_t id = hubspot_deal_id(di);
    out->field(id).field(fmt::format("{} - {}", company_core_name(c),
                                     d.type == DealType::kNewBusiness ? "RevArch 導入"
                                     : d.type == DealType::kUpsell    ? "追加ライセンス"
                                                                      : "契約更新"));
    out->field(hubspot_stage(now.stage)).field("Sales Pipeline");
    out->field(fmt::format("{}", uint64_t{now.amount_man} * 10000));
    out->field(closed ? when(now.day, rng)
                      : when(static_cast<uint16_t>(std::min<int>(kLastDay, now.day + 60)), rng));
    out->field(when(d.created_day, rng)).field(when(now.day, rng));
    out->field(owner_label(w, d.owner));
    out->field(d.type == DealType::kNewBusiness ? "New Business" : "Existing Business");
    out->field(hubspot_company_id(d.company));
    std::string contacts;
    for (uint32_t k = 0; k < c.committee_size; ++k) {
      const uint32_t pi = c.first_person + k;
      if (!(w.people[pi].sources & kInHubSpot)) continue;
      if (!contacts.empty()) contacts += ';';
      contacts += fmt::format("{}", hubspot_contact_id(pi, 0));
    }
    out->field(contacts);
    out->end_row();
    truth.deal("hubspot", "deal", fmt::format("{}", id), di);
  }
  REVARCH_ASSIGN_OR_RETURN(FileStats st, out->close());
  report.files.push_back(std::move(st));
  return Status::ok();
}

}  // namespace

std::string_view hubspot_lifecycle_label(const Person& p) {
  if (p.customer_day != kNoDay) return "Customer";
  if (p.opp_day != kNoDay) return "Opportunity";
  if (p.sql_day != kNoDay) return "Sales Qualified Lead";
  if (p.mql_day != kNoDay) return "Marketing Qualified Lead";
  return p.channel == Channel::kEmail ? "Subscriber" : "Lead";
}

std::string_view hubspot_lifecycle_value(const Person& p) {
  if (p.customer_day != kNoDay) return "customer";
  if (p.opp_day != kNoDay) return "opportunity";
  if (p.sql_day != kNoDay) return "salesqualifiedlead";
  if (p.mql_day != kNoDay) return "marketingqualifiedlead";
  return p.channel == Channel::kEmail ? "subscriber" : "lead";
}

WriterReport write_hubspot(const World& w, const std::filesystem::path& root) {
  WriterReport report;
  auto truth = TruthParts::open(root, "hubspot");
  if (!truth.is_ok()) return {{}, {}, truth.status()};
  report.status = write_contacts(w, root, report, **truth);
  if (report.status.is_ok()) report.status = write_companies(w, root, report, **truth);
  if (report.status.is_ok()) report.status = write_deals(w, root, report, **truth);
  if (report.status.is_ok()) write_hubspot_webhooks(w, root, report);
  Status st = (*truth)->close();
  if (report.status.is_ok()) report.status = st;
  return report;
}

}  // namespace revarch::demo
