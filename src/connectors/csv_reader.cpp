#include "connectors/csv_reader.h"

namespace revarch::connectors {

std::string CsvRecord::joined(char delimiter) const {
  std::string s;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) s.push_back(delimiter);
    s += fields[i];
  }
  return s;
}

CsvReader::CsvReader(std::unique_ptr<ByteSource> text, CsvOptions options)
    : text_(std::move(text)), options_(options) {}

bool CsvReader::fill() {
  if (eof_) return false;
  buffer_.resize(options_.chunk_bytes);
  Result<size_t> n = text_->read(buffer_.data(), buffer_.size());
  if (!n.is_ok()) {
    status_ = n.status();
    eof_ = true;
    return false;
  }
  if (*n == 0) {
    eof_ = true;
    return false;
  }
  pos_ = 0;
  end_ = *n;
  return true;
}

Result<bool> CsvReader::next(CsvRecord& out) {
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteSeen };
  // The strings of `out.fields` are reused from record to record (no allocation per cell once
  // they have grown); `count` of them are in use.
  size_t count = 0;
  auto next_field = [&]() -> std::string& {
    if (count == out.fields.size()) out.fields.emplace_back();
    std::string& f = out.fields[count++];
    f.clear();
    return f;
  };
  out.malformed_quotes = false;
  State st = State::kFieldStart;
  std::string* field = &next_field();
  size_t bytes = 0;
  bool started = false;
  bool prev_cr = false;
  int64_t start_line = line_;
  const char delim = options_.delimiter;

  auto finish_field = [&] { field = &next_field(); };
  auto finish_record = [&] { out.fields.resize(count); };
  auto too_long = [&] {
    return Status(ErrorCode::kParse,
                  "record longer than " + std::to_string(options_.max_record_bytes) + " bytes",
                  SourceLocation{"", static_cast<int>(start_line)});
  };

  while (true) {
    if (pos_ == end_ && !fill()) {
      if (!status_.is_ok()) return status_;
      break;
    }
    char c = buffer_[pos_];
    if (pending_cr_) {
      pending_cr_ = false;
      if (c == '\n') {
        ++pos_;
        continue;
      }
    }
    if (st == State::kUnquoted || st == State::kQuoted) {  // fast path over plain text
      size_t run = pos_;
      while (run < end_) {
        char d = buffer_[run];
        if (d == '"' || d == '\n' || d == '\r' || (st == State::kUnquoted && d == delim)) break;
        ++run;
      }
      if (run > pos_) {
        bytes += run - pos_;
        if (bytes > options_.max_record_bytes) return too_long();
        field->append(buffer_, pos_, run - pos_);
        pos_ = run;
        prev_cr = false;
        continue;
      }
    }
    ++pos_;
    if (++bytes > options_.max_record_bytes) return too_long();
    bool newline = c == '\n' || c == '\r';
    if (st == State::kQuoted) {
      if (c == '"') {
        st = State::kQuoteSeen;
      } else {
        field->push_back(c);
        if (c == '\r' || (c == '\n' && !prev_cr)) ++line_;
      }
      prev_cr = c == '\r';
      continue;
    }
    prev_cr = false;
    if (newline) {
      ++line_;
      if (c == '\r') pending_cr_ = true;
      if (!started && count == 1 && st == State::kFieldStart) {
        start_line = line_;  // blank line
        bytes = 0;
        continue;
      }
      finish_record();
      out.line = start_line;
      out.record = ++record_;
      return true;
    }
    started = true;
    if (c == delim) {
      finish_field();
      st = State::kFieldStart;
      continue;
    }
    switch (st) {
      case State::kFieldStart:
        if (c == '"') {
          st = State::kQuoted;
        } else {
          field->push_back(c);
          st = State::kUnquoted;
        }
        break;
      case State::kQuoteSeen:
        if (c == '"') {
          field->push_back('"');
          st = State::kQuoted;
        } else {
          out.malformed_quotes = true;
          field->push_back(c);
          st = State::kUnquoted;
        }
        break;
      default:  // kUnquoted: a stray quote is kept as text
        field->push_back(c);
        break;
    }
  }
  if (st == State::kQuoted) {
    return Status(ErrorCode::kParse, "quoted field not closed before the end of the file",
                  SourceLocation{"", static_cast<int>(start_line)});
  }
  if (!started && count == 1) {
    out.fields.clear();
    return false;
  }
  finish_record();
  out.line = start_line;
  out.record = ++record_;
  return true;
}

}  // namespace revarch::connectors
