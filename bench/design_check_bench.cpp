// Loads and checks the embedded japan-enterprise template N times; prints ms per load and per
// load+check. Usage: design_check_bench [N] (default 200).
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "design/checker.h"
#include "design/loader.h"
#include "design/templates.h"
#include "expr/time_text.h"

int main(int argc, char** argv) {
  using namespace revarch;
  using Clock = std::chrono::steady_clock;
  const int n = argc > 1 ? std::atoi(argv[1]) : 200;
  const std::string text = design::template_files("japan-enterprise").front().text;
  const design::CheckOptions options{*expr::parse_date("2026-11-23")};
  size_t findings = 0;
  double load_ms = 0, check_ms = 0;
  for (int i = 0; i < n; ++i) {
    Diagnostics diags;
    auto t0 = Clock::now();
    design::Design d = design::load_design_from_string(text, "architecture.yaml", &diags);
    auto t1 = Clock::now();
    design::check_design(d, options, &diags);
    auto t2 = Clock::now();
    load_ms += std::chrono::duration<double, std::milli>(t1 - t0).count();
    check_ms += std::chrono::duration<double, std::milli>(t2 - t1).count();
    findings += diags.items().size();
  }
  std::printf("design_check: japan-enterprise template (%zu bytes), %d runs, %zu findings\n",
              text.size(), n, findings);
  std::printf("  load (YAML + compile expressions): %.3f ms per design\n", load_ms / n);
  std::printf("  check (all findings):              %.3f ms per design\n", check_ms / n);
  std::printf("  load + check:                      %.3f ms per design\n",
              (load_ms + check_ms) / n);
  return findings == 0 ? 0 : 1;
}
