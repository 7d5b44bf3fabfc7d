#include "demo/output.h"

#include <fmt/format.h>
#include <zlib.h>

namespace revarch::demo {
namespace {

constexpr size_t kFlushAt = 1 << 20;

bool needs_quotes(std::string_view v) {
  return v.find_first_of(",\"\r\n") != std::string_view::npos || (!v.empty() && v.front() == ' ');
}

}  // namespace

Result<std::unique_ptr<CsvWriter>> CsvWriter::open(const std::filesystem::path& root,
                                                   std::string rel, Encoding enc, Quoting quoting,
                                                   std::string_view newline) {
  const std::filesystem::path full = root / rel;
  std::FILE* f = std::fopen(full.c_str(), "wb");
  if (f == nullptr) return Status(ErrorCode::kIo, "cannot create " + full.string());
  return std::unique_ptr<CsvWriter>(new CsvWriter(f, std::move(rel), enc, quoting, newline));
}

CsvWriter::CsvWriter(std::FILE* f, std::string rel, Encoding enc, Quoting quoting,
                     std::string_view nl)
    : file_(f), rel_(std::move(rel)), enc_(enc), quoting_(quoting), newline_(nl) {
  if (enc_ == Encoding::kCp932) codec_ = std::make_unique<Cp932Codec>();
  if (enc_ == Encoding::kUtf8Bom) out_ = "\xEF\xBB\xBF";
}

CsvWriter::~CsvWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

void CsvWriter::emit(std::string_view utf8) {
  if (codec_) {
    // Names and vocabulary are chosen to be CP932-encodable; a failure is a bug.
    Status st = codec_->encode(utf8, &out_);
    if (!st.is_ok()) failed_ = true;
  } else {
    out_.append(utf8);
  }
}

void CsvWriter::flush_if_full() {
  if (out_.size() < kFlushAt) return;
  if (std::fwrite(out_.data(), 1, out_.size(), file_) != out_.size()) failed_ = true;
  bytes_ += out_.size();
  out_.clear();
}

void CsvWriter::line(std::string_view text) {
  emit(text);
  out_ += newline_;
}

void CsvWriter::header(std::initializer_list<std::string_view> names) {
  header(std::vector<std::string_view>(names));
}

void CsvWriter::header(const std::vector<std::string_view>& names) {
  for (std::string_view n : names) field(n);
  emit(row_);
  out_ += newline_;
  row_.clear();
  row_empty_ = true;
}

CsvWriter& CsvWriter::field(std::string_view v) {
  if (!row_empty_) row_ += ',';
  row_empty_ = false;
  if (quoting_ == Quoting::kAll || needs_quotes(v)) {
    row_ += '"';
    for (char ch : v) {
      if (ch == '"') row_ += '"';
      row_ += ch;
    }
    row_ += '"';
  } else {
    row_ += v;
  }
  return *this;
}

CsvWriter& CsvWriter::field(uint64_t v) {
  return field(fmt::format("{}", v));
}

void CsvWriter::end_row() {
  emit(row_);
  out_ += newline_;
  row_.clear();
  row_empty_ = true;
  ++rows_;
  flush_if_full();
}

void CsvWriter::raw_row(std::string_view text) {
  emit(text);
  ++rows_;
  flush_if_full();
}

Result<FileStats> CsvWriter::close() {
  if (!out_.empty() && std::fwrite(out_.data(), 1, out_.size(), file_) != out_.size())
    failed_ = true;
  bytes_ += out_.size();
  out_.clear();
  if (std::fclose(file_) != 0) failed_ = true;
  file_ = nullptr;
  if (failed_) return Status(ErrorCode::kIo, "failed to write " + rel_);
  return FileStats{rel_, rows_, bytes_};
}

Result<std::unique_ptr<GzipWriter>> GzipWriter::open(const std::filesystem::path& root,
                                                     std::string rel) {
  std::filesystem::path full = root / rel;
  gzFile f = gzopen(full.c_str(), "wb1");
  if (f == nullptr) return Status(ErrorCode::kIo, "cannot create " + full.string());
  return std::unique_ptr<GzipWriter>(new GzipWriter(f, std::move(full), std::move(rel)));
}

GzipWriter::GzipWriter(gzFile f, std::filesystem::path full, std::string rel)
    : file_(f), full_(std::move(full)), rel_(std::move(rel)) {}

GzipWriter::~GzipWriter() {
  if (file_ != nullptr) gzclose(file_);
}

void GzipWriter::line(std::string_view text) {
  buf_.append(text);
  buf_ += '\n';
  ++rows_;
  if (buf_.size() >= kFlushAt) {
    if (gzwrite(file_, buf_.data(), static_cast<unsigned>(buf_.size())) <= 0) failed_ = true;
    buf_.clear();
  }
}

Result<FileStats> GzipWriter::close() {
  if (!buf_.empty() && gzwrite(file_, buf_.data(), static_cast<unsigned>(buf_.size())) <= 0) {
    failed_ = true;
  }
  if (gzclose(file_) != Z_OK) failed_ = true;
  file_ = nullptr;
  if (failed_) return Status(ErrorCode::kIo, "failed to write " + rel_);
  std::error_code ec;
  const auto size = std::filesystem::file_size(full_, ec);
  if (ec) return Status(ErrorCode::kIo, "cannot stat " + full_.string());
  return FileStats{rel_, rows_, size};
}

Result<FileStats> write_small_file(const std::filesystem::path& root, std::string rel,
                                   std::string_view text, uint64_t rows) {
  const std::filesystem::path full = root / rel;
  std::FILE* f = std::fopen(full.c_str(), "wb");
  if (f == nullptr) return Status(ErrorCode::kIo, "cannot create " + full.string());
  const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  if (std::fclose(f) != 0 || !ok) return Status(ErrorCode::kIo, "failed to write " + full.string());
  return FileStats{std::move(rel), rows, text.size()};
}

void append_json_escaped(std::string_view text, std::string* out) {
  for (char ch : text) {
    switch (ch) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20) {
          *out += fmt::format("\\u{:04x}", static_cast<unsigned char>(ch));
        } else {
          *out += ch;
        }
    }
  }
}

}  // namespace revarch::demo
