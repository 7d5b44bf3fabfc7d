#include "connectors/zip_reader.h"

#include <zip.h>

namespace revarch::connectors {
namespace {

class ZipMemberSource : public ByteSource {
 public:
  explicit ZipMemberSource(zip_file_t* f) : file_(f) {}
  ~ZipMemberSource() override { zip_fclose(file_); }
  ZipMemberSource(const ZipMemberSource&) = delete;
  ZipMemberSource& operator=(const ZipMemberSource&) = delete;

  Result<size_t> read(char* buffer, size_t capacity) override {
    zip_int64_t n = zip_fread(file_, buffer, capacity);
    if (n < 0) {
      return Status(ErrorCode::kIo, std::string("zip read failed: ") +
                                        zip_error_strerror(zip_file_get_error(file_)));
    }
    return static_cast<size_t>(n);
  }

 private:
  zip_file_t* file_;
};

}  // namespace

ZipArchive::ZipArchive(::zip* handle, std::string path) : handle_(handle), path_(std::move(path)) {
  zip_int64_t n = zip_get_num_entries(handle_, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(handle_, static_cast<zip_uint64_t>(i), 0);
    if (name == nullptr) continue;
    std::string s(name);
    if (!s.empty() && s.back() != '/') members_.push_back(std::move(s));
  }
}

Result<ZipArchive> ZipArchive::open(const std::string& path) {
  int err = 0;
  ::zip* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (z == nullptr) {
    zip_error_t ze;
    zip_error_init_with_code(&ze, err);
    std::string msg = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    ErrorCode code = err == ZIP_ER_NOENT   ? ErrorCode::kNotFound
                     : err == ZIP_ER_NOZIP ? ErrorCode::kParse
                                           : ErrorCode::kIo;
    return Status(code, "cannot open ZIP: " + msg, SourceLocation{path});
  }
  return ZipArchive(z, path);
}

ZipArchive::ZipArchive(ZipArchive&& other) noexcept
    : handle_(other.handle_), path_(std::move(other.path_)), members_(std::move(other.members_)) {
  other.handle_ = nullptr;
}

ZipArchive& ZipArchive::operator=(ZipArchive&& other) noexcept {
  if (this != &other) {
    if (handle_) zip_discard(handle_);
    handle_ = other.handle_;
    path_ = std::move(other.path_);
    members_ = std::move(other.members_);
    other.handle_ = nullptr;
  }
  return *this;
}

ZipArchive::~ZipArchive() {
  if (handle_) zip_discard(handle_);
}

Result<std::unique_ptr<ByteSource>> ZipArchive::open_member(const std::string& name) const {
  zip_file_t* f = zip_fopen(handle_, name.c_str(), 0);
  if (f == nullptr) {
    return Status(ErrorCode::kNotFound, "no readable member " + name + " in ZIP",
                  SourceLocation{path_});
  }
  return std::unique_ptr<ByteSource>(std::make_unique<ZipMemberSource>(f));
}

}  // namespace revarch::connectors
