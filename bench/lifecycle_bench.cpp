// Lifecycle engine at the scale of the demo world: generates in memory a log resembling it
// (accounts with firmographics, contacts with Japanese titles, card exchanges, web page views of
// known and anonymous visitors, form submissions and inquiries, meetings and tasks, deals walking
// the Salesforce stages with ringi waits, wins, losses, kickoffs, references, expansions, job
// changes), with an entity map linking HubSpot, Salesforce, Sansan and GA4 refs to unified
// entities, and replays it through the embedded japan-enterprise template.
//
// Prints, per phase: wall and CPU time, events/s, peak RSS (VmHWM, reset between phases through
// /proc/self/clear_refs), the derived-state digest (1 thread vs 2 threads: equal or not), and
// the incremental path: replay of all but the last N events, then apply() of each of the last N
// (median, p99, max in microseconds; the digest must equal the full replay's).
//
//   lifecycle_bench [--accounts N] [--contacts K] [--events E] [--incremental N] [--seed S]
//                   [--threads 1|2|both] [--no-incremental] [--large] [--small]
//   default (medium): 10,000 accounts, 10 contacts and 100 events per account (~1M events)
//   --large: 100,000 accounts (~1M contacts, ~10M events); --small: 1,000 accounts
//   --stream: never hold the log; generate each account's events and feed them to the engine
//             one by one (the way `build` reads the store). Needed for --large within 4 GiB.

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "design/templates.h"
#include "lifecycle/case_file.h"
#include "lifecycle/engine.h"

namespace {

using revarch::EntityKind;
using revarch::Event;
using revarch::SourceRef;
using revarch::lifecycle::CompiledDesign;
using revarch::lifecycle::EntityMap;
using revarch::lifecycle::LifecycleEngine;
using revarch::lifecycle::ReplayOptions;

constexpr int64_t kDay = 86'400'000;
constexpr int64_t kStart = 1'735'689'600'000;  // 2025-01-01T00:00:00Z, as the demo world
constexpr int64_t kEnd = kStart + 668 * kDay;  // 2026-10-31

// ---- measurement helpers ---------------------------------------------------------------------

long status_kib(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  size_t n = std::strlen(key);
  while (std::getline(in, line))
    if (line.compare(0, n, key) == 0) return std::atol(line.c_str() + n);
  return -1;
}
double gib(long kib) {
  return static_cast<double>(kib) / (1024.0 * 1024.0);
}
// Resets VmHWM to the current RSS so that each phase reports its own peak.
void reset_peak() {
  std::ofstream("/proc/self/clear_refs") << "5";
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  double cpu = cpu_seconds();
  double wall_s() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  }
  double cpu_s() const { return cpu_seconds() - cpu; }
};

// ---- the synthetic world ---------------------------------------------------------------------

struct Rng {  // SplitMix64: deterministic, no library distributions
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int64_t below(int64_t n) { return static_cast<int64_t>(next() % static_cast<uint64_t>(n)); }
  bool chance(int percent) { return below(100) < percent; }
  template <typename T, size_t N>
  const T& pick(const T (&a)[N]) {
    return a[below(static_cast<int64_t>(N))];
  }
};

// Weighted pick: entries {weight, value}.
struct Weighted {
  int weight;
  const char* value;
};
template <size_t N>
const char* pick_weighted(Rng& rng, const Weighted (&w)[N]) {
  int total = 0;
  for (const auto& x : w) total += x.weight;
  int64_t r = rng.below(total);
  for (const auto& x : w)
    if ((r -= x.weight) < 0) return x.value;
  return w[N - 1].value;
}

const Weighted kTitles[] = {{2, "代表取締役社長"}, {4, "取締役"}, {4, "執行役員"}, {5, "本部長"},
                            {14, "部長"},          {5, "次長"},   {20, "課長"},    {8, "係長"},
                            {10, "主任"},          {23, "担当"},  {3, "Manager"},  {2, "Director"}};
const Weighted kForms[] = {{15, "contact"},         {5, "お問い合わせ"},   {8, "demo_request"},
                           {12, "wp_ops_導入手順"}, {35, "wp_入門ガイド"}, {10, "seminar_followup"},
                           {15, "newsletter"}};
const Weighted kCardChannels[] = {
    {35, "trade_show"}, {25, "seminar"}, {10, "referral"}, {5, "introduction"}, {25, ""}};
