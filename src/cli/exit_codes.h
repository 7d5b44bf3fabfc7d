#pragma once
// The one table from outcomes to process exit codes (PRODUCT.md §5).

#include "common/status.h"

namespace revarch::cli {

inline constexpr int kExitOk = 0;        // success; warnings allowed
inline constexpr int kExitFindings = 1;  // the input was read, and has errors (design errors,
                                         // quarantined rows)
inline constexpr int kExitUsage = 2;     // bad usage, or input that could not be read at all
inline constexpr int kExitInternal = 3;  // a failure of revarch itself or the machine

/// Exit code for a failed Status.
inline int exit_code_for(const Status& s) {
  switch (s.code()) {
    case ErrorCode::kOk: return kExitOk;
    case ErrorCode::kInvalidDesign:
    case ErrorCode::kType:
      return kExitFindings;
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kNotFound:
    case ErrorCode::kParse:
    case ErrorCode::kIo:
    case ErrorCode::kUnsupported:
      return kExitUsage;
    case ErrorCode::kCorrupt:
    case ErrorCode::kConflict:
    case ErrorCode::kBusy:
    case ErrorCode::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace revarch::cli
