#include "demo/demo.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "demo/truth.h"
#include "demo/writers.h"

namespace revarch::demo {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFolders[] = {"hubspot", "salesforce", "salesforce-loose", "sansan", "eight",
                                    "ga4",     "truth"};

Status prepare_dir(const DemoOptions& o) {
  std::error_code ec;
  if (fs::exists(o.dir, ec)) {
    if (!fs::is_directory(o.dir, ec)) {
      return Status(ErrorCode::kInvalidArgument, o.dir.string() + " exists and is not a folder");
    }
    if (!fs::is_empty(o.dir, ec) && !o.force) {
      return Status(ErrorCode::kInvalidArgument,
                    o.dir.string() + " is not empty (use --force to overwrite the demo's folders)");
    }
    // Only the demo's own folders are replaced; anything else in the folder is left alone.
    for (const char* f : kFolders) fs::remove_all(o.dir / f, ec);
  }
  for (const char* f : kFolders) {
    fs::create_directories(o.dir / f, ec);
    if (ec)
      return Status(ErrorCode::kIo, "cannot create " + (o.dir / f).string() + ": " + ec.message());
  }
  fs::create_directories(o.dir / "hubspot/webhooks", ec);
  fs::create_directories(o.dir / "truth/parts", ec);
  if (ec) return Status(ErrorCode::kIo, "cannot create " + (o.dir / "truth/parts").string());
  return Status::ok();
}

Status merge(DemoSummary& s, WriterReport&& r) {
  if (!r.status.is_ok()) return r.status;
  for (auto& f : r.files) s.files.push_back(std::move(f));
  for (auto& m : r.malformed) s.malformed.push_back(std::move(m));
  return Status::ok();
}

bool is_source_file(const std::string& path) {
  return !path.starts_with("truth/") && !path.ends_with(".zip");
}

}  // namespace

Result<DemoSummary> generate_demo(const DemoOptions& options) {
  REVARCH_RETURN_IF_ERROR(prepare_dir(options));
  const World w = build_world(options.seed, options.size);
  const fs::path& root = options.dir;
  // GA4 is most of the bytes: it gets a thread of its own while the CRM and card files are written.
  WriterReport ga4;
  std::thread ga4_thread([&] { ga4 = write_ga4(w, root); });
  WriterReport hubspot = write_hubspot(w, root);
  WriterReport salesforce = write_salesforce(w, root);
  WriterReport cards = write_cards(w, root);
  ga4_thread.join();

  DemoSummary s;
  s.dir = options.dir;
  s.size = options.size;
  s.seed = options.seed;
  s.companies = w.companies.size();
  s.people = w.people.size();
  s.deals = w.deals.size();
  s.sessions = w.sessions.size();
  REVARCH_RETURN_IF_ERROR(merge(s, std::move(hubspot)));
  REVARCH_RETURN_IF_ERROR(merge(s, std::move(salesforce)));
  REVARCH_RETURN_IF_ERROR(merge(s, std::move(cards)));
  REVARCH_RETURN_IF_ERROR(merge(s, std::move(ga4)));
  REVARCH_ASSIGN_OR_RETURN(auto truth,
                           merge_truth(root, {"hubspot", "salesforce", "cards", "ga4"}));
  for (auto& f : truth) s.files.push_back(std::move(f));
  for (const auto& f : s.files) {
    if (is_source_file(f.path)) s.source_rows += f.rows;
    s.total_bytes += f.bytes;
  }
  const std::string json = summary_json(s);
  REVARCH_ASSIGN_OR_RETURN(FileStats st, write_small_file(root, "truth/summary.json", json, 0));
  s.total_bytes += st.bytes;
  s.files.push_back(std::move(st));
  return s;
}

std::string summary_json(const DemoSummary& s) {
  nlohmann::ordered_json j;
  j["seed"] = s.seed;
  j["size"] = std::string(world_size_name(s.size));
  j["counts"] = {{"companies", s.companies},
                 {"people", s.people},
                 {"deals", s.deals},
                 {"ga4_sessions", s.sessions},
                 {"source_rows", s.source_rows}};
  j["malformed_rows"] = s.malformed.size();
  j["malformed"] = nlohmann::json::array();
  for (const auto& m : s.malformed) {
    j["malformed"].push_back({{"file", m.path}, {"row", m.row}, {"reason", m.reason}});
  }
  j["files"] = nlohmann::json::array();
  for (const auto& f : s.files) {
    if (f.path == "truth/summary.json") continue;
    j["files"].push_back({{"path", f.path}, {"rows", f.rows}, {"bytes", f.bytes}});
  }
  j["ingest"] = {
      {"hubspot", "hubspot/*.csv and hubspot/webhooks/*.json"},
      {"salesforce",
       "salesforce/*.zip (salesforce-loose/ holds the same CSVs: ingest one, not both)"},
      {"sansan", "sansan/sansan-cards.csv, eight/eight-cards.csv, eight/eight-cards-old.csv"},
      {"ga4", "ga4/events_*.json.gz"}};
  return j.dump(2) + "\n";
}

std::string summary_text(const DemoSummary& s) {
  std::string out = fmt::format("demo world ({}, seed {}) in {}\n", world_size_name(s.size), s.seed,
                                s.dir.string());
  out += fmt::format("  {} companies, {} people, {} deals, {} GA4 sessions\n\n", s.companies,
                     s.people, s.deals, s.sessions);
  uint64_t ga4_files = 0, ga4_rows = 0, ga4_bytes = 0;
  out += fmt::format("  {:<58} {:>12} {:>14}\n", "file", "rows", "bytes");
  for (const auto& f : s.files) {
    if (f.path.starts_with("ga4/")) {  // hundreds of daily files: one line for all
      ++ga4_files;
      ga4_rows += f.rows;
      ga4_bytes += f.bytes;
      continue;
    }
    out += fmt::format("  {:<58} {:>12} {:>14}\n", f.path, f.rows, f.bytes);
  }
  out +=
      fmt::format("  {:<58} {:>12} {:>14}\n",
                  fmt::format("ga4/events_*.json.gz ({} files)", ga4_files), ga4_rows, ga4_bytes);
  out += fmt::format("\n  source rows and events: {}   bytes: {}\n", s.source_rows, s.total_bytes);
  out += fmt::format("  malformed on purpose: {}\n", s.malformed.size());
  for (const auto& m : s.malformed)
    out += fmt::format("    {} row {}: {}\n", m.path, m.row, m.reason);
  out += "  ingest: salesforce/*.zip OR salesforce-loose/*.csv (the same data), not both\n";
  return out;
}

}  // namespace revarch::demo
