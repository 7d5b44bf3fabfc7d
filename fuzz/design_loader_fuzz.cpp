// libFuzzer target: load a design from arbitrary bytes and run the checker on it. Includes are
// never read (every include is "unreadable"), so the input is the whole world. Must never
// crash, hang or trip a sanitizer; diagnostics are the expected outcome.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "design/checker.h"
#include "design/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace revarch;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  design::LoadOptions options;
  options.read_file = [](const std::string&) -> std::optional<std::string> { return std::nullopt; };
  Diagnostics diags;
  design::Design d = design::load_design_from_string(text, "fuzz.yaml", &diags, options);
  design::check_design(d, design::CheckOptions{expr::Timestamp{1795392000000}}, &diags);
  for (const auto& item : diags.items()) (void)item.to_string();
  return 0;
}
