#pragma once
// A workspace is a directory holding a design and a store:
//   DIR/architecture.yaml   the design (revarch init writes it)
//   DIR/revarch.db          the SQLite store (ingest creates it)
// Every command that reads or writes them takes the same three options, through add_options.

#include <CLI/CLI.hpp>
#include <string>

namespace revarch::cli {

struct Workspace {
  std::string dir = ".";
  std::string design;  // empty: dir/architecture.yaml
  std::string store;   // empty: dir/revarch.db

  /// Registers --workspace/-w, --design and --store on `cmd`.
  void add_options(CLI::App* cmd);
  std::string design_path() const;
  std::string store_path() const;
};

}  // namespace revarch::cli
