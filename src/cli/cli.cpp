#include "cli/cli.h"

#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace revarch::cli {

int run(int argc, char** argv) {
  CLI::App app{"revarch: the revenue architecture of a B2B team selling in Japan, as code"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Help for every command");
  int exit_code = kExitOk;
  add_version_command(app, &exit_code);
  add_build_command(app, &exit_code);
  add_explain_command(app, &exit_code);
  add_check_command(app, &exit_code);
  add_init_command(app, &exit_code);
  add_demo_command(app, &exit_code);
  add_ingest_command(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  return exit_code;
}

}  // namespace revarch::cli
