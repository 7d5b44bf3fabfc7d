// The revarch binary: everything lives in the library (src/cli).
#include "cli/cli.h"

int main(int argc, char** argv) { return revarch::cli::run(argc, argv); }
