// revarch init [--template japan-enterprise|global-saas] [--force] DIR: a new workspace with a
// documented design to start from.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "design/templates.h"

namespace revarch::cli {
namespace {

struct InitArgs {
  std::string dir;
  std::string template_name = "japan-enterprise";
  bool force = false;
};

int run_init(const InitArgs& args) {
  auto files = design::template_files(args.template_name);
  if (files.empty()) {
    std::cerr << "revarch init: unknown template '" << args.template_name << "'\n";
    return kExitUsage;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir(args.dir);
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    std::cerr << "revarch init: '" << args.dir << "' exists and is not a folder\n";
    return kExitUsage;
  }
  if (!args.force) {
    for (const auto& f : files) {
      if (fs::exists(dir / f.name, ec)) {
        std::cerr << "revarch init: " << (dir / f.name).string()
                  << " already exists; use --force to overwrite it\n";
        return kExitUsage;
      }
    }
  }
  fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << "revarch init: cannot create '" << args.dir << "': " << ec.message() << "\n";
    return kExitUsage;
  }
  for (const auto& f : files) {
    fs::path path = dir / f.name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << f.text;
    out.close();
    if (!out) {
      std::cerr << "revarch init: cannot write " << path.string() << "\n";
      return kExitUsage;
    }
    std::cout << "wrote " << path.string() << "\n";
  }
  std::cout << "next: revarch check " << (dir / files.front().name).string() << "\n";
  return kExitOk;
}

}  // namespace

void add_init_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<InitArgs>();
  auto* cmd = app.add_subcommand("init", "Create a workspace with a documented design template");
  cmd->add_option("dir", args->dir, "The folder to create the workspace in")->required();
  cmd->add_option("--template,-t", args->template_name, "The template to start from")
      ->check(CLI::IsMember(design::template_names()));
  cmd->add_flag("--force", args->force, "Overwrite an existing design");
  cmd->callback([args, exit_code] { *exit_code = run_init(*args); });
}

}  // namespace revarch::cli
