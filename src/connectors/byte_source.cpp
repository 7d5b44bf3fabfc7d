#include "connectors/byte_source.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace revarch::connectors {
namespace {

class FileSource : public ByteSource {
 public:
  FileSource(std::FILE* f, std::string path) : file_(f), path_(std::move(path)) {}
  ~FileSource() override { std::fclose(file_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  Result<size_t> read(char* buffer, size_t capacity) override {
    size_t n = std::fread(buffer, 1, capacity, file_);
    if (n == 0 && std::ferror(file_)) {
      return Status(ErrorCode::kIo, "read failed: " + std::string(std::strerror(errno)),
                    SourceLocation{path_});
    }
    return n;
  }

 private:
  std::FILE* file_;
  std::string path_;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> read(char* buffer, size_t capacity) override {
    size_t n = std::min(capacity, bytes_.size() - pos_);
    if (n > 0) std::memcpy(buffer, bytes_.data() + pos_, n);
    pos_ += n;
    return n;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

class OwnedMemorySource : public ByteSource {
 public:
  explicit OwnedMemorySource(std::string bytes) : owned_(std::move(bytes)), view_(owned_) {}
  Result<size_t> read(char* buffer, size_t capacity) override {
    return view_.read(buffer, capacity);
  }

 private:
  std::string owned_;  // declared before view_, which points into it
  MemorySource view_;
};

class GunzipSource : public ByteSource {
 public:
  explicit GunzipSource(std::unique_ptr<ByteSource> inner) : inner_(std::move(inner)), in_(kChunk) {
    std::memset(&zs_, 0, sizeof zs_);
    ok_ = inflateInit2(&zs_, 15 + 32) == Z_OK;  // +32: detect gzip or zlib header
  }
  ~GunzipSource() override {
    if (ok_) inflateEnd(&zs_);
  }
  GunzipSource(const GunzipSource&) = delete;
  GunzipSource& operator=(const GunzipSource&) = delete;

  Result<size_t> read(char* buffer, size_t capacity) override {
    if (!ok_) return Status(ErrorCode::kInternal, "zlib inflateInit failed");
    zs_.next_out = reinterpret_cast<Bytef*>(buffer);
    zs_.avail_out = static_cast<uInt>(capacity);
    while (zs_.avail_out == capacity && !done_) {
      if (zs_.avail_in == 0) {
        REVARCH_ASSIGN_OR_RETURN(size_t n, inner_->read(in_.data(), in_.size()));
        if (n == 0) {
          if (!stream_end_) return Status(ErrorCode::kParse, "truncated gzip stream");
          done_ = true;
          break;
        }
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(n);
      }
      if (stream_end_) {  // another gzip member follows
        inflateReset(&zs_);
        stream_end_ = false;
      }
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        stream_end_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return Status(ErrorCode::kParse,
                      std::string("corrupt gzip stream: ") + (zs_.msg ? zs_.msg : "inflate error"));
      }
    }
    return capacity - zs_.avail_out;
  }

 private:
  static constexpr size_t kChunk = 64 * 1024;
  std::unique_ptr<ByteSource> inner_;
  std::vector<char> in_;
  z_stream zs_;
  bool ok_ = false;
  bool stream_end_ = false;
  bool done_ = false;
};

}  // namespace

Result<std::unique_ptr<ByteSource>> open_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    ErrorCode code = errno == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo;
    return Status(code, "cannot open: " + std::string(std::strerror(errno)), SourceLocation{path});
  }
  return std::unique_ptr<ByteSource>(std::make_unique<FileSource>(f, path));
}

std::unique_ptr<ByteSource> memory_source(std::string_view bytes) {
  return std::make_unique<MemorySource>(bytes);
}

std::unique_ptr<ByteSource> owned_memory_source(std::string bytes) {
  return std::make_unique<OwnedMemorySource>(std::move(bytes));
}

std::unique_ptr<ByteSource> gunzip_source(std::unique_ptr<ByteSource> inner) {
  return std::make_unique<GunzipSource>(std::move(inner));
}

bool looks_gzip(std::string_view head) {
  return head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f &&
         static_cast<unsigned char>(head[1]) == 0x8b;
}

bool looks_zip(std::string_view head) {
  return head.substr(0, 4) == std::string_view("PK\3\4", 4);
}

Result<std::string> read_file_head(const std::string& path, size_t n) {
  REVARCH_ASSIGN_OR_RETURN(auto src, open_file(path));
  std::string head(n, '\0');
  size_t got = 0;
  while (got < n) {
    REVARCH_ASSIGN_OR_RETURN(size_t k, src->read(head.data() + got, n - got));
    if (k == 0) break;
    got += k;
  }
  head.resize(got);
  return head;
}

Result<std::unique_ptr<ByteSource>> open_maybe_gzip(const std::string& path) {
  REVARCH_ASSIGN_OR_RETURN(std::string head, read_file_head(path, 2));
  REVARCH_ASSIGN_OR_RETURN(auto src, open_file(path));
  if (looks_gzip(head)) return gunzip_source(std::move(src));
  return src;
}

}  // namespace revarch::connectors
