#pragma once
// Streams of bytes the readers pull from: a file, a memory buffer, a gzip stream over another
// source. Each read returns at most `capacity` bytes, so readers keep constant memory.
// Not thread-safe; one reader per source.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace revarch::connectors {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Copies up to `capacity` bytes into `buffer`; returns how many (0 only at the end), or a
  /// kIo/kParse Status (e.g. a corrupt gzip stream).
  virtual Result<size_t> read(char* buffer, size_t capacity) = 0;
};

/// Opens `path` for reading; kNotFound / kIo with the path when it cannot be opened.
Result<std::unique_ptr<ByteSource>> open_file(const std::string& path);

/// A source over bytes the caller keeps alive for the source's lifetime.
std::unique_ptr<ByteSource> memory_source(std::string_view bytes);
/// A source that owns its bytes.
std::unique_ptr<ByteSource> owned_memory_source(std::string bytes);

/// Decompresses gzip (or zlib) data read from `inner`, streaming. Concatenated gzip members are
/// read one after another. A truncated or corrupt stream is a kParse error.
std::unique_ptr<ByteSource> gunzip_source(std::unique_ptr<ByteSource> inner);

/// True when `head` starts with the gzip magic bytes 1f 8b.
bool looks_gzip(std::string_view head);
/// True when `head` starts with the ZIP local-file magic "PK\3\4".
bool looks_zip(std::string_view head);

/// Reads up to `n` leading bytes of `path` (for detection); kNotFound / kIo on failure.
Result<std::string> read_file_head(const std::string& path, size_t n);

/// Opens `path`, transparently decompressing it when it starts with the gzip magic.
Result<std::unique_ptr<ByteSource>> open_maybe_gzip(const std::string& path);

}  // namespace revarch::connectors
