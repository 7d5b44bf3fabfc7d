#pragma once
// Helpers shared by the store tests: a temporary directory and synthetic events.

#include <stdlib.h>

#include <filesystem>
#include <string>

#include "store/event.h"

namespace revarch::testing {

/// A fresh directory under the system temp dir, removed with its contents on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "revarch-store-XXXXXX").string();
    char* made = mkdtemp(tmpl.data());
    if (made != nullptr) path_ = made;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

/// A plausible event; `n` makes it unique (key, record id, time).
inline Event sample_event(int n, std::string source = "hubspot",
                          std::string type = "record.upsert") {
  Event e;
  e.source = std::move(source);
  e.type = std::move(type);
  e.source_record_id = "rec-" + std::to_string(n);
  e.idempotency_key = make_idempotency_key({e.source, e.type, e.source_record_id});
  e.occurred_at_ms = 1700000000000 + static_cast<int64_t>(n) * 1000;
  e.original_tz = "+09:00";
  e.subject = {e.source, EntityKind::kContact, "c" + std::to_string(n % 10)};
  e.related = {{e.source, EntityKind::kAccount, "a" + std::to_string(n % 3)}};
  e.properties = {{"email", "user" + std::to_string(n) + "@example.co.jp"},
                  {"company_name", "株式会社テスト"},
                  {"n", std::to_string(n)}};
  e.origin_file = "/data/" + e.source + ".csv";
  e.origin_row = n + 1;
  return e;
}

}  // namespace revarch::testing
