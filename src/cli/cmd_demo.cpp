// `revarch demo [--size small|large] [--seed N] [--force] [--json] DIR`
#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "demo/demo.h"

namespace revarch::cli {
namespace {

struct DemoArgs {
  std::string dir;
  std::string size = "small";
  uint64_t seed = 1;
  bool force = false;
  bool json = false;
};

int run_demo(const DemoArgs& a) {
  demo::DemoOptions o;
  o.dir = a.dir;
  o.seed = a.seed;
  o.force = a.force;
  if (!demo::parse_world_size(a.size, &o.size) || o.size == demo::WorldSize::kTiny) {
    std::cerr << "revarch demo: --size must be small or large, not '" << a.size << "'\n";
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
  Result<demo::DemoSummary> r = demo::generate_demo(o);
  if (!r.is_ok()) {
    std::cerr << "revarch demo: " << r.status().to_string() << "\n";
    return exit_code_for(r.status());
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (a.json) {
    std::cout << demo::summary_json(*r);
  } else {
    std::cout << demo::summary_text(*r) << "  generated in " << secs << " s\n";
  }
  return kExitOk;
}

}  // namespace

void add_demo_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<DemoArgs>();
  auto* cmd = app.add_subcommand(
      "demo",
      "Write a seeded, synthetic Japan B2B world in the real export formats of HubSpot, "
      "Salesforce, Sansan, Eight and GA4, with ground truth (docs/demo-world.md)");
  cmd->add_option("DIR", args->dir, "Folder to write (created if missing)")->required();
  cmd->add_option("--size", args->size,
                  "small (about 300 companies) or large (100,000 companies, "
                  "1,000,000 people, over 10 million rows and events)")
      ->default_val("small");
  cmd->add_option("--seed", args->seed, "Seed: the same seed and size give the same bytes")
      ->default_val(1);
  cmd->add_flag("--force", args->force,
                "Write into a non-empty folder, replacing the demo's folders");
  cmd->add_flag("--json", args->json, "Print the summary as JSON");
  cmd->callback([args, exit_code] { *exit_code = run_demo(*args); });
}

}  // namespace revarch::cli
