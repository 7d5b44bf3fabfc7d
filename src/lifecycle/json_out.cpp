#include "lifecycle/json_out.h"

#include <cstdio>

namespace revarch::lifecycle {

void JsonOut::separate() {
  if (!first_) out_ += ',';
  first_ = false;
}

JsonOut& JsonOut::begin_object() {
  separate();
  out_ += '{';
  first_ = true;
  return *this;
}
JsonOut& JsonOut::end_object() {
  out_ += '}';
  first_ = false;
  return *this;
}
JsonOut& JsonOut::begin_array() {
  separate();
  out_ += '[';
  first_ = true;
  return *this;
}
JsonOut& JsonOut::end_array() {
  out_ += ']';
  first_ = false;
  return *this;
}

JsonOut& JsonOut::key(std::string_view k) {
  separate();
  string(k);
  out_ += ':';
  first_ = true;  // the value that follows takes no comma
  return *this;
}

JsonOut& JsonOut::value(std::string_view s) {
  separate();
  string(s);
  return *this;
}
JsonOut& JsonOut::value(bool b) {
  separate();
  out_ += b ? "true" : "false";
  return *this;
}
JsonOut& JsonOut::value(int64_t n) {
  separate();
  out_ += std::to_string(n);
  return *this;
}

void JsonOut::string(std::string_view s) {
  out_ += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out_ += buf;
        } else {
          out_ += ch;
        }
    }
  }
  out_ += '"';
}

}  // namespace revarch::lifecycle
