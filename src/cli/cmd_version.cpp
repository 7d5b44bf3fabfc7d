#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace revarch::cli {

void add_version_command(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("version", "Print revarch's version");
  cmd->callback([exit_code] {
    std::cout << "revarch 0.1.0\n";
    *exit_code = kExitOk;
  });
}

}  // namespace revarch::cli
