// revarch check [DESIGN] [--json] [--today YYYY-MM-DD]: load and lint a design.
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "design/checker.h"
#include "design/loader.h"
#include "expr/time_text.h"

namespace revarch::cli {
namespace {

struct CheckArgs {
  std::string design = "architecture.yaml";
  bool json = false;
  std::string today;
};

expr::Timestamp today_utc() {
  auto now = std::chrono::system_clock::now();
  auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
  return expr::Timestamp{static_cast<int64_t>(days) * 24 * 3600 * 1000};
}

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void print_json(const Diagnostics& diags) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : diags.items()) {
    items.push_back({{"severity", severity_name(d.severity)},
                     {"code", d.code},
                     {"message", d.message},
                     {"file", d.where.file},
                     {"line", d.where.line},
                     {"column", d.where.column}});
  }
  nlohmann::json out = {
      {"diagnostics", items}, {"errors", diags.error_count()}, {"warnings", diags.warning_count()}};
  std::cout << out.dump(2) << "\n";
}

int run_check(const CheckArgs& args) {
  design::CheckOptions options;
  if (args.today.empty()) {
    options.today = today_utc();
  } else if (auto t = expr::parse_date(args.today)) {
    options.today = *t;
  } else {
    std::cerr << "revarch check: --today must be a date YYYY-MM-DD, not '" << args.today << "'\n";
    return kExitUsage;
  }
  Diagnostics diags;
  auto design = design::load_design(args.design, &diags);
  if (!design) {
    std::cerr << "revarch check: " << design.status().to_string() << "\n";
    return exit_code_for(design.status());
  }
  design::check_design(*design, options, &diags);
  diags.sort();
  if (args.json) {
    print_json(diags);
  } else {
    for (const auto& d : diags.items()) std::cout << d.to_string() << "\n";
    std::cout << args.design << ": " << plural(diags.error_count(), "error") << ", "
              << plural(diags.warning_count(), "warning") << "\n";
  }
  return diags.has_errors() ? kExitFindings : kExitOk;
}

}  // namespace

void add_check_command(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand(
      "check", "Validate and lint a design; findings point at file:line:col (exit 1 on errors)");
  cmd->add_option("design", args->design, "The design file (default: ./architecture.yaml)");
  cmd->add_flag("--json", args->json, "Print the findings as JSON");
  cmd->add_option("--today", args->today,
                  "The date review deadlines are checked against (default: today, UTC)");
  cmd->callback([args, exit_code] { *exit_code = run_check(*args); });
}

}  // namespace revarch::cli
