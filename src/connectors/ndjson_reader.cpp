#include "connectors/ndjson_reader.h"

#include <cstring>

namespace revarch::connectors {
namespace {
constexpr size_t kChunk = 64 * 1024;

bool blank(const std::string& s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}
}  // namespace

NdjsonReader::NdjsonReader(std::unique_ptr<ByteSource> bytes, size_t max_line_bytes)
    : bytes_(std::move(bytes)), max_line_bytes_(max_line_bytes), buffer_(kChunk, '\0') {}

Result<bool> NdjsonReader::next_line(NdjsonLine& out) {
  while (true) {
    out.text.clear();
    bool any = false;
    while (true) {
      if (pos_ == end_) {
        if (eof_) break;
        REVARCH_ASSIGN_OR_RETURN(size_t n, bytes_->read(buffer_.data(), buffer_.size()));
        if (n == 0) {
          eof_ = true;
          break;
        }
        pos_ = 0;
        end_ = n;
      }
      any = true;
      const char* start = buffer_.data() + pos_;
      const void* nl = std::memchr(start, '\n', end_ - pos_);
      size_t take = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : end_ - pos_;
      if (out.text.size() + take > max_line_bytes_) {
        return Status(ErrorCode::kParse,
                      "line longer than " + std::to_string(max_line_bytes_) + " bytes",
                      SourceLocation{"", static_cast<int>(line_ + 1)});
      }
      out.text.append(start, take);
      pos_ += take;
      if (nl) {
        ++pos_;
        break;
      }
    }
    if (!any && eof_ && out.text.empty()) return false;
    ++line_;
    if (!out.text.empty() && out.text.back() == '\r') out.text.pop_back();
    if (blank(out.text)) {
      if (eof_ && pos_ == end_) return false;
      continue;
    }
    out.line = line_;
    return true;
  }
}

Status NdjsonReader::parse(const NdjsonLine& line, nlohmann::json& out) {
  out = nlohmann::json::parse(line.text, nullptr, /*allow_exceptions=*/false);
  if (out.is_discarded()) {
    return Status(ErrorCode::kParse, "not valid JSON",
                  SourceLocation{"", static_cast<int>(line.line)});
  }
  return Status::ok();
}

}  // namespace revarch::connectors
