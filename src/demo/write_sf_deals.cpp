// Salesforce Opportunity, OpportunityHistory, Task and Event, and the weekly Data Export ZIP.
#include <fmt/format.h>
#include <zip.h>

#include "demo/rng.h"
#include "demo/salesforce_ids.h"
#include "demo/truth.h"
#include "demo/writers.h"

namespace revarch::demo {
namespace {

constexpr uint64_t kStreamSfDeals = 221;

std::string sf_time(uint16_t day, Rng& rng) {
  return format_utc_millis(day, rng.range(9 * 3600, 19 * 3600));
}

std::string_view forecast(const StageStep& s) {
  if (s.stage == "Closed Won") return "Closed";
  if (s.stage == "Closed Lost") return "Omitted";
  if (s.probability >= 90) return "Commit";
  return s.probability >= 50 ? "BestCase" : "Pipeline";
}

std::string_view deal_type(DealType t) {
  switch (t) {
    case DealType::kNewBusiness: return "New Business";
    case DealType::kRenewal: return "Existing Business";
    case DealType::kUpsell: return "Upsell";
  }
  return "";
}

std::string yen(uint32_t man) {
  return fmt::format("{}", uint64_t{man} * 10000);
}

}  // namespace

Status write_sf_deals(const World& w, const std::filesystem::path& root, WriterReport& report,
                      TruthParts& truth) {
  REVARCH_ASSIGN_OR_RETURN(auto opp,
                           CsvWriter::open(root, fmt::format("{}/Opportunity.csv", kSfLooseDir),
                                           Encoding::kUtf8, Quoting::kAll, "\n"));
  REVARCH_ASSIGN_OR_RETURN(
      auto hist, CsvWriter::open(root, fmt::format("{}/OpportunityHistory.csv", kSfLooseDir),
                                 Encoding::kUtf8, Quoting::kAll, "\n"));
  opp->header({"Id", "IsDeleted", "AccountId", "Name", "StageName", "Amount", "Probability",
               "CloseDate", "Type", "LeadSource", "IsClosed", "IsWon", "ForecastCategory",
               "CampaignId", "NextStep", "OwnerId", "CreatedDate", "LastModifiedDate"});
  hist->header({"Id", "OpportunityId", "CreatedById", "CreatedDate", "StageName", "Amount",
                "ExpectedRevenue", "CloseDate", "Probability", "ForecastCategory", "PrevAmount",
                "PrevCloseDate", "IsDeleted"});
  uint64_t hist_no = 0;
  for (uint32_t di = 0; di < w.deals.size(); ++di) {
    const Deal& d = w.deals[di];
    Rng rng(stream_key(w.seed, kStreamSfDeals, di));
    const auto path = deal_path(w, di);
    const StageStep& now = path.back();
    const bool closed = now.stage.starts_with("Closed");
    const std::string id = sf_opportunity_id(di);
    const std::string owner = sf_user_id(d.owner);
    const Company& c = w.companies[d.company];
    const uint16_t expected_close =
        static_cast<uint16_t>(now.day + (closed ? 0 : rng.range(30, 90)));
    opp->field(id).field("false").field(sf_account_id(d.company));
    opp->field(fmt::format("{} - {}", company_core_name(c), deal_type(d.type)));
    opp->field(now.stage).field(yen(now.amount_man)).field(fmt::format("{}", now.probability));
    opp->field(format_date(expected_close)).field(deal_type(d.type));
    opp->field(d.type == DealType::kNewBusiness ? "Web" : "Existing Customer");
    opp->field(closed ? "true" : "false").field(now.stage == "Closed Won" ? "true" : "false");
    opp->field(forecast(now)).field("");
    opp->field(now.stage == "Internal Approval" ? "稟議結果待ち"
               : closed                         ? ""
                                                : "次回打ち合わせ調整");
    opp->field(owner).field(sf_time(d.created_day, rng)).field(sf_time(now.day, rng));
    opp->end_row();
    truth.deal("salesforce", "Opportunity", id, di);
    // History rows: the OpportunityId in its 15-character form (as some exports write it).
    uint32_t prev_amount = 0;
    uint16_t prev_close = kNoDay;
    for (const StageStep& s : path) {
      const uint16_t close =
          s.stage.starts_with("Closed") ? s.day : std::max(expected_close, s.day);
      hist->field(sf_id18("008", 10000 + hist_no++)).field(id15(id)).field(owner);
      hist->field(sf_time(s.day, rng)).field(s.stage).field(yen(s.amount_man));
      hist->field(
          fmt::format("{}", uint64_t{s.amount_man} * 100 * static_cast<uint64_t>(s.probability)));
      hist->field(format_date(close)).field(fmt::format("{}", s.probability)).field(forecast(s));
      hist->field(prev_amount ? yen(prev_amount) : "")
          .field(prev_close != kNoDay ? format_date(prev_close) : "");
      hist->field("false");
      hist->end_row();
      prev_amount = s.amount_man;
      prev_close = close;
    }
  }
  REVARCH_ASSIGN_OR_RETURN(FileStats st, opp->close());
  report.files.push_back(std::move(st));
  REVARCH_ASSIGN_OR_RETURN(FileStats st2, hist->close());
  report.files.push_back(std::move(st2));
  return Status::ok();
}

Status write_sf_zip(const std::filesystem::path& root, WriterReport& report) {
  const std::string org = sf_id18("00D", 77777);
  const std::string rel = fmt::format("salesforce/WE_{}_1.zip", org);
  const std::filesystem::path full = root / rel;
  int err = 0;
  zip_t* za = zip_open(full.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (za == nullptr) return Status(ErrorCode::kIo, "cannot create " + full.string());
  uint64_t rows = 0;
  for (const char* name : {"Account.csv", "Contact.csv", "Lead.csv", "Opportunity.csv",
                           "OpportunityHistory.csv", "Task.csv", "Event.csv"}) {
    const std::filesystem::path src_path = root / kSfLooseDir / name;
    zip_source_t* src = zip_source_file(za, src_path.c_str(), 0, -1);
    const zip_int64_t idx = src == nullptr ? -1 : zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      if (src != nullptr) zip_source_free(src);
      zip_discard(za);
      return Status(ErrorCode::kIo, std::string("cannot add ") + name + " to " + rel);
    }
    // Fixed time stamp and compression: the archive's bytes depend only on its contents.
    zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 1);
    zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), 1793491200, 0);  // 2026-11-01
  }
  for (const auto& f : report.files) rows += f.rows;
  if (zip_close(za) != 0) {
    zip_discard(za);
    return Status(ErrorCode::kIo, "cannot write " + rel);
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(full, ec);
  report.files.push_back({rel, rows, ec ? 0 : size});
  return Status::ok();
}

}  // namespace revarch::demo
