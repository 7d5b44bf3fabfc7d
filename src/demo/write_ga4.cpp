// GA4 BigQuery export as NDJSON, one gzip file per day (ga4/events_YYYYMMDD.json.gz): INT64
// values as JSON strings, null fields left out, event_params values holding only the field set.
#include <fmt/format.h>

#include "demo/output.h"
#include "demo/render.h"
#include "demo/rng.h"
#include "demo/truth.h"
#include "demo/vocab.h"
#include "demo/writers.h"

namespace revarch::demo {
namespace {

constexpr uint64_t kStreamGa4 = 401;

struct Source {
  std::string_view source, medium;
};

Source traffic(Channel c) {
  switch (c) {
    case Channel::kOrganicSearch: return {"google", "organic"};
    case Channel::kPaidSearch: return {"google", "cpc"};
    case Channel::kEmail: return {"hubspot", "email"};
    case Channel::kSocial: return {"linkedin.com", "referral"};
    case Channel::kSeminar: return {"seminar", "event"};
    default: return {"(direct)", "(none)"};
  }
}

class EventWriter {
 public:
  EventWriter(const World& w, GzipWriter& out) : w_(w), out_(out) {}

  // Writes every event of one session.
  void session(const Session& s, Rng& rng) {
    const uint32_t people = static_cast<uint32_t>(w_.people.size());
    const bool known_person = s.visitor < 2 * people;
    const uint32_t pi = s.visitor / 2;
    const Person* p = known_person ? &w_.people[pi] : nullptr;
    const int day = static_cast<int>(s.start / 86400);
    int64_t micros =
        unix_seconds(day, static_cast<int>(s.start % 86400)) * 1000000 + rng.range(0, 999999);
    const int64_t session_id = micros / 1000000;
    pseudo_ = ga4_pseudo_id(w_, s.visitor);
    signed_in_ = false;
    // The site sets the user_id (the HubSpot contact id) once it knows the visitor: in every
    // session after the first form, and from the form's conversion event on in that session.
    const std::string contact_id = p && p->known_day != kNoDay && (p->sources & kInHubSpot)
                                       ? fmt::format("{}", hubspot_contact_id(pi, 0))
                                       : "";
    user_id_ = s.identified ? contact_id : "";
    tail_ = build_tail(p, s.visitor);
    date_ = format_date_compact(day);
    const auto pages = content_pages();
    const Page& landing = pages[rng.below(static_cast<uint32_t>(pages.size()))];
    emit("session_start", micros, session_id, s.number, landing.path, landing.title, 0);
    if (s.number == 1)
      emit("first_visit", micros, session_id, s.number, landing.path, landing.title, 0);
    for (int k = 0; k < s.pages; ++k) {
      const Page& pg = k == 0 ? landing : pages[rng.below(static_cast<uint32_t>(pages.size()))];
      micros += rng.range(1, 90) * 1000000LL;
      emit("page_view", micros, session_id, s.number, pg.path, pg.title, rng.range(500, 60000));
    }
    micros += rng.range(5, 60) * 1000000LL;
    switch (s.kind) {
      case kContactForm:
        emit("page_view", micros, session_id, s.number, "/contact", "お問い合わせ | RevArch Demo",
             4000);
        user_id_ = contact_id;
        emit("generate_lead", micros + 45000000, session_id, s.number, "/contact",
             "お問い合わせ | RevArch Demo", 30000);
        break;
      case kWhitepaper:
        emit("page_view", micros, session_id, s.number, "/whitepaper/ringi-guide",
             "ホワイトペーパー: 稟議ガイド | RevArch Demo", 3000);
        emit("file_download", micros + 30000000, session_id, s.number, "/whitepaper/ringi-guide",
             "ホワイトペーパー: 稟議ガイド | RevArch Demo", 20000);
        user_id_ = contact_id;
        emit("generate_lead", micros + 31000000, session_id, s.number, "/whitepaper/ringi-guide",
             "ホワイトペーパー: 稟議ガイド | RevArch Demo", 0);
        break;
      case kPricing:
        emit("page_view", micros, session_id, s.number, "/pricing", "料金プラン | RevArch Demo",
             25000);
        break;
      case kSeminarSignup:
        emit("page_view", micros, session_id, s.number, "/seminar/apply",
             "セミナー申込 | RevArch Demo", 5000);
        user_id_ = contact_id;
        emit("sign_up", micros + 60000000, session_id, s.number, "/seminar/apply",
             "セミナー申込 | RevArch Demo", 40000);
        break;
      default: break;
    }
    emit("user_engagement", micros + 90000000, session_id, s.number, "", "",
         rng.range(1000, 120000));
  }

  uint64_t events() const { return events_; }
  /// True when an event of the last session() carried a user_id.
  bool signed_in() const { return signed_in_; }

