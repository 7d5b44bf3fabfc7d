// Salesforce Task (calls, e-mails) and Event (meetings) around deals and leads. WhoId and WhatId
// are written in the 15-character form, AccountId in the 18-character form.
#include <fmt/format.h>

#include "demo/rng.h"
#include "demo/salesforce_ids.h"
#include "demo/writers.h"

namespace revarch::demo {
namespace {

constexpr uint64_t kStreamSfActivity = 241;

struct Activity {
  uint16_t day;
  std::string who;   // 15-character contact or lead id
  std::string what;  // 15-character opportunity id, or ""
  std::string account;
  uint8_t owner;
};

class ActivityFiles {
 public:
  ActivityFiles(CsvWriter& tasks, CsvWriter& events) : tasks_(tasks), events_(events) {}

  /// A call or e-mail; `subject` replaces the usual one when given.
  void task(const Activity& a, bool call, Rng& rng, std::string_view subject = {}) {
    const int secs = rng.range(9 * 3600, 18 * 3600);
    const bool done = a.day + 3 < kLastDay;
    tasks_.field(sf_id18("00T", 10000 + task_no_++)).field(a.who).field(a.what).field(a.account);
    tasks_.field(sf_user_id(a.owner));
    const char* usual = call ? (rng.chance(0.5) ? "電話: 進捗確認" : "Call") : "メール: 資料送付";
    tasks_.field(subject.empty() ? std::string_view(usual) : subject);
    tasks_.field(format_date(a.day)).field(done ? "Completed" : "Not Started");
    tasks_.field(rng.chance(0.1) ? "High" : "Normal").field(done ? "true" : "false");
    tasks_.field(call ? "Call" : "Email");
    tasks_.field(call && done ? fmt::format("{}", rng.range(40, 1500)) : "");
    tasks_.field(done ? format_utc_millis(a.day, secs + 600) : "");
    tasks_.field(format_utc_millis(a.day, secs)).field("false");
    tasks_.end_row();
  }

  void meeting(const Activity& a, std::string_view subject, Rng& rng) {
    const int start = rng.range(9, 17) * 3600 + (rng.chance(0.5) ? 1800 : 0);
    const int minutes = rng.chance(0.7) ? 60 : 90;
    events_.field(sf_id18("00U", 10000 + event_no_++)).field(a.who).field(a.what).field(a.account);
    events_.field(sf_user_id(a.owner)).field(subject).field(format_date(a.day));
    const std::string at = format_utc_millis(a.day, start);
    // StartDateTime without milliseconds: Data Loader accepts both forms.
    std::string plain = at.substr(0, 19) + "Z";
    events_.field(at).field(plain).field(format_utc_millis(a.day, start + minutes * 60));
    events_.field(fmt::format("{}", minutes)).field("false").field("Meeting");
    events_.field(format_utc_millis(std::max(0, a.day - 7), start)).field("false");
    events_.end_row();
  }

