// Event store throughput: append N synthetic events in batches (events/s, bytes on disk), then
// scan them back in replay order (events/s). Plain main(); prints its figures.
//   store_bench [EVENTS=1000000] [BATCH=10000] [DIR=/tmp]
#include <stdlib.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "store/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU time of this process: the machine may be shared, so wall time alone misleads.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Four sources over the same two years, so inserts are not in time order (as in a real ingest
// of one source after another).
revarch::Event synthetic_event(int64_t n, std::mt19937_64& rng) {
  static const char* kSources[] = {"hubspot", "salesforce", "sansan", "ga4"};
  static const char* kTypes[] = {"record.upsert", "deal.stage_changed", "card.exchanged",
                                 "web.page_view"};
  int s = static_cast<int>(n % 4);
  revarch::Event e;
  e.source = kSources[s];
  e.type = kTypes[s];
  e.source_record_id = std::to_string(n);
  e.idempotency_key = revarch::make_idempotency_key({e.source, e.type, e.source_record_id});
  e.occurred_at_ms = 1672531200000 + static_cast<int64_t>(rng() % (730ull * 86400000ull));
  e.original_tz = "+09:00";
  e.subject = {e.source, revarch::EntityKind::kContact, "c" + std::to_string(n % 200000)};
  e.related = {{e.source, revarch::EntityKind::kAccount, "a" + std::to_string(n % 20000)}};
  e.properties = {{"email", "user" + std::to_string(n % 200000) + "@example.co.jp"},
                  {"company_name", "株式会社サンプル" + std::to_string(n % 20000)},
                  {"title", "部長"},
                  {"lifecycle_stage", "lead"},
                  {"updated_at", "2025-04-01T09:00:00Z"}};
  e.origin_file = std::string("/data/exports/") + e.source + ".csv";
  e.origin_row = n / 4 + 1;
  return e;
}

int64_t bytes_on_disk(const std::string& db) {
  int64_t total = 0;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::error_code ec;
    auto size = std::filesystem::file_size(db + suffix, ec);
    if (!ec) total += static_cast<int64_t>(size);
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t total = argc > 1 ? std::atoll(argv[1]) : 1000000;
  int64_t batch_size = argc > 2 ? std::atoll(argv[2]) : 10000;
  std::string dir = argc > 3 ? argv[3] : "/tmp";
  std::string tmpl = dir + "/revarch-store-bench-XXXXXX";
  if (mkdtemp(tmpl.data()) == nullptr) return 2;
  std::string path = tmpl + "/ws.db";
  auto store = revarch::open_store(path);
  if (!store.is_ok()) {
    std::fprintf(stderr, "%s\n", store.status().to_string().c_str());
    return 2;
  }

  bool bulk = std::getenv("NO_BULK") == nullptr;
  if (bulk && !(*store)->begin_bulk_load().is_ok()) return 2;
  std::mt19937_64 rng(42);
  double gen_s = 0, append_s = 0, append_cpu = 0;
  std::vector<revarch::Event> batch;
  for (int64_t done = 0; done < total; done += batch_size) {
    auto g = Clock::now();
    batch.clear();
    for (int64_t i = done; i < std::min(total, done + batch_size); ++i) {
      batch.push_back(synthetic_event(i, rng));
    }
    gen_s += seconds_since(g);
    auto t = Clock::now();
    double c = cpu_seconds();
    revarch::Status st = (*store)->append(batch);
    append_cpu += cpu_seconds() - c;
    append_s += seconds_since(t);
    if (!st.is_ok()) {
      std::fprintf(stderr, "%s\n", st.to_string().c_str());
      return 1;
    }
  }
  if (bulk) {
    auto t = Clock::now();
    double c = cpu_seconds();
    if (!(*store)->end_bulk_load().is_ok()) return 1;
    double idx_s = seconds_since(t), idx_cpu = cpu_seconds() - c;
    append_s += idx_s;
    append_cpu += idx_cpu;
    std::printf(
        "bulk load: rebuilding the idempotency, time and subject indexes took %.2f s wall, %.2f s "
        "CPU "
        "(included below)\n",
        idx_s, idx_cpu);
  }
  double mb = static_cast<double>(bytes_on_disk(path)) / (1024.0 * 1024.0);
  std::printf(
      "append: %lld events in batches of %lld: %.2f s wall, %.0f events/s; %.2f s CPU, "
      "%.0f events/CPU-s (generating them, keys included: %.2f s)\n",
      static_cast<long long>(total), static_cast<long long>(batch_size), append_s,
      static_cast<double>(total) / append_s, append_cpu, static_cast<double>(total) / append_cpu,
      gen_s);
  std::printf("disk: %.1f MB (%.0f bytes/event)\n", mb,
              mb * 1048576.0 / static_cast<double>(total));

  auto t = Clock::now();
  double c = cpu_seconds();
  int64_t seen = 0, prev = INT64_MIN;
  bool ordered = true;
  revarch::Status st = (*store)->scan_events({}, [&](const revarch::Event& e) {
    ordered = ordered && e.occurred_at_ms >= prev;
    prev = e.occurred_at_ms;
    ++seen;
    return true;
  });
  double scan_s = seconds_since(t);
  double scan_cpu = cpu_seconds() - c;
  if (!st.is_ok() || seen != total || !ordered) {
    std::fprintf(stderr, "scan failed: %s, %lld events, ordered=%d\n", st.to_string().c_str(),
                 static_cast<long long>(seen), ordered);
    return 1;
  }
  std::printf(
      "scan (replay order): %lld events: %.2f s wall, %.0f events/s; %.2f s CPU, "
      "%.0f events/CPU-s\n",
      static_cast<long long>(seen), scan_s, static_cast<double>(seen) / scan_s, scan_cpu,
      static_cast<double>(seen) / scan_cpu);

  t = Clock::now();
  revarch::Status again = (*store)->append(batch);
  std::printf("re-append of the last batch (all duplicates): %.3f s\n", seconds_since(t));
  store->reset();
  std::filesystem::remove_all(tmpl);
  return again.is_ok() ? 0 : 1;
}
