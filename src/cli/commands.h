#pragma once
// One function per sub-command: it adds the sub-command to the app and arranges for its exit
// code to be stored in `*exit_code` when it runs. Each lives in its own cmd_<name>.cpp.

#include <CLI/CLI.hpp>

namespace revarch::cli {

void add_version_command(CLI::App& app, int* exit_code);
void add_build_command(CLI::App& app, int* exit_code);
void add_explain_command(CLI::App& app, int* exit_code);
void add_check_command(CLI::App& app, int* exit_code);
void add_init_command(CLI::App& app, int* exit_code);
void add_demo_command(CLI::App& app, int* exit_code);
void add_ingest_command(CLI::App& app, int* exit_code);

}  // namespace revarch::cli