 private:
  CsvWriter& tasks_;
  CsvWriter& events_;
  uint64_t task_no_ = 0;
  uint64_t event_no_ = 0;
};

void deal_activities(const World& w, uint32_t di, ActivityFiles& files, Rng& rng) {
  const Deal& d = w.deals[di];
  const Company& c = w.companies[d.company];
  const auto path = deal_path(w, di);
  const std::string what = id15(sf_opportunity_id(di));
  const std::string account = sf_account_id(d.company);
  auto who = [&] {
    const uint32_t pi = c.first_person + rng.below(c.committee_size);
    return id15(sf_contact_id(w, pi));
  };
  if (d.type == DealType::kNewBusiness) {
    files.meeting({d.created_day, id15(sf_contact_id(w, d.contact)), what, account, d.owner},
                  "初回訪問 (First Meeting)", rng);
  }
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    const int gap = path[i + 1].day - path[i].day;
    // A ringi wait shows almost nothing: one polite call, not the usual cadence.
    const int n = gap > 50 ? 1 : rng.range(1, 3);
    for (int k = 0; k < n; ++k) {
      const uint16_t day = static_cast<uint16_t>(path[i].day + rng.range(0, gap));
      files.task({day, who(), what, account, d.owner}, rng.chance(0.5), rng);
    }
    if (path[i].stage == "Value Proposition" || path[i].stage == "Proposal/Price Quote") {
      files.meeting(
          {static_cast<uint16_t>(path[i].day + 2), who(), what, account, d.owner},
          path[i].stage == "Value Proposition" ? "デモ・要件ヒアリング" : "提案・お見積り説明",
          rng);
    }
  }
  // The right side of the bowtie: a won first deal has its kickoff two or three weeks later;
  // some customers who stay agree to a case-study interview (導入事例) months after.
  if (d.type == DealType::kNewBusiness && path.back().stage == "Closed Won") {
    const int won = path.back().day;
    const int kickoff = won + rng.range(7, 21);
    if (kickoff <= kLastDay)
      files.meeting({static_cast<uint16_t>(kickoff), who(), what, account, d.owner},
                    "キックオフ (Kickoff)", rng);
    const int reference = won + rng.range(150, 330);
    if (!c.churned && reference <= kLastDay && rng.chance(0.3))
      files.task({static_cast<uint16_t>(reference), who(), what, account, d.owner}, false, rng,
                 "導入事例インタビューのご依頼");
  }
}

}  // namespace

Status write_sf_activities(const World& w, const std::filesystem::path& root,
                           WriterReport& report) {
  REVARCH_ASSIGN_OR_RETURN(
      auto tasks, CsvWriter::open(root, fmt::format("{}/Task.csv", kSfLooseDir), Encoding::kUtf8,
                                  Quoting::kAll, "\n"));
  REVARCH_ASSIGN_OR_RETURN(
      auto events, CsvWriter::open(root, fmt::format("{}/Event.csv", kSfLooseDir), Encoding::kUtf8,
                                   Quoting::kAll, "\n"));
  tasks->header({"Id", "WhoId", "WhatId", "AccountId", "OwnerId", "Subject", "ActivityDate",
                 "Status", "Priority", "IsClosed", "TaskSubtype", "CallDurationInSeconds",
                 "CompletedDateTime", "CreatedDate", "IsDeleted"});
  events->header({"Id", "WhoId", "WhatId", "AccountId", "OwnerId", "Subject", "ActivityDate",
                  "ActivityDateTime", "StartDateTime", "EndDateTime", "DurationInMinutes",
                  "IsAllDayEvent", "Type", "CreatedDate", "IsDeleted"});
  ActivityFiles files(*tasks, *events);
  Rng rng(stream_key(w.seed, kStreamSfActivity));
  for (uint32_t di = 0; di < w.deals.size(); ++di) deal_activities(w, di, files, rng);
  {  // one row with two columns too many
    report.malformed.push_back({tasks->rel(), tasks->rows() + 1, "too many columns"});
    tasks->raw_row(
        "\"00T5g0000ZZZZZZAAA\",\"\",\"\",\"\",\"\",\"Call\",\"2026-01-15\",\"Completed\","
        "\"Normal\",\"true\",\"Call\",\"60\",\"\",\"2026-01-15T01:00:00.000Z\",\"false\","
        "\"extra\",\"columns\"\n");
  }
  for (uint32_t pi = 0; pi < w.people.size(); ++pi) {  // follow-up calls on open leads
    const Person& p = w.people[pi];
    if (!(p.sources & kInSfLead) || sf_lead_converted(p)) continue;
    const uint16_t day =
        static_cast<uint16_t>(std::min<int>(kLastDay, p.mql_day + rng.range(1, 10)));
    files.task({day, id15(sf_lead_id(pi)), "", "", p.owner}, true, rng);
  }
  REVARCH_ASSIGN_OR_RETURN(FileStats st, tasks->close());
  report.files.push_back(std::move(st));
  REVARCH_ASSIGN_OR_RETURN(FileStats st2, events->close());
  report.files.push_back(std::move(st2));
  return Status::ok();
}

}  // namespace revarch::demo
