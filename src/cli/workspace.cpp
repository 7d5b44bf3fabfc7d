#include "cli/workspace.h"

#include <filesystem>

namespace revarch::cli {

void Workspace::add_options(CLI::App* cmd) {
  cmd->add_option("-w,--workspace", dir, "Workspace directory (default: the current one)");
  cmd->add_option("--design", design, "Design file (default: WORKSPACE/architecture.yaml)");
  cmd->add_option("--store", store, "Store: a SQLite file path (default: WORKSPACE/revarch.db)");
}

std::string Workspace::design_path() const {
  return design.empty() ? (std::filesystem::path(dir) / "architecture.yaml").string() : design;
}

std::string Workspace::store_path() const {
  return store.empty() ? (std::filesystem::path(dir) / "revarch.db").string() : store;
}

}  // namespace revarch::cli
