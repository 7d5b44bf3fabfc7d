#pragma once
// Members of a ZIP archive (Salesforce's weekly Data Export) read as byte streams through
// libzip. The archive handle is move-only; member sources must not outlive it. Not thread-safe.

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "connectors/byte_source.h"

struct zip;

namespace revarch::connectors {

class ZipArchive {
 public:
  /// Opens `path`; kNotFound / kParse (not a ZIP) with the path on failure.
  static Result<ZipArchive> open(const std::string& path);
  ZipArchive(ZipArchive&& other) noexcept;
  ZipArchive& operator=(ZipArchive&& other) noexcept;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  /// Names of the file members (directories left out), in archive order.
  const std::vector<std::string>& members() const { return members_; }
  /// A streaming source over one member's uncompressed bytes; kNotFound / kIo on failure.
  Result<std::unique_ptr<ByteSource>> open_member(const std::string& name) const;

 private:
  ZipArchive(::zip* handle, std::string path);
  ::zip* handle_ = nullptr;
  std::string path_;
  std::vector<std::string> members_;
};

}  // namespace revarch::connectors
