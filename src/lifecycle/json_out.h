#pragma once
// Internal to the lifecycle layer: appends compact JSON to a string without building a tree.
// The stage engine writes a reason for every transition; building an nlohmann::json tree and
// dumping it was the largest cost of a replay (docs/performance.md, "Lifecycle").
//
// Output matches nlohmann::json::dump() for the same values written in the same (sorted) key
// order: strings are UTF-8 passed through, '"', '\\' and control characters escaped. Invalid
// UTF-8 is passed through unchanged (never throws). Not thread-safe; one writer per string.

#include <cstdint>
#include <string>
#include <string_view>

namespace revarch::lifecycle {

class JsonOut {
 public:
  explicit JsonOut(std::string* out) : out_(*out) {}

  JsonOut& begin_object();
  JsonOut& end_object();
  JsonOut& begin_array();
  JsonOut& end_array();
  /// The key of the next value (inside an object).
  JsonOut& key(std::string_view k);
  JsonOut& value(std::string_view s);
  JsonOut& value(const char* s) { return value(std::string_view(s)); }
  JsonOut& value(bool b);
  JsonOut& value(int64_t n);

 private:
  void separate();
  void string(std::string_view s);

  std::string& out_;
  bool first_ = true;  // no value yet in the current container
};

}  // namespace revarch::lifecycle
