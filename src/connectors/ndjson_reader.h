#pragma once
// Newline-delimited JSON: one JSON value per line, streamed from any ByteSource (gunzip it
// first with gunzip_source / open_maybe_gzip). Memory is bounded by the longest line. Not
// thread-safe.

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "common/status.h"
#include "connectors/byte_source.h"

namespace revarch::connectors {

struct NdjsonLine {
  std::string text;  // the line without its line end
  int64_t line = 0;  // 1-based physical line
};

class NdjsonReader {
 public:
  explicit NdjsonReader(std::unique_ptr<ByteSource> bytes, size_t max_line_bytes = 64 << 20);

  /// Reads the next non-blank line. true when read, false at the end; kParse when a line is
  /// longer than the limit, kIo/kParse from the source (e.g. corrupt gzip).
  Result<bool> next_line(NdjsonLine& out);

  /// Parses `line` into `out`; on failure a kParse Status with the line number and the JSON
  /// library's message. Never throws.
  static Status parse(const NdjsonLine& line, nlohmann::json& out);

 private:
  std::unique_ptr<ByteSource> bytes_;
  size_t max_line_bytes_;
  std::string buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  int64_t line_ = 0;
};

}  // namespace revarch::connectors
