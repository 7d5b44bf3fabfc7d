// End-to-end ingest of a demo world, per source and all together: what `revarch ingest` does
// (design options, SQLite store, bulk load, identity resolution), each run in a child process
// with a fresh store so that its peak RSS is its own.
//
//   revarch demo --size large --seed 42 /work/large-world
//   ingest_bench /work/large-world [--design examples/japan-enterprise/architecture.yaml]
//                [--scratch /tmp] [--runs hubspot,salesforce,cards,ga4,all]
//
// Prints per run: files, input MB, rows read, events stored, wall seconds, rows/s, MB/s, peak
// RSS, and the wall seconds of each phase (connectors, store writes, index rebuild, identity:
// scan / resolve / chunked snapshot + store) with the resident memory after each identity step
// and the peak (VmHWM) before and during the identity write (the bench runs
// ingest::resolve_identity's steps itself to see them). The identity write resets VmHWM, so the
// run's peak is the larger of those two, not the "peak RSS" of getrusage. Rows/s and MB/s are
// over the whole wall time of the run.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "design/loader.h"
#include "identity/chunk_prefetch.h"
#include "identity/resolver.h"
#include "ingest/design_options.h"
#include "ingest/ingest.h"
#include "store/store.h"

namespace {

namespace fs = std::filesystem;
using revarch::ingest::IngestSummary;

struct Run {
  std::string name;
  std::vector<std::string> folders;  // under the world
};

// What a child reports to its parent through a pipe.
struct ChildReport {
  bool ok = false;
  int files = 0;
  int64_t bytes = 0;
  int64_t rows = 0;
  int64_t events = 0;
  double seconds = 0;
  revarch::ingest::IngestPhases phases;
  double id_scan = 0, id_resolve = 0, id_store = 0;
  double id_snapshot = 0;  // building the chunks (on a worker, overlapping the store's writes)
  int64_t people = 0, companies = 0, deals = 0;
  // Resident memory (MiB) after loading the files, after reading the log into the resolver,
  // after resolving, and the peak while the identity tables are written (chunk by chunk).
  double rss_after_load = 0, rss_after_scan = 0, rss_after_resolve = 0, rss_write_peak = 0;
  // VmHWM before the identity write, which resets it (the run's peak is the larger of the two:
  // the reset also lowers what getrusage reports).
  double rss_peak_before_write = 0;
  // The largest anonymous (heap) and file-backed (SQLite's mmap) parts of RSS during the write,
  // sampled every 200 ms.
  double anon_write_max = 0, file_write_max = 0;
  char error[256] = {};
};

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// VmRSS of this process in MiB (Linux), 0 when unknown.
double rss_mib() {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return 0;
  char line[256];
  double kib = 0;
  while (std::fgets(line, sizeof line, f) != nullptr) {
    if (std::strncmp(line, "VmRSS:", 6) == 0) kib = std::strtod(line + 6, nullptr);
  }
  std::fclose(f);
  return kib / 1024.0;
}

// VmHWM of this process in MiB (Linux), 0 when unknown.
double peak_rss_mib() {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return 0;
  char line[256];
  double kib = 0;
  while (std::fgets(line, sizeof line, f) != nullptr) {
    if (std::strncmp(line, "VmHWM:", 6) == 0) kib = std::strtod(line + 6, nullptr);
  }
  std::fclose(f);
  return kib / 1024.0;
}

// RssAnon and RssFile of this process in MiB (Linux).
void rss_parts_mib(double& anon, double& file) {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return;
  char line[256];
  while (std::fgets(line, sizeof line, f) != nullptr) {
    if (std::strncmp(line, "RssAnon:", 8) == 0) anon = std::strtod(line + 8, nullptr) / 1024.0;
    if (std::strncmp(line, "RssFile:", 8) == 0) file = std::strtod(line + 8, nullptr) / 1024.0;
  }
  std::fclose(f);
}

// Resets VmHWM to the current RSS (Linux: "5" to /proc/self/clear_refs); no-op elsewhere.
void reset_peak_rss() {
  std::FILE* f = std::fopen("/proc/self/clear_refs", "w");
  if (f == nullptr) return;
  std::fputs("5", f);
  std::fclose(f);
}

// What ingest::resolve_identity does, one step at a time, timed and with the memory after each.
bool identity_steps(revarch::Store& store, const revarch::identity::IdentityConfig& config,
                    ChildReport& r) {
  auto start = Clock::now();
  revarch::identity::IdentityResolver resolver(config);
  revarch::EventFilter all;
  all.seq_order = true;
  revarch::Status st = store.scan_events(all, [&](const revarch::Event& e) {
    resolver.add(e);
    return true;
  });
  if (!st.is_ok()) {
    std::snprintf(r.error, sizeof r.error, "%s", st.to_string().c_str());
    return false;
  }
  r.id_scan = seconds_since(start);
  r.rss_after_scan = rss_mib();
  start = Clock::now();
  revarch::identity::IdentityResult result = resolver.resolve();
  r.id_resolve = seconds_since(start);
  r.rss_after_resolve = rss_mib();
  for (const auto& e : result.entities()) {
    switch (e.type) {
      case revarch::identity::EntityType::kPerson: ++r.people; break;
      case revarch::identity::EntityType::kCompany: ++r.companies; break;
      case revarch::identity::EntityType::kDeal: ++r.deals; break;
    }
  }
  r.rss_peak_before_write = peak_rss_mib();
  reset_peak_rss();
  std::atomic<bool> writing{true};
  std::thread sampler([&] {
    while (writing.load()) {
      double anon = 0, file = 0;
      rss_parts_mib(anon, file);
      r.anon_write_max = std::max(r.anon_write_max, anon);
      r.file_write_max = std::max(r.file_write_max, file);
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  });
  start = Clock::now();
  // As ingest does: chunks built one ahead on a worker thread while the store writes; the
  // time the worker spends building them is counted apart.
  revarch::IdentityChunkSource chunks = result.snapshot_chunks();
  st = store.replace_identity_chunked(
      revarch::identity::prefetch_chunks([&](revarch::IdentitySnapshot& chunk) {
        auto chunk_start = Clock::now();
        revarch::Result<bool> more = chunks(chunk);
        r.id_snapshot += seconds_since(chunk_start);
        return more;
      }));
  r.id_store = seconds_since(start);
  r.rss_write_peak = peak_rss_mib();
  writing = false;
  sampler.join();
  if (!st.is_ok()) {
    std::snprintf(r.error, sizeof r.error, "%s", st.to_string().c_str());
    return false;
  }
  return true;
}

std::vector<Run> all_runs() {
  return {{"hubspot", {"hubspot"}},
          {"salesforce", {"salesforce"}},
          {"cards", {"sansan", "eight"}},
          {"ga4", {"ga4"}},
          {"all", {"hubspot", "salesforce", "sansan", "eight", "ga4"}}};
}

void fail(ChildReport& r, const std::string& what) {
  std::snprintf(r.error, sizeof r.error, "%s", what.c_str());
}

ChildReport ingest_in_child(const Run& run, const std::string& world, const std::string& design,
                            const fs::path& scratch) {
  ChildReport r;
  revarch::ingest::IngestOptions options;
  if (!design.empty()) {
    revarch::Diagnostics diags;
    auto d = revarch::design::load_design(design, &diags);
    if (!d.is_ok() || diags.has_errors()) {
      fail(r, "design has errors: " + design);
      return r;
    }
    options = revarch::ingest::options_from_design(*d);
  }
  std::vector<std::string> folders;
  for (const auto& f : run.folders) folders.push_back((fs::path(world) / f).string());
  auto paths = revarch::ingest::expand_paths(folders);
  if (!paths.is_ok()) {
    fail(r, paths.status().to_string());
    return r;
  }
  for (const auto& p : *paths) {
    std::error_code ec;
    auto n = fs::file_size(p, ec);
    if (!ec) r.bytes += static_cast<int64_t>(n);
  }
  r.files = static_cast<int>(paths->size());
  fs::path dir = scratch / ("ingest-bench-" + run.name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    auto store = revarch::open_store((dir / "revarch.db").string());
    if (!store.is_ok()) {
      fail(r, store.status().to_string());
      return r;
    }
    options.resolve_identity = false;  // resolved below, step by step, with memory figures
    auto s = revarch::ingest::ingest_files(**store, *paths, options);
    if (!s.is_ok()) {
      fail(r, s.status().to_string());
      return r;
    }
    r.rss_after_load = rss_mib();
    auto start = Clock::now();
    if (!identity_steps(**store, options.identity, r)) return r;
    s->phases.identity = seconds_since(start);
    s->seconds += s->phases.identity;
    for (const auto& src : s->sources) r.rows += src.counts.read;
    r.events = s->events_in_log;
    r.seconds = s->seconds;
    r.phases = s->phases;
    r.ok = true;
  }
  fs::remove_all(dir);
  return r;
}

void print_run(const Run& run, const ChildReport& r, double wall, long max_rss_kib) {
  double mb = static_cast<double>(r.bytes) / 1e6;
  std::printf(
      "%-10s files %5d  %8.1f MB  rows %10lld  events %10lld  wall %7.1f s  %9.0f rows/s  "
      "%6.1f MB/s  peak RSS %6.0f MiB\n",
      run.name.c_str(), r.files, mb, static_cast<long long>(r.rows),
      static_cast<long long>(r.events), wall, static_cast<double>(r.rows) / wall, mb / wall,
      static_cast<double>(max_rss_kib) / 1024.0);
  const auto& p = r.phases;
  auto pct = [&](double s) { return r.seconds > 0 ? 100.0 * s / r.seconds : 0.0; };
  std::printf(
      "           phases: connectors %.1f s (%.0f%%), store writes %.1f s (%.0f%%), index "
      "rebuild %.1f s (%.0f%%), identity %.1f s (%.0f%%: scan %.1f, resolve %.1f, snapshot + "
      "store %.1f, chunks built on a worker meanwhile %.1f)\n"
      "           identity: %lld people, %lld companies, %lld deals; RSS MiB after load %.0f, "
      "after scan %.0f, after resolve %.0f; peak before the identity write %.0f, during it "
      "%.0f (largest anonymous %.0f, file-backed %.0f)\n",
      p.connectors, pct(p.connectors), p.store_writes, pct(p.store_writes), p.index_build,
      pct(p.index_build), p.identity, pct(p.identity), r.id_scan, r.id_resolve, r.id_store,
      r.id_snapshot, static_cast<long long>(r.people), static_cast<long long>(r.companies),
      static_cast<long long>(r.deals), r.rss_after_load, r.rss_after_scan, r.rss_after_resolve,
      r.rss_peak_before_write, r.rss_write_peak, r.anon_write_max, r.file_write_max);
  std::fflush(stdout);
}

int usage() {
  std::fprintf(stderr,
               "usage: ingest_bench WORLD_DIR [--design PATH] [--scratch DIR] "
               "[--runs hubspot,salesforce,cards,ga4,all]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string world = argv[1];
  std::string design;
  fs::path scratch = fs::temp_directory_path();
  std::string only = "hubspot,salesforce,cards,ga4,all";
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--design") {
      design = argv[i + 1];
    } else if (flag == "--scratch") {
      scratch = argv[i + 1];
    } else if (flag == "--runs") {
      only = "," + std::string(argv[i + 1]) + ",";
    } else {
      return usage();
    }
  }
  if (only.front() != ',') only = "," + only + ",";
  std::printf("ingest of %s (design: %s), one child process per run\n", world.c_str(),
              design.empty() ? "none" : design.c_str());
  int failures = 0;
  for (const Run& run : all_runs()) {
    if (only.find("," + run.name + ",") == std::string::npos) continue;
    int fds[2];
    if (pipe(fds) != 0) return 1;
    auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid < 0) return 1;
    if (pid == 0) {
      close(fds[0]);
      ChildReport r = ingest_in_child(run, world, design, scratch);
      ssize_t n = write(fds[1], &r, sizeof r);
      _exit(n == static_cast<ssize_t>(sizeof r) ? 0 : 1);
    }
    close(fds[1]);
    ChildReport r;
    size_t got = 0;
    while (got < sizeof r) {
      ssize_t n = read(fds[0], reinterpret_cast<char*>(&r) + got, sizeof r - got);
      if (n <= 0) break;
      got += static_cast<size_t>(n);
    }
    close(fds[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (got != sizeof r || !r.ok) {
      std::printf("%-10s FAILED: %s\n", run.name.c_str(), got == sizeof r ? r.error : "child died");
      ++failures;
      continue;
    }
    print_run(run, r, wall, usage.ru_maxrss);
  }
  return failures == 0 ? 0 : 1;
}
