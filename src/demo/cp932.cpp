#include "demo/cp932.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#include <cassert>

namespace revarch::demo {

Cp932Codec::Cp932Codec() {
  UErrorCode err = U_ZERO_ERROR;
  conv_ = ucnv_open("windows-31j", &err);
  assert(U_SUCCESS(err) && "ICU lacks the windows-31j converter");
  err = U_ZERO_ERROR;
  ucnv_setFromUCallBack(conv_, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  err = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv_, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
}

Cp932Codec::~Cp932Codec() {
  ucnv_close(conv_);
}

Status Cp932Codec::encode(std::string_view utf8, std::string* out) {
  if (utf8.empty()) return Status::ok();
  UErrorCode err = U_ZERO_ERROR;
  int32_t len16 = 0;
  scratch_.resize(utf8.size() + 1);
  u_strFromUTF8(scratch_.data(), static_cast<int32_t>(scratch_.size()), &len16, utf8.data(),
                static_cast<int32_t>(utf8.size()), &err);
  if (U_FAILURE(err)) return Status(ErrorCode::kInvalidArgument, "invalid UTF-8");
  const size_t start = out->size();
  out->resize(start + static_cast<size_t>(len16) * 2 + 2);
  err = U_ZERO_ERROR;
  ucnv_reset(conv_);
  int32_t n = ucnv_fromUChars(conv_, out->data() + start, static_cast<int32_t>(out->size() - start),
                              scratch_.data(), len16, &err);
  if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING) {
    out->resize(start);
    return Status(ErrorCode::kInvalidArgument, "a character has no CP932 encoding");
  }
  out->resize(start + static_cast<size_t>(n));
  return Status::ok();
}

bool Cp932Codec::representable(std::string_view utf8) {
  std::string tmp;
  return encode(utf8, &tmp).is_ok();
}

Result<std::string> Cp932Codec::decode(std::string_view cp932) {
  std::u16string wide(cp932.size() + 1, u'\0');
  UErrorCode err = U_ZERO_ERROR;
  ucnv_reset(conv_);
  int32_t n = ucnv_toUChars(conv_, wide.data(), static_cast<int32_t>(wide.size()), cp932.data(),
                            static_cast<int32_t>(cp932.size()), &err);
  if (U_FAILURE(err)) return Status(ErrorCode::kParse, "bytes that are not CP932");
  std::string out(static_cast<size_t>(n) * 3 + 1, '\0');
  int32_t len8 = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &len8, wide.data(), n, &err);
  if (U_FAILURE(err)) return Status(ErrorCode::kInternal, "UTF-16 to UTF-8 failed");
  out.resize(static_cast<size_t>(len8));
  return out;
}

}  // namespace revarch::demo
