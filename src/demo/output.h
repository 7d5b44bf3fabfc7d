#pragma once
// Streaming writers for the demo exports: CSV (UTF-8, UTF-8 with BOM, or CP932; every field
// quoted or only where needed) and gzip text. Each holds one buffer of about 1 MB, so memory does
// not grow with the file. What each writer produced is reported as a FileStats.
//
// Thread-safety: a writer is used by one thread; distinct writers are independent.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "demo/cp932.h"

typedef struct gzFile_s* gzFile;

namespace revarch::demo {

/// One output file: its path relative to the world's folder, data rows (or events) and bytes.
struct FileStats {
  std::string path;
  uint64_t rows = 0;
  uint64_t bytes = 0;
};

/// A row that is malformed on purpose; `row` is the 1-based data row (header excluded).
struct Malformed {
  std::string path;
  uint64_t row = 0;
  std::string reason;
};

/// What a writer produced.
struct WriterReport {
  std::vector<FileStats> files;
  std::vector<Malformed> malformed;
  Status status;
};

enum class Encoding { kUtf8, kUtf8Bom, kCp932 };
enum class Quoting { kAll, kMinimal };

class CsvWriter {
 public:
  /// Opens `root/rel` for writing (the folder must exist). kIo when it cannot be created.
  static Result<std::unique_ptr<CsvWriter>> open(const std::filesystem::path& root, std::string rel,
                                                 Encoding enc, Quoting quoting,
                                                 std::string_view newline = "\r\n");
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  /// A line written as is (plus the newline), not counted as a row: preambles before a header.
  void line(std::string_view text);
  /// The header row (not counted as a data row).
  void header(std::initializer_list<std::string_view> names);
  void header(const std::vector<std::string_view>& names);
  /// Appends one field to the current row.
  CsvWriter& field(std::string_view value);
  CsvWriter& field(uint64_t value);
  /// Ends the current row and counts it.
  void end_row();
  /// Writes bytes exactly as given (encoded, no newline added) and counts a row: for
  /// deliberately malformed rows.
  void raw_row(std::string_view text);
  /// Data rows so far.
  uint64_t rows() const { return rows_; }
  const std::string& rel() const { return rel_; }
  /// Flushes and closes; the stats of the file. kIo on a write failure.
  Result<FileStats> close();

 private:
  CsvWriter(std::FILE* f, std::string rel, Encoding enc, Quoting quoting, std::string_view nl);
  void emit(std::string_view utf8);
  void flush_if_full();

  std::FILE* file_;
  std::string rel_;
  Encoding enc_;
  Quoting quoting_;
  std::string newline_;
  std::string row_;
  bool row_empty_ = true;
  std::string out_;
  uint64_t rows_ = 0;
  uint64_t bytes_ = 0;
  bool failed_ = false;
  std::unique_ptr<Cp932Codec> codec_;
};

/// Gzip-compressed text (level 1: the large world is mostly GA4 events).
class GzipWriter {
 public:
  static Result<std::unique_ptr<GzipWriter>> open(const std::filesystem::path& root,
                                                  std::string rel);
  ~GzipWriter();
  GzipWriter(const GzipWriter&) = delete;
  GzipWriter& operator=(const GzipWriter&) = delete;

  /// Appends a line (a newline is added) and counts it.
  void line(std::string_view text);
  /// Flushes and closes; bytes are the compressed size. kIo on failure.
  Result<FileStats> close();

 private:
  GzipWriter(gzFile f, std::filesystem::path full, std::string rel);
  gzFile file_;
  std::filesystem::path full_;
  std::string rel_;
  std::string buf_;
  uint64_t rows_ = 0;
  bool failed_ = false;
};

/// Writes `text` to `root/rel` at once (small JSON files). kIo on failure.
Result<FileStats> write_small_file(const std::filesystem::path& root, std::string rel,
                                   std::string_view text, uint64_t rows);

/// `text` with JSON string escaping (quotes, backslash, control characters), without quotes.
void append_json_escaped(std::string_view text, std::string* out);

}  // namespace revarch::demo
