// Identity resolution at the scale of the large world: 100k companies, 1M contacts spread over
// HubSpot, Salesforce and Sansan with the variants real exports have (legal forms, full-width
// e-mails, U+3000 in names, 15-character Salesforce ids, readings), plus web visitors.
// Prints add/resolve time (the add() calls only, not the generation of events) and peak
// memory (VmHWM).
//
//   identity_bench [contacts=1000000] [companies=100000]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <random>
#include <string>

#include "identity/resolver.h"
#include "identity/string_pool.h"
#include "store/canonical.h"

namespace {

using revarch::EntityKind;
using revarch::Event;
using revarch::SourceRef;
using revarch::identity::IdentityResolver;

long vm_hwm_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

// Concatenation by append: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + std::string.
template <typename... Parts>
std::string cat(const Parts&... parts) {
  std::string out;
  (out.append(parts), ...);
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

const char* kFamily[] = {"佐藤", "鈴木", "高橋", "田中", "伊藤",
                         "渡辺", "山本", "中村", "小林", "加藤"};
const char* kGiven[] = {"太郎", "花子", "健", "一郎", "美咲", "翔", "陽子", "大輔", "愛", "誠"};
const char* kFamilyKana[] = {"サトウ",   "スズキ",   "タカハシ", "タナカ",   "イトウ",
                             "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ"};
const char* kGivenKana[] = {"タロウ", "ハナコ", "ケン",     "イチロウ", "ミサキ",
                            "ショウ", "ヨウコ", "ダイスケ", "アイ",     "マコト"};

std::string company_name(int c, int variant) {
  std::string base = cat("テスト", std::to_string(c), "商事");
  switch (variant % 3) {
    case 0: return cat("株式会社", base);
    case 1: return base + "(株)";
    default: return cat("㈱", base);
  }
}

std::string sf_id(const char* prefix, int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s%012d", prefix, n);
  return buf;  // 15 characters: the resolver folds them to 18
}

Event make(std::string type, SourceRef subject, revarch::Properties props, int64_t at,
           std::vector<SourceRef> related = {}) {
  Event e;
  e.type = std::move(type);
  e.source = subject.source;
  e.subject = std::move(subject);
  e.properties = std::move(props);
  e.occurred_at_ms = at;
  e.related = std::move(related);
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  const int contacts = argc > 1 ? std::atoi(argv[1]) : 1000000;
  const int companies = argc > 2 ? std::atoi(argv[2]) : 100000;
  std::mt19937_64 rng(42);
  IdentityResolver resolver;
  // Events are generated in batches and only the add() calls are timed.
  std::vector<Event> batch;
  double add_s = 0, add_cpu = 0;
  auto flush = [&] {
    std::clock_t c0 = std::clock();
    auto w0 = std::chrono::steady_clock::now();
    for (const Event& e : batch) resolver.add(e);
    add_s += seconds_since(w0);
    add_cpu += double(std::clock() - c0) / CLOCKS_PER_SEC;
    batch.clear();
  };
  auto feed = [&](Event e) {
    batch.push_back(std::move(e));
    if (batch.size() == 8192) flush();
  };
  long events = 0;
  // Companies: a HubSpot account and a Salesforce account for each, half with corporate number.
  for (int c = 0; c < companies; ++c) {
    std::string domain = cat("co", std::to_string(c), ".co.jp");
    feed(make(std::string(revarch::canon::kRecordUpsert),
              {"hubspot", EntityKind::kAccount, cat("a", std::to_string(c))},
              {{"company_name", company_name(c, 0)},
               {"website", cat("https://www.", domain)},
               {"employees", std::to_string(50 + c % 500)}},
              1000 + c));
    feed(make(std::string(revarch::canon::kRecordUpsert),
              {"salesforce", EntityKind::kAccount, sf_id("001", c)},
              {{"company_name", company_name(c, 1)}, {"employees", std::to_string(60 + c % 400)}},
              2000 + c));
    events += 2;
  }
  // Contacts: each person is in HubSpot; 40% also in Salesforce (upper-case e-mail), 30% have a
  // Sansan card (full-width e-mail, U+3000, readings), 20% a GA4 visitor with user_id.
  for (int p = 0; p < contacts; ++p) {
    int c = static_cast<int>(rng() % companies);
    int f = static_cast<int>(rng() % 10), g = static_cast<int>(rng() % 10);
    std::string email = cat("u", std::to_string(p), "@co", std::to_string(c), ".co.jp");
    std::string hs = cat("c", std::to_string(p));
    feed(make(std::string(revarch::canon::kRecordUpsert), {"hubspot", EntityKind::kContact, hs},
              {{"email", email},
               {"first_name", kGiven[g]},
               {"last_name", kFamily[f]},
               {"title", "部長"},
               {"lifecycle_stage", "lead"}},
              10000 + p, {{"hubspot", EntityKind::kAccount, cat("a", std::to_string(c))}}));
    ++events;
    uint64_t roll = rng() % 100;
    if (roll < 40) {
      std::string upper = email;
      for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      feed(make(
          std::string(revarch::canon::kRecordUpsert),
          {"salesforce", EntityKind::kContact, sf_id("003", p)},
          {{"email", upper}, {"full_name", cat(kFamily[f], " ", kGiven[g])}, {"title", "Manager"}},
          20000 + p, {{"salesforce", EntityKind::kAccount, sf_id("001", c)}}));
      ++events;
    }
    if (roll >= 30 && roll < 60) {
      feed(make(std::string(revarch::canon::kCardExchanged),
                {"sansan", EntityKind::kContact, cat("s", std::to_string(p))},
                {{"full_name", cat(kFamily[f], "\u3000", kGiven[g])},
                 {"last_name_reading", kFamilyKana[f]},
                 {"first_name_reading", kGivenKana[g]},
                 {"company_name", company_name(c, 2)},
                 {"mobile", cat("090", std::to_string(10000000 + p))}},
                30000 + p));
      ++events;
    }
    if (roll >= 80) {
      feed(make(std::string(revarch::canon::kPageView),
                {"ga4", EntityKind::kVisitor, cat(std::to_string(p), ".17")},
                {{"user_id", email}, {"page_location", "https://example.jp/"}}, 40000 + p));
      ++events;
    }
  }
  flush();
  long hwm_after_add = vm_hwm_kib();
  std::clock_t cpu_add = std::clock();
  auto t1 = std::chrono::steady_clock::now();
  auto result = resolver.resolve();
  double resolve_s = seconds_since(t1);
  double resolve_cpu = double(std::clock() - cpu_add) / CLOCKS_PER_SEC;
  long hwm_after_resolve = vm_hwm_kib();  // before the fingerprint's own allocations
  size_t people = 0, firms = 0;
  for (const auto& e : result.entities()) {
    people += e.type == revarch::identity::EntityType::kPerson;
    firms += e.type == revarch::identity::EntityType::kCompany;
  }
  // Fingerprint of the outcome (entity ids and members, every link's rule and reason, the merge
  // log, the fields of every 97th entity): equal before and after an optimisation.
  uint64_t print = 0;
  auto mix_in = [&print](std::string_view s) {
    print = revarch::identity::fnv1a64(s, print ^ 0x9e37u);
  };
  for (const auto& e : result.entities()) {
    mix_in(e.id);
    for (uint32_t r : e.records) mix_in(std::to_string(r));
  }
  for (uint32_t r = 0; r < result.record_count(); ++r) {
    auto l = result.link(r);
    mix_in(l.rule);
    mix_in(l.reason);
  }
  for (const auto& m : result.merges()) {
    mix_in(m.reason);
    mix_in(m.blocked_by);
  }
  for (size_t i = 0; i < result.entities().size(); i += 97) {
    for (const auto& f : result.fields(result.entities()[i])) {
      mix_in(f.property);
      mix_in(f.value);
      mix_in(f.chosen ? "1" : "0");
    }
  }
  std::printf("identity_bench: %d contacts, %d companies, %ld events, %zu records\n", contacts,
              companies, events, resolver.record_count());
  std::printf("  add:      %.2f s wall, %.2f s CPU\n", add_s, add_cpu);
  std::printf("  resolve:  %.2f s wall, %.2f s CPU\n", resolve_s, resolve_cpu);
  std::printf("  entities: %zu people (%d generated), %zu companies (%d generated)\n", people,
              contacts, firms, companies);
  std::printf("  fingerprint: %016llx\n", static_cast<unsigned long long>(print));
  std::printf("  peak RSS: %.0f MiB after add, %.0f MiB after resolve (VmHWM)\n",
              hwm_after_add / 1024.0, hwm_after_resolve / 1024.0);
  return 0;
}