const Weighted kWebChannels[] = {
    {35, "organic_search"}, {15, "paid_search"}, {20, "email"}, {25, "direct"}, {5, "social"}};
const Weighted kPages[] = {{30, "https://www.revarch-demo.jp/"},
                           {20, "https://www.revarch-demo.jp/product"},
                           {10, "https://www.revarch-demo.jp/pricing"},
                           {25, "https://www.revarch-demo.jp/blog/ringi-guide"},
                           {15, "https://www.revarch-demo.jp/case-studies"}};
const Weighted kMeetings[] = {{30, "初回訪問（ご挨拶）"},
                              {30, "定例ミーティング"},
                              {25, "製品デモ"},
                              {15, "提案内容のご説明"}};
const Weighted kTasks[] = {{40, "フォローコール"},
                           {25, "資料送付"},
                           {20, "要件ヒアリング"},
                           {5, "RFP受領"},
                           {10, "お礼メール"}};
const char* kDepartments[] = {"情報システム部", "経営企画部", "営業部", "経理部",
                              "総務部",         "人事部",     "製造部", "マーケティング部"};
const Weighted kIndustries[] = {{30, "製造業"},     {10, "manufacturing"}, {10, "金融"},
                                {20, "情報通信業"}, {10, "小売業"},        {10, "建設業"},
                                {10, "物流"}};
const Weighted kPrefectures[] = {{40, "東京都"}, {15, "大阪府"}, {10, "愛知県"}, {10, "神奈川県"},
                                 {8, "福岡県"},  {7, "北海道"},  {10, "埼玉県"}};
const char* kPlaces[] = {"北斗", "東和", "大和", "富士", "瑞穂", "旭", "日進", "三光"};
const char* kMiddles[] = {"テクノ", "システム", "ソリューション", "産業", "総合"};
const char* kKinds[] = {"精機", "電機", "化学", "商事", "工業", "物産"};
const char* kFamily[] = {"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村"};
const char* kGiven[] = {"太郎", "花子", "健", "一郎", "美咲", "翔", "陽子", "大輔"};
const char* kDealStages[] = {"Qualification",       "Needs Analysis",       "Value Proposition",
                             "Id. Decision Makers", "Proposal/Price Quote", "Negotiation/Review"};

std::string padded(int64_t v, size_t width) {
  std::string s = std::to_string(v);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}
std::string sf_id(const char* prefix, int64_t n) {  // 18-character Salesforce id
  std::string s = prefix;
  s += padded(n, 15);
  return s;
}
std::string hex32(Rng& rng) {
  static const char* kHex = "0123456789abcdef";
  std::string s(32, '0');
  uint64_t a = rng.next(), b = rng.next();
  for (int i = 0; i < 16; ++i) {
    s[static_cast<size_t>(i)] = kHex[(a >> (4 * i)) & 15];
    s[static_cast<size_t>(16 + i)] = kHex[(b >> (4 * i)) & 15];
  }
  return s;
}

struct Size {
  int64_t accounts = 10'000;
  int contacts = 10;  // per account, on average
  int events = 100;   // per account, on average
  uint64_t seed = 1;
};

struct Contact {
  int64_t id = 0;
  int64_t since = 0;     // created
  int64_t moved_at = 0;  // job change time, or 0
  int64_t new_account = -1;
};

class WorldLog {
 public:
  explicit WorldLog(const Size& size) : size_(size), map_(true) {
    for (int64_t a = 0; a < size.accounts; ++a) add_account_entity(a);
    for (int64_t a = 0; a < size.accounts; ++a) add_account(a);
    std::stable_sort(events_.begin(), events_.end(), by_time);
    for (size_t i = 0; i < events_.size(); ++i) events_[i].seq = static_cast<int64_t>(i) + 1;
  }
  /// Streaming: each account's events (in time order, seq continuing) go to `sink` as soon as
  /// the account is generated; nothing is kept but the entity map.
  template <typename Sink>
  WorldLog(const Size& size, Sink&& sink) : size_(size), map_(true) {
    for (int64_t a = 0; a < size.accounts; ++a) add_account_entity(a);
    int64_t seq = 0;
    for (int64_t a = 0; a < size.accounts; ++a) {
      add_account(a);
      std::stable_sort(events_.begin(), events_.end(), by_time);
      for (Event& e : events_) {
        e.seq = ++seq;
        sink(std::move(e));
      }
      streamed_ += events_.size();
      events_.clear();
    }
  }
  size_t streamed() const { return streamed_; }
  EntityMap take_map() { return std::move(map_); }
  std::vector<Event> take_events() { return std::move(events_); }
  int64_t contacts() const { return contacts_; }
  int64_t deals() const { return deals_; }

