#pragma once
// The one error model of revarch (see docs/architecture.md, "Errors").
//
// Expected failures -- a bad row, a bad expression, an unreadable file, a busy database -- are
// values: a Status, or a Result<T> that holds either a T or a non-ok Status. Bugs are assertions
// (assert / REVARCH_ASSERT), never Statuses. The CLI turns a Status into an exit code through
// cli/exit_codes.h; nothing else maps codes to numbers.
//
// Thread-safety: Status and Result are plain values; distinct objects may be used from distinct
// threads freely.

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "common/source_location.h"

namespace revarch {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  // bad usage: a flag, an argument, a value out of range
  kNotFound,         // a file, record or entity that does not exist
  kParse,            // input that does not follow its grammar (YAML, CSV, JSON, expression)
  kType,             // an expression or value of the wrong type
  kInvalidDesign,    // a design that loads but breaks a rule
  kIo,               // the operating system refused (open, read, write)
  kCorrupt,          // stored data that contradicts itself
  kConflict,         // a write that conflicts with existing data
  kBusy,             // a resource held by someone else (database locked)
  kUnsupported,      // a valid request revarch does not handle
  kInternal,         // an unexpected failure of a library we call
};

/// Short, stable, lower-case name of a code ("parse", "io", ...), used in JSON output.
const char* error_code_name(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message, SourceLocation where = {})
      : code_(code), message_(std::move(message)), where_(std::move(where)) {}

  static Status ok() { return Status(); }

  bool is_ok() const { return code_ == ErrorCode::kOk; }
  explicit operator bool() const { return is_ok(); }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const SourceLocation& where() const { return where_; }

  /// "file:line:col: message" (location parts that are unknown are left out).
  std::string to_string() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  SourceLocation where_;
};

/// Either a value or a non-ok Status. Accessing value() of an error is a bug (asserted).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(data_).is_ok() && "Result built from an ok Status");
  }

  bool is_ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return is_ok(); }

  T& value() & {
    assert(is_ok());
    return std::get<T>(data_);
  }
  const T& value() const& {
    assert(is_ok());
    return std::get<T>(data_);
  }
  T&& value() && {
    assert(is_ok());
    return std::get<T>(std::move(data_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  /// The error; an ok Status when this holds a value.
  Status status() const { return is_ok() ? Status() : std::get<Status>(data_); }

 private:
  std::variant<T, Status> data_;
};

#define REVARCH_CONCAT_INNER(a, b) a##b
#define REVARCH_CONCAT(a, b) REVARCH_CONCAT_INNER(a, b)

/// Returns the Status from the enclosing function when `expr` is not ok.
#define REVARCH_RETURN_IF_ERROR(expr)          \
  do {                                         \
    ::revarch::Status _st = (expr);            \
    if (!_st.is_ok()) return _st;              \
  } while (0)

/// `REVARCH_ASSIGN_OR_RETURN(auto x, f());` -- unwraps a Result or returns its Status.
#define REVARCH_ASSIGN_OR_RETURN(lhs, rexpr) \
  REVARCH_ASSIGN_OR_RETURN_IMPL(REVARCH_CONCAT(_res_, __LINE__), lhs, rexpr)
#define REVARCH_ASSIGN_OR_RETURN_IMPL(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                  \
  if (!tmp.is_ok()) return tmp.status();               \
  lhs = std::move(tmp).value()

}  // namespace revarch
