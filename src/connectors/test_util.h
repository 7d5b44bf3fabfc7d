#pragma once
// Test helpers for the connectors' tests (header only; not part of the library API).

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "connectors/connectors.h"
#include "store/event.h"

namespace revarch::connectors::testing {

inline std::string fixture(const std::string& name) {
  return std::string(REVARCH_SOURCE_DIR) + "/tests/fixtures/connectors/" + name;
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A fresh directory under the system temp dir, removed with the object.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("revarch_conn_" + std::to_string(reinterpret_cast<uintptr_t>(this)) + "_" +
             std::to_string(counter()++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name, const std::string& bytes) const {
    std::string p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  static int& counter() {
    static int n = 0;
    return n;
  }
  std::filesystem::path path_;
};

inline std::vector<const Event*> of_type(const CollectingSink& s, std::string_view type) {
  std::vector<const Event*> out;
  for (const Event& e : s.events) {
    if (e.type == type) out.push_back(&e);
  }
  return out;
}

inline std::string prop(const Event& e, std::string_view key) {
  const std::string* v = find_property(e.properties, key);
  return v ? *v : "<none>";
}

}  // namespace revarch::connectors::testing
