// revarch build: replays the log through the design and stores the derived state.
#include <chrono>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "lifecycle/store_input.h"

namespace revarch::cli {
namespace {

struct BuildArgs {
  Workspace ws;
  bool json = false;
  int threads = 2;
};

int run_build(const BuildArgs& a) {
  auto started = std::chrono::steady_clock::now();
  auto store = open_store(a.ws.store_path());
  if (!store.is_ok()) {
    std::cerr << "revarch build: " << store.status().to_string() << "\n";
    return exit_code_for(store.status());
  }
  Diagnostics diags;
  auto engine = lifecycle::replay_store(a.ws.design_path(), **store,
                                        lifecycle::ReplayOptions{a.threads, false}, &diags);
  if (!engine.is_ok()) {
    for (const auto& d : diags.items()) std::cerr << d.to_string() << "\n";
    std::cerr << "revarch build: " << engine.status().to_string() << "\n";
    return exit_code_for(engine.status());
  }
  lifecycle::DerivedState state = (*engine)->take_derived();
  engine->reset();  // spent: the derived state holds all that is stored
  std::string digest = state.digest();
  std::map<std::string, int64_t> stages;
  for (const auto& e : state.entities)
    if (!e.stage.empty()) ++stages[std::string(entity_kind_name(e.kind)) + " " + e.stage];
  DerivedSnapshot snap = state.take_snapshot();
  Status s = (*store)->replace_derived(snap);
  if (s.is_ok()) s = (*store)->set_meta("lifecycle.digest", digest);
  if (s.is_ok()) s = (*store)->set_meta("lifecycle.design_version", state.design_version);
  if (!s.is_ok()) {
    std::cerr << "revarch build: " << s.to_string() << "\n";
    return exit_code_for(s);
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (a.json) {
    nlohmann::json j = {{"events", state.events},
                        {"unresolved_events", state.unresolved_events},
                        {"entities", state.entities.size()},
                        {"transitions", snap.transitions.size()},
                        {"alerts", snap.alerts.size()},
                        {"stages", stages},
                        {"design_version", state.design_version},
                        {"digest", digest},
                        {"seconds", seconds}};
    std::cout << j.dump(2) << "\n";
    return kExitOk;
  }
  std::cout << "events       " << state.events << " (" << state.unresolved_events
            << " without an entity)\n"
            << "entities     " << state.entities.size() << "\n"
            << "transitions  " << snap.transitions.size() << "\n"
            << "alerts       " << snap.alerts.size() << "\n";
  for (const auto& [stage, n] : stages) std::cout << "  " << stage << ": " << n << "\n";
  std::cout << "design       " << state.design_version << "\n"
            << "digest       " << digest << "\n"
            << "time         " << seconds << " s\n";
  return kExitOk;
}

}  // namespace

void add_build_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<BuildArgs>();
  auto* cmd = app.add_subcommand(
      "build", "Replay the event log through the design: stages, scores, alerts (derived state)");
  args->ws.add_options(cmd);
  cmd->add_flag("--json", args->json, "Machine-readable summary");
  cmd->add_option("--threads", args->threads, "Worker threads (default 2)")
      ->check(CLI::Range(1, 64));
  cmd->callback([args, exit_code] { *exit_code = run_build(*args); });
}

}  // namespace revarch::cli
