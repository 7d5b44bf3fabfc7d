#include "connectors/columns.h"

#include "text/japanese.h"

namespace revarch::connectors {
namespace {

std::string_view strip(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && (s.front() == ' ' || s.front() == '"' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

const FieldAliases* find_alias(const AliasTable& table, const std::string& key) {
  for (const auto& fa : table) {
    if (header_key(fa.field) == key) return &fa;
    for (std::string_view a : fa.aliases) {
      if (header_key(a) == key) return &fa;
    }
  }
  return nullptr;
}

}  // namespace

std::string header_key(std::string_view cell) {
  std::string s = text::normalize_text(strip(cell));
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

ColumnMap::ColumnMap(const std::vector<std::string>& header, const AliasTable& aliases,
                     const std::map<std::string, std::string>& overrides)
    : header_(header) {
  std::vector<std::pair<std::string, std::string>> override_keys;
  for (const auto& [from, to] : overrides) override_keys.emplace_back(header_key(from), to);
  for (size_t i = 0; i < header.size(); ++i) {
    keys_.push_back(header_key(header[i]));
    const std::string& key = keys_.back();
    int col = static_cast<int>(i);
    const std::string* target = nullptr;
    for (const auto& [k, to] : override_keys) {
      if (k == key) target = &to;
    }
    std::string field;
    if (target != nullptr) {
      const FieldAliases* fa = find_alias(aliases, header_key(*target));
      if (fa == nullptr) {
        passthrough_.emplace_back(col, *target);
        ++matched_;
        continue;
      }
      field = std::string(fa->field);
    } else if (const FieldAliases* fa = find_alias(aliases, key)) {
      field = std::string(fa->field);
    } else {
      continue;
    }
    ++matched_;
    if (index(field) < 0) fields_.emplace_back(std::move(field), col);
  }
}

int ColumnMap::index(std::string_view field) const {
  for (const auto& [f, i] : fields_) {
    if (f == field) return i;
  }
  return -1;
}

std::string_view ColumnMap::get(const CsvRecord& record, std::string_view field) const {
  int i = index(field);
  if (i < 0 || static_cast<size_t>(i) >= record.fields.size()) return {};
  return record.fields[static_cast<size_t>(i)];
}

const std::string& ColumnMap::header_name(int index) const {
  static const std::string kEmpty;
  if (index < 0 || static_cast<size_t>(index) >= header_.size()) return kEmpty;
  return header_[static_cast<size_t>(index)];
}

std::string ColumnMap::column_of(std::string_view field) const {
  int i = index(field);
  return i >= 0 ? std::string(strip(header_name(i))) : std::string(field);
}

int count_known_headers(const std::vector<std::string>& cells, const AliasTable& aliases) {
  int n = 0;
  for (const auto& c : cells) {
    if (find_alias(aliases, header_key(c)) != nullptr) ++n;
  }
  return n;
}

Result<std::optional<CsvRecord>> find_header(CsvReader& reader, const AliasTable& aliases,
                                             int min_matches, int max_scan) {
  CsvRecord rec;
  for (int i = 0; i < max_scan; ++i) {
    REVARCH_ASSIGN_OR_RETURN(bool more, reader.next(rec));
    if (!more) break;
    if (count_known_headers(rec.fields, aliases) >= min_matches) {
      return std::optional<CsvRecord>(std::move(rec));
    }
  }
  return std::optional<CsvRecord>();
}

}  // namespace revarch::connectors
