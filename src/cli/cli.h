#pragma once
// The revarch command line. The binary's main() only calls run(); every command lives here.

namespace revarch::cli {

/// Parses the arguments, runs the sub-command, and returns the process exit code
/// (cli/exit_codes.h). Writes to stdout/stderr. Not re-entrant.
int run(int argc, char** argv);

}  // namespace revarch::cli
