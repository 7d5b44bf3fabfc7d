// revarch explain contact|account|deal ID: why an entity is where it is, and what comes next.
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/workspace.h"
#include "lifecycle/explain.h"
#include "lifecycle/store_input.h"

namespace revarch::cli {
namespace {

struct ExplainArgs {
  Workspace ws;
  std::string kind;
  std::string id;
  bool json = false;
};

int run_explain(const ExplainArgs& a) {
  auto kind = parse_entity_kind(a.kind);
  auto store = open_store(a.ws.store_path());
  if (!store.is_ok()) {
    std::cerr << "revarch explain: " << store.status().to_string() << "\n";
    return exit_code_for(store.status());
  }
  Diagnostics diags;
  auto engine =
      lifecycle::replay_store(a.ws.design_path(), **store, lifecycle::ReplayOptions{}, &diags);
  if (!engine.is_ok()) {
    for (const auto& d : diags.items()) std::cerr << d.to_string() << "\n";
    std::cerr << "revarch explain: " << engine.status().to_string() << "\n";
    return exit_code_for(engine.status());
  }
  auto id = lifecycle::resolve_entity_id(**engine, *kind, a.id);
  if (!id) {
    std::cerr << "revarch explain: no " << a.kind << " with id or e-mail '" << a.id << "'\n";
    return kExitUsage;
  }
  nlohmann::json doc = lifecycle::explain_entity(**engine, *id);
  if (a.json)
    std::cout << doc.dump(2) << "\n";
  else
    std::cout << lifecycle::render_explain(doc);
  return kExitOk;
}

}  // namespace

void add_explain_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExplainArgs>();
  auto* cmd = app.add_subcommand(
      "explain", "Timeline, stage and why, scores, buying committee and next owner of one entity");
  args->ws.add_options(cmd);
  cmd->add_option("kind", args->kind, "contact, account or deal")
      ->required()
      ->check(CLI::IsMember({"contact", "account", "deal"}));
  cmd->add_option("id", args->id,
                  "Any source id (HubSpot, Salesforce 15/18, Sansan), an entity id or an e-mail")
      ->required();
  cmd->add_flag("--json", args->json, "Machine-readable output");
  cmd->callback([args, exit_code] { *exit_code = run_explain(*args); });
}

}  // namespace revarch::cli
