#pragma once
// A streaming RFC 4180 CSV reader over UTF-8 text (wrap raw files with utf8_decoding_source).
//
// Accepts quoted fields with "" escapes and line breaks inside quotes, CRLF / LF / CR line ends
// and a missing final line end. Memory is bounded by the chunk size plus the longest record; a
// record longer than CsvOptions::max_record_bytes is an error. Lenient where exports are sloppy:
// a quote inside an unquoted field is kept as text, text after a closing quote is appended (and
// the record is flagged). Not thread-safe.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "connectors/byte_source.h"

namespace revarch::connectors {

struct CsvOptions {
  char delimiter = ',';
  size_t max_record_bytes = 16 * 1024 * 1024;
  size_t chunk_bytes = 64 * 1024;
};

struct CsvRecord {
  std::vector<std::string> fields;
  int64_t line = 0;    // 1-based physical line where the record starts
  int64_t record = 0;  // 1-based index of the record in the file (title and header lines count)
  bool malformed_quotes = false;  // text followed a closing quote somewhere in the record
  /// The record re-joined with the delimiter (for quarantine "raw" values).
  std::string joined(char delimiter = ',') const;
};

class CsvReader {
 public:
  /// `text` must yield UTF-8 (or any ASCII-compatible encoding).
  explicit CsvReader(std::unique_ptr<ByteSource> text, CsvOptions options = {});

  /// Reads the next record into `out` (its vectors are reused). Returns true when a record was
  /// read, false at the end of input, or an error: kParse for a record over the size limit or a
  /// quote left open at the end of input (with the line where the record started), kIo from the
  /// source. Blank lines are skipped.
  Result<bool> next(CsvRecord& out);

  /// Physical line count consumed so far.
  int64_t lines_read() const { return line_; }

 private:
  bool fill();  // false at end of input; sets status_ on a read error
  std::unique_ptr<ByteSource> text_;
  CsvOptions options_;
  std::string buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  bool pending_cr_ = false;  // a CR ended the previous chunk: swallow a leading LF
  Status status_;
  int64_t line_ = 1;
  int64_t record_ = 0;
};

}  // namespace revarch::connectors
