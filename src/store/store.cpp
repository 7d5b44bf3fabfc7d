#include "store/store.h"

#include <iterator>

#include "store/sqlite_store.h"

namespace revarch {

Status Store::replace_identity_chunked(const IdentityChunkSource& next) {
  IdentitySnapshot all;
  IdentitySnapshot chunk;
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool more, next(chunk));
    if (!more) break;
    std::move(chunk.entities.begin(), chunk.entities.end(), std::back_inserter(all.entities));
    std::move(chunk.links.begin(), chunk.links.end(), std::back_inserter(all.links));
    std::move(chunk.field_values.begin(), chunk.field_values.end(),
              std::back_inserter(all.field_values));
    chunk = IdentitySnapshot();
  }
  return replace_identity(all);
}

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