 private:
  std::string build_tail(const Person* p, uint32_t visitor) {
    const Source src = p ? traffic(p->channel) : Source{"(direct)", "(none)"};
    std::string region =
        p ? std::string(prefectures()[w_.companies[p->company].prefecture].en) : "Tokyo";
    const bool mobile = mix64(visitor) % 5 == 0;
    return fmt::format(
        ",\"device\":{{\"category\":\"{}\",\"operating_system\":\"{}\",\"language\":\"ja-jp\","
        "\"web_info\":{{\"browser\":\"{}\",\"hostname\":\"{}\"}}}},\"geo\":{{\"continent\":"
        "\"Asia\","
        "\"country\":\"Japan\",\"region\":\"{}\"}},\"traffic_source\":{{\"name\":\"{}\",\"medium\":"
        "\"{}\","
        "\"source\":\"{}\"}},\"stream_id\":\"1966637064\",\"platform\":\"WEB\",\"items\":[]}}",
        mobile ? "mobile" : "desktop", mobile ? "iOS" : "Windows", mobile ? "Safari" : "Chrome",
        kVendorHost, region, src.medium == "cpc" ? "spring_campaign" : "(direct)", src.medium,
        src.source);
  }

  void emit(std::string_view name, int64_t micros, int64_t session_id, int number,
            std::string_view path, std::string_view title, int engagement) {
    line_.clear();
    fmt::format_to(
        std::back_inserter(line_),
        "{{\"event_date\":\"{}\",\"event_timestamp\":\"{}\",\"event_name\":\"{}\","
        "\"event_params\":[{{\"key\":\"ga_session_id\",\"value\":{{\"int_value\":\"{}\"}}}},"
        "{{\"key\":\"ga_session_number\",\"value\":{{\"int_value\":\"{}\"}}}}",
        date_, micros, name, session_id, number);
    if (!path.empty()) {
      line_ += fmt::format(
          ",{{\"key\":\"page_location\",\"value\":{{\"string_value\":\"https://{}{}\"}}}}",
          kVendorHost, path);
      line_ += ",{\"key\":\"page_title\",\"value\":{\"string_value\":\"";
      append_json_escaped(title, &line_);
      line_ += "\"}}";
    }
    if (engagement > 0) {
      line_ += fmt::format(
          ",{{\"key\":\"engagement_time_msec\",\"value\":{{\"int_value\":\"{}\"}}}}", engagement);
    }
    line_ += ",{\"key\":\"session_engaged\",\"value\":{\"string_value\":\"1\"}}]";
    if (!user_id_.empty()) {
      line_ += fmt::format(",\"user_id\":\"{}\"", user_id_);
      signed_in_ = true;
    }
    line_ += fmt::format(",\"user_pseudo_id\":\"{}\"", pseudo_);
    line_ += tail_;
    out_.line(line_);
    ++events_;
  }

  const World& w_;
  GzipWriter& out_;
  std::string pseudo_, user_id_, tail_, date_, line_;
  uint64_t events_ = 0;
  bool signed_in_ = false;
};

}  // namespace

WriterReport write_ga4(const World& w, const std::filesystem::path& root) {
  WriterReport report;
  auto truth = TruthParts::open(root, "ga4");
  if (!truth.is_ok()) return {{}, {}, truth.status()};
  // Browsers of known people: seen at all, and signed in at least once (a user_id on an event).
  std::vector<bool> seen(w.people.size() * 2, false), signed_in(w.people.size() * 2, false);
  size_t i = 0;
  while (i < w.sessions.size() && report.status.is_ok()) {
    const uint32_t day = w.sessions[i].start / 86400;
    auto out = GzipWriter::open(
        root, fmt::format("ga4/events_{}.json.gz", format_date_compact(static_cast<int>(day))));
    if (!out.is_ok()) {
      report.status = out.status();
      break;
    }
    EventWriter events(w, **out);
    Rng rng(stream_key(w.seed, kStreamGa4, day));
    for (; i < w.sessions.size() && w.sessions[i].start / 86400 == day; ++i) {
      const Session& s = w.sessions[i];
      if (s.visitor < seen.size()) seen[s.visitor] = true;
      events.session(s, rng);
      if (s.visitor < seen.size() && events.signed_in()) signed_in[s.visitor] = true;
    }
    auto st = (*out)->close();
    if (!st.is_ok()) {
      report.status = st.status();
      break;
    }
    report.files.push_back(std::move(st).value());
  }
  for (uint32_t v = 0; v < seen.size(); ++v) {
    // A browser that never signed in carries no signal of whose it is in any export: the
    // truth still names the person, under its own record type, so scorers can tell them apart.
    if (seen[v]) {
      (*truth)->person("ga4", signed_in[v] ? "user_pseudo_id" : "anonymous_user_pseudo_id",
                       ga4_pseudo_id(w, v), v / 2);
    }
  }
  Status st = (*truth)->close();
  if (report.status.is_ok()) report.status = st;
  return report;
}

}  // namespace revarch::demo
