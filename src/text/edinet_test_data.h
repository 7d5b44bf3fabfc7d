#pragma once
// Test helper: rows of the EDINET extract in shared/data/jp-companies (real company names and
// corporate numbers). Header-only, used by the text tests.

#include <fstream>
#include <string>
#include <vector>

namespace revarch::text::testing {

struct EdinetCompany {
  std::string corporate_number, name, name_kana, name_en;
};

inline std::string edinet_path() {
  return std::string(REVARCH_SHARED_DIR) + "/data/jp-companies/jcn_names.edinet-2024-07-21.csv";
}

/// Splits one CSV record (quotes with "" escapes; no embedded line breaks in this file).
inline std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back().push_back(c);
    }
  }
  return fields;
}

/// Every row; empty when the file is absent.
inline std::vector<EdinetCompany> load_edinet() {
  std::vector<EdinetCompany> out;
  std::ifstream in(edinet_path());
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const std::vector<std::string> f = split_csv_line(line);
    if (f.size() >= 4) out.push_back({f[0], f[1], f[2], f[3]});
  }
  return out;
}

}  // namespace revarch::text::testing
