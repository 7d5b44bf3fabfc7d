#include "store/store.h"

#include "store/sqlite_store.h"

namespace revarch {

Result<std::unique_ptr<Store>> open_store(const std::string& url_or_path,
                                          const StoreOptions& options) {
  std::string_view url = url_or_path;
  if (url.starts_with("postgres://") || url.starts_with("postgresql://")) {
    return Status(ErrorCode::kUnsupported, "the PostgreSQL store is not available yet");
  }
  if (url.starts_with("sqlite:")) {
    url.remove_prefix(7);
    if (url.starts_with("//")) url.remove_prefix(2);  // "sqlite://path" as well
  } else if (url.find("://") != std::string_view::npos) {
    return Status(ErrorCode::kInvalidArgument,
                  "unknown store URL scheme: " + std::string(url.substr(0, url.find("://"))));
  }
  if (url.empty()) return Status(ErrorCode::kInvalidArgument, "empty store path");
  REVARCH_ASSIGN_OR_RETURN(auto store, SqliteStore::open(std::string(url), options));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace revarch
