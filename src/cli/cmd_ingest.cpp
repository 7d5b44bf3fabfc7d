#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "design/loader.h"
#include "ingest/design_options.h"
#include "ingest/ingest.h"
#include "store/store.h"

namespace revarch::cli {
namespace {

struct IngestArgs {
  Workspace ws;
  std::string source;
  std::vector<std::string> files;
  bool json = false;
  bool quiet = false;
  size_t batch_size = 20000;
};

void print_progress(const ingest::Progress& p) {
  double pct = p.bytes_total > 0
                   ? 100.0 * static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total)
                   : 0;
  std::string name = p.path.size() > 40 ? "…" + p.path.substr(p.path.size() - 39) : p.path;
  std::fprintf(stderr, "\r[%d/%d] %-40s %10lld records", p.file_index + 1, p.file_count,
               name.c_str(), static_cast<long long>(p.records));
  if (p.bytes_done > 0) std::fprintf(stderr, " %5.1f%%", pct);
  std::fflush(stderr);
}

nlohmann::json counts_json(const IngestCounts& c) {
  return {{"read", c.read},
          {"accepted", c.accepted},
          {"duplicates", c.duplicates},
          {"quarantined", c.quarantined}};
}

nlohmann::json summary_json(const ingest::IngestSummary& s) {
  nlohmann::json j;
  j["sources"] = nlohmann::json::array();
  for (const auto& src : s.sources) {
    nlohmann::json row = counts_json(src.counts);
    row["source"] = src.source;
    row["files"] = src.files;
    j["sources"].push_back(row);
  }
  j["files"] = nlohmann::json::array();
  for (const auto& f : s.files) {
    nlohmann::json row = counts_json(f.counts);
    row["path"] = f.path;
    row["source"] = f.source;
    row["ok"] = f.status.is_ok();
    if (!f.status.is_ok()) row["error"] = f.status.to_string();
    j["files"].push_back(row);
  }
  j["identity"] = {{"records", s.identity.records},
                   {"people", s.identity.people},
                   {"companies", s.identity.companies},
                   {"deals", s.identity.deals}};
  j["events_in_log"] = s.events_in_log;
  j["seconds"] = s.seconds;
  return j;
}

void print_summary(const ingest::IngestSummary& s) {
  std::cout << fmt::format("{:<12}{:>7}{:>12}{:>12}{:>12}{:>13}\n", "source", "files", "read",
                           "accepted", "duplicates", "quarantined");
  for (const auto& src : s.sources) {
    std::cout << fmt::format("{:<12}{:>7}{:>12}{:>12}{:>12}{:>13}\n", src.source, src.files,
                             src.counts.read, src.counts.accepted, src.counts.duplicates,
                             src.counts.quarantined);
  }
  for (const auto& f : s.files) {
    if (!f.status.is_ok()) std::cout << "error: " << f.status.to_string() << "\n";
    for (const auto& q : f.quarantine_sample) {
      SourceLocation where{q.file, q.row > 0 ? 0 : static_cast<int>(q.line), 0, q.row, q.column};
      std::cout << "quarantined: " << where.to_string() << ": " << q.reason << "\n";
    }
  }
  std::cout << fmt::format(
      "identity: {} source records -> {} people, {} companies, {} deals\n"
      "event log: {} events; {:.2f} s\n",
      s.identity.records, s.identity.people, s.identity.companies, s.identity.deals,
      s.events_in_log, s.seconds);
}

int run_ingest(const IngestArgs& args) {
  ingest::IngestOptions options;
  Diagnostics diags;
  std::string design_path = args.ws.design_path();
  if (std::FILE* f = std::fopen(design_path.c_str(), "r")) {
    std::fclose(f);
    Result<design::Design> design = design::load_design(design_path, &diags);
    if (!design.is_ok() || diags.has_errors()) {
      std::cerr << "error: the design has errors; run `revarch check " << design_path << "`\n";
      return kExitFindings;
    }
    options = ingest::options_from_design(*design);
  }
  if (!args.source.empty()) {
    options.source = connectors::parse_source_kind(args.source);
    if (!options.source) {
      std::cerr << "error: unknown source '" << args.source << "'\n";
      return kExitUsage;
    }
  }
  Result<std::vector<std::string>> paths = ingest::expand_paths(args.files);
  if (!paths.is_ok()) {
    std::cerr << "error: " << paths.status().to_string() << "\n";
    return kExitUsage;
  }
  options.batch_size = args.batch_size;
  bool bar = !args.json && !args.quiet && isatty(STDERR_FILENO);
  if (bar) options.on_progress = print_progress;

  // Ingest creates the workspace when it does not exist yet.
  std::error_code ec;
  std::filesystem::path store_dir = std::filesystem::path(args.ws.store_path()).parent_path();
  if (!store_dir.empty()) std::filesystem::create_directories(store_dir, ec);
  Result<std::unique_ptr<Store>> store = open_store(args.ws.store_path());
  if (!store.is_ok()) {
    std::cerr << "error: " << store.status().to_string() << "\n";
    return exit_code_for(store.status());
  }
  Result<ingest::IngestSummary> summary = ingest::ingest_files(**store, *paths, options);
  if (bar) std::fprintf(stderr, "\r\033[K");
  if (!summary.is_ok()) {
    std::cerr << "error: " << summary.status().to_string() << "\n";
    return exit_code_for(summary.status());
  }
  if (args.json) {
    std::cout << summary_json(*summary).dump(2) << "\n";
  } else {
    print_summary(*summary);
  }
  if (summary->any_file_failed()) return kExitUsage;
  return summary->quarantined() > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void add_ingest_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  auto* cmd = app.add_subcommand(
      "ingest", "Read exports (files or folders) into the workspace's event log, idempotently");
  args->ws.add_options(cmd);
  cmd->add_option("--source", args->source,
                  "hubspot|salesforce|sansan|eight|ga4 (detected per file when omitted)");
  cmd->add_flag("--json", args->json, "Print the summary as JSON");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress bar");
  cmd->add_option("--batch-size", args->batch_size, "Events per transaction (default 20000)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("files", args->files, "Export files or folders")->required();
  cmd->callback([args, exit_code] { *exit_code = run_ingest(*args); });
}

}  // namespace revarch::cli
