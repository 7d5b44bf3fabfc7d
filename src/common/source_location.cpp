#include "common/source_location.h"

namespace revarch {

std::string SourceLocation::to_string() const {
  std::string out = file;
  if (line > 0) {
    out += (out.empty() ? "" : ":") + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  } else if (row > 0) {
    out += (out.empty() ? "row " : ": row ") + std::to_string(row);
  }
  if (!field.empty()) out += (out.empty() ? "column '" : ", column '") + field + "'";
  return out;
}

}  // namespace revarch
