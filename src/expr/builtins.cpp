#include "expr/builtins.h"

namespace revarch::expr {
namespace {

constexpr std::string_view kNames[] = {"contains", "startsWith", "endsWith", "matches",
                                       "size",     "lower",      "upper",    "timestamp",
                                       "date",     "duration",   "now"};

}  // namespace

bool find_builtin(std::string_view name, Builtin& out) {
  for (size_t i = 0; i < std::size(kNames); ++i) {
    if (kNames[i] == name) {
      out = static_cast<Builtin>(i);
      return true;
    }
  }
  return false;
}

const char* builtin_name(Builtin b) {
  return kNames[static_cast<size_t>(b)].data();
}

const std::string_view* builtin_names(size_t& count) {
  count = std::size(kNames);
  return kNames;
}

}  // namespace revarch::expr