 private:
  static bool by_time(const Event& x, const Event& y) {
    return x.occurred_at_ms < y.occurred_at_ms;
  }
  static SourceRef hs_account(int64_t a) {
    return {"hubspot", EntityKind::kAccount, "A" + std::to_string(a)};
  }
  static SourceRef sf_account(int64_t a) {
    return {"salesforce", EntityKind::kAccount, sf_id("001", a)};
  }
  static SourceRef hs_contact(int64_t c) {
    return {"hubspot", EntityKind::kContact, std::to_string(c + 1000)};
  }
  static SourceRef sf_contact(int64_t c) {
    return {"salesforce", EntityKind::kContact, sf_id("003", c)};
  }
  static SourceRef card(int64_t c) {
    return {"sansan", EntityKind::kContact, "CARD" + std::to_string(c)};
  }
  static SourceRef visitor(int64_t c) {
    return {"ga4", EntityKind::kVisitor, std::to_string(1'000'000'000 + c) + ".1735689600"};
  }
  static SourceRef sf_deal(int64_t d) { return {"salesforce", EntityKind::kDeal, sf_id("006", d)}; }

  void add_account_entity(int64_t a) {
    uint32_t i = map_.add_entity("C-" + padded(a, 6), EntityKind::kAccount);
    map_.add_link(hs_account(a), i);
    map_.add_link(sf_account(a), i);
  }

  Event& emit(Rng& rng, int64_t at, const char* source, const char* type, SourceRef subject) {
    Event& e = events_.emplace_back();
    e.source = source;
    e.source_record_id = std::to_string(events_.size());
    e.idempotency_key = hex32(rng);
    e.occurred_at_ms = at;
    e.original_tz = "+09:00";
    e.type = type;
    e.subject = std::move(subject);
    e.origin_file = std::string(source) + "/export.csv";
    e.origin_row = static_cast<int64_t>(events_.size());
    e.ingested_at_ms = kEnd + kDay;
    return e;
  }

  void add_account(int64_t a) {
    Rng rng{size_.seed * 0x2545F4914F6CDD1Dull + static_cast<uint64_t>(a)};
    int seg = static_cast<int>(rng.below(100));
    const char* segment = seg < 15 ? "enterprise" : seg < 50 ? "mid_market" : "smb";
    double weight = seg < 15 ? 2.6 : seg < 50 ? 1.1 : 0.45;  // mean ~1
    int64_t employees = seg < 15   ? 1000 + rng.below(20'000)
                        : seg < 50 ? 300 + rng.below(700)
                                   : 10 + rng.below(290);
    int64_t t0 = kStart + rng.below(540) * kDay + rng.below(kDay);
    std::string name =
        "株式会社" + std::string(rng.pick(kPlaces)) + rng.pick(kMiddles) + rng.pick(kKinds);
    emit(rng, t0, "hubspot", "record.upsert", hs_account(a)).properties = {
        {"company_name", name},
        {"employees", std::to_string(employees)},
        {"industry", pick_weighted(rng, kIndustries)},
        {"country", "JP"},
        {"prefecture", pick_weighted(rng, kPrefectures)},
        {"segment", segment}};

    auto n_contacts = std::max<int64_t>(1, static_cast<int64_t>(size_.contacts * weight + 0.5));
    std::vector<Contact> people;
    for (int64_t k = 0; k < n_contacts; ++k) people.push_back(add_contact(rng, a, t0));
    int64_t budget = static_cast<int64_t>(size_.events * weight + 0.5) - 1 - n_contacts;
    budget -= add_deal(rng, a, t0, people, seg < 15 ? 70 : seg < 50 ? 40 : 15, seg < 15);
    for (int64_t i = 0; i < budget; ++i)
      add_activity(rng, a, people[static_cast<size_t>(rng.below(n_contacts))]);
  }

  Contact add_contact(Rng& rng, int64_t a, int64_t t0) {
    Contact c;
    c.id = contacts_++;
    c.since = std::min(kEnd, t0 + rng.below(60 * kDay));
    std::string display = std::string(rng.pick(kFamily)) + rng.pick(kGiven);
    uint32_t i = map_.add_entity("P-" + padded(c.id, 7), EntityKind::kContact, display);
    map_.add_link(hs_contact(c.id), i);
    if (rng.chance(40)) map_.add_link(sf_contact(c.id), i);
    map_.add_link(card(c.id), i);
    map_.add_link(visitor(c.id), i);
    const char* status = rng.chance(8) ? (rng.chance(50) ? "recycled" : "見送り") : "open";
    Event& up = emit(rng, c.since, "hubspot", "record.upsert", hs_contact(c.id));
    up.related = {hs_account(a)};
    up.properties = {{"email", "u" + std::to_string(c.id) + "@co" + std::to_string(a) + ".co.jp"},
                     {"title", pick_weighted(rng, kTitles)},
                     {"department", rng.pick(kDepartments)},
                     {"lead_status", status},
                     {"country", "JP"}};
    if (size_.accounts > 1 && rng.chance(2)) {  // a later Sansan card at another company
      c.moved_at =
          c.since + 30 * kDay + rng.below(std::max<int64_t>(1, kEnd - c.since - 30 * kDay));
      if (c.moved_at < kEnd) {
        c.new_account = (a + 1 + rng.below(size_.accounts - 1)) % size_.accounts;
        Event& e = emit(rng, c.moved_at, "sansan", "contact.job_changed", card(c.id));
        e.related = {hs_account(c.new_account)};
        e.properties = {{"title", pick_weighted(rng, kTitles)},
                        {"previous_company_name", "株式会社旧社"}};
      } else {
        c.moved_at = 0;
      }
    }
    return c;
  }

  static SourceRef account_at(const Contact& c, int64_t a, int64_t at) {
    return c.moved_at && at >= c.moved_at ? hs_account(c.new_account) : hs_account(a);
  }

  // One deal walking the Salesforce stages; returns the number of events emitted.
  int64_t add_deal(Rng& rng, int64_t a, int64_t t0, const std::vector<Contact>& people, int percent,
                   bool enterprise) {
    if (!rng.chance(percent)) return 0;
    int64_t at = t0 + (30 + rng.below(170)) * kDay;
    if (at >= kEnd) return 0;
    size_t before = events_.size();
    int64_t d = deals_++;
    uint32_t i = map_.add_entity("D-" + padded(d, 6), EntityKind::kDeal);
    map_.add_link(sf_deal(d), i);
    SourceRef acc = sf_account(a);
    const Contact& lead = people.front();
    Event& up = emit(rng, at, "salesforce", "record.upsert", sf_deal(d));
    up.related = {acc, hs_contact(lead.id)};
    up.properties = {{"amount", std::to_string((1 + rng.below(50)) * 500'000)},
                     {"is_closed", "false"},
                     {"stage", "Prospecting"},
                     {"deal_type", "New Business"}};
    auto stage = [&](const char* name, std::vector<std::pair<std::string, std::string>> extra) {
      Event& e = emit(rng, at, "salesforce", "deal.stage_changed", sf_deal(d));
      e.related = {acc};
      e.properties = {{"stage", name}};
      for (auto& p : extra) e.properties.push_back(std::move(p));
    };
    auto task = [&](int64_t when, const char* type, const char* subject) {
      if (when >= kEnd) return;
      Event& e = emit(rng, when, "salesforce", type, hs_contact(lead.id));
      e.related = {hs_account(a), sf_deal(d)};
      e.properties = {{"subject", subject}};
    };
    for (const char* s : kDealStages) {
      at += (7 + rng.below(38)) * kDay;
      if (at >= kEnd) return static_cast<int64_t>(events_.size() - before);
      stage(s, {});
      if (std::strcmp(s, "Needs Analysis") == 0) task(at, "activity.task", "要件定義の共有");
    }
    if (enterprise && rng.chance(50)) {  // ringi: 60-120 days with one polite call
      at += 5 * kDay;
      if (at >= kEnd) return static_cast<int64_t>(events_.size() - before);
      stage("Internal Approval", {{"budget_status", "underway"}});
      task(at, "activity.task", "稟議開始のご連絡");
      int64_t wait = (60 + rng.below(60)) * kDay;
      task(at + wait / 2, "activity.task", "フォローコール");
      at += wait;
    } else {
      at += (10 + rng.below(30)) * kDay;
    }
    if (at >= kEnd) return static_cast<int64_t>(events_.size() - before);
    int outcome = static_cast<int>(rng.below(100));
    if (outcome < 45) {
      stage("Closed Won", {{"is_closed", "true"}, {"is_won", "true"}});
      Event& k = emit(rng, at + (14 + rng.below(30)) * kDay, "salesforce", "activity.meeting",
                      hs_contact(lead.id));
      if (k.occurred_at_ms >= kEnd) k.occurred_at_ms = kEnd - 1;
      k.related = {hs_account(a)};
      k.properties = {{"subject", "キックオフ"}};
      if (rng.chance(30))
        task(at + (120 + rng.below(200)) * kDay, "activity.task", "導入事例の協力依頼");
      if (rng.chance(20) && at + 200 * kDay < kEnd) {
        at += 200 * kDay;
        stage("expansion_discovery", {});
      }
    } else if (outcome < 80) {
      stage("Closed Lost", {{"is_closed", "true"}, {"is_won", "false"}});
    }
    return static_cast<int64_t>(events_.size() - before);
  }

  void add_activity(Rng& rng, int64_t a, const Contact& c) {
    int64_t at = c.since + rng.below(std::max<int64_t>(1, kEnd - c.since));
    SourceRef acc = account_at(c, a, at);
    int kind = static_cast<int>(rng.below(100));
    if (kind < 14) {  // an anonymous visitor
      Event& e =
          emit(rng, at, "ga4", "web.page_view",
               {"ga4", EntityKind::kVisitor, std::to_string(rng.below(1'000'000'000)) + ".1"});
      e.properties = {{"page_location", pick_weighted(rng, kPages)},
                      {"channel", pick_weighted(rng, kWebChannels)}};
    } else if (kind < 72) {  // a known visitor (user_id after a form)
      Event& e = emit(rng, at, "ga4", "web.page_view", visitor(c.id));
      e.properties = {{"page_location", pick_weighted(rng, kPages)},
                      {"channel", pick_weighted(rng, kWebChannels)}};
    } else if (kind < 78) {
      Event& e = emit(rng, at, "hubspot", "web.form_submitted", hs_contact(c.id));
      e.related = {acc};
      e.properties = {{"form", pick_weighted(rng, kForms)},
                      {"page_location", "https://www.revarch-demo.jp/contact"}};
    } else if (kind < 86) {
      Event& e = emit(rng, at, "sansan", "card.exchanged", card(c.id));
      e.related = {acc};
      e.properties = {{"title", pick_weighted(rng, kTitles)}, {"card_owner", "u-17"}};
      if (const char* ch = pick_weighted(rng, kCardChannels); *ch)
        e.properties.emplace_back("channel", ch);
    } else if (kind < 92) {
      Event& e = emit(rng, at, "salesforce", "activity.meeting", hs_contact(c.id));
      e.related = {acc};
      e.properties = {{"subject", pick_weighted(rng, kMeetings)}};
    } else {
      Event& e = emit(rng, at, "salesforce", "activity.task", hs_contact(c.id));
      e.related = {acc};
      e.properties = {{"subject", pick_weighted(rng, kTasks)}};
    }
  }

  Size size_;
  EntityMap map_;
  std::vector<Event> events_;
  int64_t contacts_ = 0;
  int64_t deals_ = 0;
  size_t streamed_ = 0;
};

// ---- the phases --------------------------------------------------------------------------------

std::shared_ptr<const CompiledDesign> japan_design() {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("lifecycle_bench_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const auto& f : revarch::design::template_files("japan-enterprise"))
    std::ofstream(dir / f.name, std::ios::binary) << f.text;
  auto design = revarch::lifecycle::load_compiled_design((dir / "architecture.yaml").string());
  fs::remove_all(dir);
  if (!design.is_ok()) {
    std::fprintf(stderr, "design: %s\n", design.status().to_string().c_str());
    std::exit(1);
  }
  return *design;
}

struct World {
  EntityMap map;
  std::vector<Event> events;
};

World generate(const Size& size, bool print) {
  Clock c;
  WorldLog log(size);
  World w{log.take_map(), log.take_events()};
  if (print)
    std::printf(
        "generated: %lld accounts, %lld contacts, %lld deals, %zu entities, %zu links, "
        "%zu events in %.1f s; RSS %.2f GiB\n",
        static_cast<long long>(size.accounts), static_cast<long long>(log.contacts()),
        static_cast<long long>(log.deals()), w.map.entities().size(), w.map.links().size(),
        w.events.size(), c.wall_s(), gib(status_kib("VmRSS:")));
  return w;
}

// Where the derived state's size comes from: transitions, reason JSON bytes, the most frequent
// moves and the entity with the most transitions.
void print_transitions(const revarch::lifecycle::DerivedState& state) {
  std::map<std::string, int64_t> moves;
  int64_t total = 0, alerts = 0, reason_bytes = 0;
  size_t most = 0;
  std::string most_id;
  for (const auto& e : state.entities) {
    total += static_cast<int64_t>(e.transitions.size());
    alerts += static_cast<int64_t>(e.alerts.size());
    if (e.transitions.size() > most) most = e.transitions.size(), most_id = e.id;
    for (const auto& t : e.transitions) {
      reason_bytes += static_cast<int64_t>(t.reason_json.size());
      ++moves[(t.from_stage.empty() ? "-" : t.from_stage) + " -> " + t.to_stage];
    }
  }
  std::vector<std::pair<int64_t, std::string>> top;
  for (auto& [k, v] : moves) top.emplace_back(v, k);
  std::sort(top.rbegin(), top.rend());
  std::printf("  %lld transitions (%.1f MB of reason JSON), %lld alerts; most: %zu on %s\n",
              static_cast<long long>(total), static_cast<double>(reason_bytes) / 1e6,
              static_cast<long long>(alerts), most, most_id.c_str());
  for (size_t i = 0; i < top.size() && i < 8; ++i)
    std::printf("    %9lld  %s\n", static_cast<long long>(top[i].first), top[i].second.c_str());
}

std::string full_replay(const std::shared_ptr<const CompiledDesign>& design, const Size& size,
                        int threads) {
  World w = generate(size, false);
  size_t n = w.events.size();
  reset_peak();
  long base = status_kib("VmRSS:");
  Clock c;
  LifecycleEngine engine(design, std::move(w.map), ReplayOptions{threads, false});
  engine.replay(std::move(w.events));
  double wall = c.wall_s(), cpu = c.cpu_s();
  long peak = status_kib("VmHWM:");
  Clock d;
  auto state = engine.derived();
  std::string digest = state.digest();
  std::printf(
      "replay %d thread%s: %zu events in %.2f s wall (%.2f s CPU) = %.0f events/s; "
      "peak RSS %.2f GiB (%.2f GiB over the generated log); derived()+digest %.2f s; "
      "%zu entities\n  digest %s\n",
      threads, threads == 1 ? "" : "s", n, wall, cpu, static_cast<double>(n) / wall, gib(peak),
      gib(peak - base), d.wall_s(), state.entities.size(), digest.c_str());
  print_transitions(state);
  std::fflush(stdout);
  return digest;
}

// The log is never held whole: a first pass builds the entity map (and times generation
// alone), the second generates the same accounts again and feeds each event to the engine as it
// is made (begin_replay / add_event / finish_replay, as `build` does from the store).
std::string streamed_replay(const std::shared_ptr<const CompiledDesign>& design, const Size& size,
                            int threads) {
  Clock g;
  WorldLog first(size, [](Event&&) {});
  double gen = g.wall_s();
  EntityMap map = first.take_map();
  reset_peak();
  long base = status_kib("VmRSS:");
  Clock c;
  LifecycleEngine engine(design, std::move(map), ReplayOptions{threads, false});
  engine.begin_replay();
  WorldLog second(size, [&engine](Event&& e) { engine.add_event(std::move(e)); });
  engine.finish_replay();
  double wall = c.wall_s(), cpu = c.cpu_s();
  long peak = status_kib("VmHWM:");
  size_t n = second.streamed();
  Clock d;
  auto state = engine.take_derived();  // as `build` does: the reasons move, not copied
  std::string digest = state.digest();
  std::printf(
      "streamed replay %d thread%s: %zu events in %.2f s wall (%.2f s CPU) including "
      "generation (%.2f s alone) = %.0f events/s without it; peak RSS %.2f GiB (%.2f GiB over "
      "the entity map); take_derived()+digest %.2f s; %zu entities\n  digest %s\n",
      threads, threads == 1 ? "" : "s", n, wall, cpu, gen, static_cast<double>(n) / (wall - gen),
      gib(peak), gib(peak - base), d.wall_s(), state.entities.size(), digest.c_str());
  print_transitions(state);
  std::printf("process peak RSS %.2f GiB\n", gib(status_kib("VmHWM:")));
  std::fflush(stdout);
  return digest;
}

std::string incremental(const std::shared_ptr<const CompiledDesign>& design, const Size& size,
                        size_t tail) {
  World w = generate(size, false);
  tail = std::min(tail, w.events.size());
  std::vector<Event> rest(std::make_move_iterator(w.events.end() - static_cast<long>(tail)),
                          std::make_move_iterator(w.events.end()));
  w.events.resize(w.events.size() - tail);
  size_t n_prefix = w.events.size();
  LifecycleEngine engine(design, std::move(w.map), ReplayOptions{2, false});
  Clock c;
  engine.replay(std::move(w.events));
  double prefix = c.wall_s();
  std::vector<double> us;
  Clock all;
  for (Event& e : rest) {
    auto t = std::chrono::steady_clock::now();
    engine.apply(std::move(e));
    us.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t).count());
    if (all.wall_s() > 120) break;  // time guard: report what was applied
  }
  std::vector<double> sorted = us;
  std::sort(sorted.begin(), sorted.end());
  auto at = [&](double q) {
    return sorted[std::min(sorted.size() - 1,
                           static_cast<size_t>(q * static_cast<double>(sorted.size())))];
  };
  double sum = 0;
  for (double x : us) sum += x;
  std::printf(
      "incremental: replay of %zu events %.2f s, then apply() of %zu events: median %.1f us, "
      "p99 %.1f us, max %.1f us, mean %.1f us\n",
      n_prefix, prefix, us.size(), at(0.5), at(0.99), sorted.back(),
      sum / static_cast<double>(us.size()));
  if (us.size() < tail) {
    std::printf("  stopped after %zu of %zu events (time guard)\n", us.size(), tail);
    return {};
  }
  std::string digest = engine.derived().digest();
  std::printf("  digest %s\n", digest.c_str());
  return digest;
}

}  // namespace

int main(int argc, char** argv) {
  Size size;
  size_t tail = 10'000;
  std::string threads = "both";
  bool inc = true, stream = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--large")
      size.accounts = 100'000;
    else if (a == "--small")
      size.accounts = 1'000;
    else if (a == "--accounts")
      size.accounts = std::atoll(value());
    else if (a == "--contacts")
      size.contacts = std::atoi(value());
    else if (a == "--events")
      size.events = std::atoi(value());
    else if (a == "--seed")
      size.seed = std::strtoull(value(), nullptr, 10);
    else if (a == "--incremental")
      tail = static_cast<size_t>(std::atoll(value()));
    else if (a == "--no-incremental")
      inc = false;
    else if (a == "--threads")
      threads = value();
    else if (a == "--stream")
      stream = true;
    else {
      std::fprintf(stderr,
                   "usage: %s [--small|--large] [--accounts N] [--contacts K] [--events E] "
                   "[--incremental N] [--no-incremental] [--threads 1|2|both] [--seed S] "
                   "[--stream]\n",
                   argv[0]);
      return 2;
    }
  }
  if (size.accounts < 1 || size.contacts < 1 || size.events < 1) return 2;
  auto design = japan_design();
  std::printf("design %s, version %s\n", design->design().name.c_str(), design->version().c_str());
  if (stream) {
    streamed_replay(design, size, threads == "1" ? 1 : 2);
    return 0;
  }
  generate(size, true);  // prints the sizes; each phase regenerates the same log
  std::printf("baseline RSS %.2f GiB\n", gib(status_kib("VmRSS:")));
  std::string d1, d2;
  if (threads == "1" || threads == "both") d1 = full_replay(design, size, 1);
  if (threads == "2" || threads == "both") d2 = full_replay(design, size, 2);
  if (!d1.empty() && !d2.empty())
    std::printf("digest 1 thread %s 2 threads\n", d1 == d2 ? "==" : "!=");
  if (inc && tail > 0) {
    std::string di = incremental(design, size, tail);
    const std::string& full = d2.empty() ? d1 : d2;
    if (!di.empty() && !full.empty())
      std::printf("digest incremental %s full replay\n", di == full ? "==" : "!=");
  }
  std::printf("process peak RSS (VmHWM since the last phase reset) %.2f GiB\n",
              gib(status_kib("VmHWM:")));
  return 0;
}
