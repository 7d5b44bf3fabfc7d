#pragma once
// `revarch demo`: a synthetic, seeded Japan B2B world written in the real export formats of
// HubSpot, Salesforce, Sansan, Eight and GA4, with ground truth (docs/demo-world.md).
//
// The same seed and size give the same bytes in every file. Thread-safety: generate_demo() may
// be called from any thread; it uses two threads of its own.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/status.h"
#include "demo/output.h"
#include "demo/world.h"

namespace revarch::demo {

struct DemoOptions {
  std::filesystem::path dir;
  WorldSize size = WorldSize::kSmall;
  uint64_t seed = 1;
  bool force = false;  // write into an existing non-empty folder (replacing the demo's folders)
};

struct DemoSummary {
  std::filesystem::path dir;
  WorldSize size = WorldSize::kSmall;
  uint64_t seed = 0;
  uint64_t companies = 0, people = 0, deals = 0, sessions = 0;
  uint64_t source_rows = 0;  // CSV rows + GA4 events + webhook events (the ZIP's copy excluded)
  uint64_t total_bytes = 0;
  std::vector<FileStats> files;  // in a fixed order; truth/summary.json last
  std::vector<Malformed> malformed;
};

/// Builds the world and writes it under options.dir (created if missing). Fails with
/// kInvalidArgument when dir exists, is not empty and force is false; kIo when a file cannot be
/// written (what was written stays).
Result<DemoSummary> generate_demo(const DemoOptions& options);

/// The summary as JSON (the content of truth/summary.json; no timings, so it is reproducible).
std::string summary_json(const DemoSummary& s);
/// A human-readable table: files, rows and bytes, the malformed rows, what to ingest.
std::string summary_text(const DemoSummary& s);

}  // namespace revarch::demo
