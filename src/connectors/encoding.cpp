#include "connectors/encoding.h"

#include <unicode/ucnv.h>

#include <cstring>
#include <vector>

#include "text/utf8.h"

namespace revarch::connectors {
namespace {

constexpr const char* kCp932Converter = "windows-31j";
constexpr size_t kChunk = 64 * 1024;

bool has_prefix(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
const std::string_view kBomUtf8("\xEF\xBB\xBF", 3);
const std::string_view kBomUtf16Le("\xFF\xFE", 2);
const std::string_view kBomUtf16Be("\xFE\xFF", 2);

// Length of `s` without a UTF-8 sequence cut at its end.
size_t complete_utf8_prefix(std::string_view s) {
  size_t n = s.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    auto c = static_cast<unsigned char>(s[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte: keep looking for the lead
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

bool all_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

struct ConverterDeleter {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterDeleter>;

ConverterPtr open_converter(const char* name) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr c(ucnv_open(name, &err));
  if (U_FAILURE(err)) return nullptr;
  return c;
}

const char* icu_name(Encoding e) {
  switch (e) {
    case Encoding::kUtf16Le: return "UTF-16LE";
    case Encoding::kUtf16Be: return "UTF-16BE";
    case Encoding::kCp932: return kCp932Converter;
    default: return "UTF-8";
  }
}

class DecodingSource : public ByteSource {
 public:
  DecodingSource(std::unique_ptr<ByteSource> inner, std::optional<Encoding> fixed)
      : inner_(std::move(inner)) {
    if (fixed) decide(*fixed);
  }

  Result<size_t> read(char* buffer, size_t capacity) override {
    while (out_pos_ == out_.size() && !finished_) {
      out_.clear();
      out_pos_ = 0;
      REVARCH_RETURN_IF_ERROR(fill());
    }
    size_t n = std::min(capacity, out_.size() - out_pos_);
    std::memcpy(buffer, out_.data() + out_pos_, n);
    out_pos_ += n;
    return n;
  }

 private:
  void decide(Encoding e) {
    encoding_ = e;
    decided_ = true;
    if (e != Encoding::kUtf8 && e != Encoding::kUtf8Bom) {
      source_cnv_ = open_converter(icu_name(e));
      target_cnv_ = open_converter("UTF-8");
      pivot_.resize(1024);
      pivot_source_ = pivot_target_ = pivot_.data();
    }
  }

  // Reads the next raw chunk (appended to the carried bytes) and converts it into out_.
  Status fill() {
    size_t carried = carry_.size();
    carry_.resize(carried + kChunk);
    REVARCH_ASSIGN_OR_RETURN(size_t n, inner_->read(carry_.data() + carried, kChunk));
    carry_.resize(carried + n);
    bool eof = n == 0;
    if (!started_) {
      if (!eof && carry_.size() < 4) return Status::ok();  // need a few bytes for the BOM
      started_ = true;
      strip_bom();
    }
    if (!decided_ && !carry_.empty() && !all_ascii(carry_)) {
      decide(detect_encoding(carry_, eof));
    }
    Status st = decided_ && source_cnv_ ? convert_icu(eof) : pass_utf8(eof);
    if (eof) finished_ = true;
    return st;
  }

  void strip_bom() {
    std::string_view head(carry_);
    if (has_prefix(head, kBomUtf8)) {
      carry_.erase(0, 3);
      decide(Encoding::kUtf8Bom);
    } else if (!decided_ && has_prefix(head, kBomUtf16Le)) {
      carry_.erase(0, 2);
      decide(Encoding::kUtf16Le);
    } else if (!decided_ && has_prefix(head, kBomUtf16Be)) {
      carry_.erase(0, 2);
      decide(Encoding::kUtf16Be);
    }
  }

  Status pass_utf8(bool eof) {
    size_t keep = eof ? carry_.size() : complete_utf8_prefix(carry_);
    std::string_view part(carry_.data(), keep);
    if (text::is_valid_utf8(part)) {
      out_.append(part);
    } else {
      out_ += text::sanitize_utf8(part);
    }
    carry_.erase(0, keep);
    return Status::ok();
  }

  Status convert_icu(bool eof) {
    if (!source_cnv_ || !target_cnv_) {
      return Status(ErrorCode::kInternal,
                    "ICU converter unavailable for " + std::string(encoding_name(encoding_)));
    }
    const char* src = carry_.data();
    const char* src_end = src + carry_.size();
    size_t produced = 0;
    out_.resize(carry_.size() * 3 + 16);
    while (true) {
      char* target = out_.data() + produced;
      UErrorCode err = U_ZERO_ERROR;
      ucnv_convertEx(target_cnv_.get(), source_cnv_.get(), &target, out_.data() + out_.size(), &src,
                     src_end, pivot_.data(), &pivot_source_, &pivot_target_,
                     pivot_.data() + pivot_.size(), false, eof, &err);
      produced = static_cast<size_t>(target - out_.data());
      if (err == U_BUFFER_OVERFLOW_ERROR) {
        out_.resize(out_.size() * 2);
        continue;
      }
      if (U_FAILURE(err)) {
        return Status(ErrorCode::kInternal,
                      std::string("ICU conversion failed: ") + u_errorName(err));
      }
      break;
    }
    out_.resize(produced);
    carry_.clear();  // ICU keeps a cut multi-byte sequence inside the converter
    return Status::ok();
  }

  std::unique_ptr<ByteSource> inner_;
  std::string carry_;
  std::string out_;
  size_t out_pos_ = 0;
  bool started_ = false;
  bool decided_ = false;
  bool finished_ = false;
  Encoding encoding_ = Encoding::kUtf8;
  ConverterPtr source_cnv_;
  ConverterPtr target_cnv_;
  std::vector<UChar> pivot_;
  UChar* pivot_source_ = nullptr;
  UChar* pivot_target_ = nullptr;
};

}  // namespace

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kUtf8Bom: return "utf-8-bom";
    case Encoding::kUtf16Le: return "utf-16le";
    case Encoding::kUtf16Be: return "utf-16be";
    case Encoding::kCp932: return "cp932";
  }
  return "unknown";
}

Encoding detect_encoding(std::string_view head, bool complete) {
  if (has_prefix(head, kBomUtf8)) return Encoding::kUtf8Bom;
  if (has_prefix(head, kBomUtf16Le)) return Encoding::kUtf16Le;
  if (has_prefix(head, kBomUtf16Be)) return Encoding::kUtf16Be;
  std::string_view body = complete ? head : head.substr(0, complete_utf8_prefix(head));
  return text::is_valid_utf8(body) ? Encoding::kUtf8 : Encoding::kCp932;
}

std::unique_ptr<ByteSource> utf8_decoding_source(std::unique_ptr<ByteSource> inner) {
  return std::make_unique<DecodingSource>(std::move(inner), std::nullopt);
}

std::unique_ptr<ByteSource> utf8_decoding_source(std::unique_ptr<ByteSource> inner,
                                                 Encoding encoding) {
  return std::make_unique<DecodingSource>(std::move(inner), encoding);
}

Result<std::string> to_utf8(std::string_view bytes) {
  auto src = utf8_decoding_source(memory_source(bytes));
  std::string out;
  char buf[16 * 1024];
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(size_t n, src->read(buf, sizeof buf));
    if (n == 0) break;
    out.append(buf, n);
  }
  return out;
}

Result<std::string> utf8_to_cp932(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  int32_t n = ucnv_convert(kCp932Converter, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  if (U_FAILURE(err)) {
    return Status(ErrorCode::kInternal, std::string("ICU conversion failed: ") + u_errorName(err));
  }
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace revarch::connectors
