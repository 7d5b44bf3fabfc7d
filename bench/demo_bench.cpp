// Generates the small demo world and prints how fast: rows (CSV rows + GA4 events) per second
// and megabytes written per second. Usage: demo_bench [DIR] (default: a temporary folder, removed).
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "demo/demo.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const fs::path dir =
      argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "revarch-demo-bench";
  for (const char* size_name : {"small"}) {
    revarch::demo::DemoOptions o;
    o.dir = dir;
    o.force = true;
    revarch::demo::parse_world_size(size_name, &o.size);
    const auto start = std::chrono::steady_clock::now();
    auto r = revarch::demo::generate_demo(o);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!r.is_ok()) {
      std::fprintf(stderr, "demo_bench: %s\n", r.status().to_string().c_str());
      return 1;
    }
    std::printf(
        "demo %s: %.3f s, %llu files, %llu rows+events (%.0f rows/s), %.1f MB (%.1f MB/s)\n",
        size_name, secs, static_cast<unsigned long long>(r->files.size()),
        static_cast<unsigned long long>(r->source_rows), r->source_rows / secs,
        r->total_bytes / 1e6, r->total_bytes / 1e6 / secs);
  }
  if (argc <= 1) fs::remove_all(dir);
  return 0;
}
