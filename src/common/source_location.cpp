#include "common/source_location.h"

namespace revarch {

std::string SourceLocation::to_string() const {
  std::string out = file;
  auto sep = [&out](const char* first, const char* later) {
    out.append(out.empty() ? first : later);
  };
  if (line > 0) {
    sep("", ":");
    out.append(std::to_string(line));
    if (column > 0) {
      out.push_back(':');
      out.append(std::to_string(column));
    }
  } else if (row > 0) {
    sep("row ", ": row ");
    out.append(std::to_string(row));
  }
  if (!field.empty()) {
    sep("column '", ", column '");
    out.append(field);
    out.push_back('\'');
  }
  return out;
}

}  // namespace revarch
