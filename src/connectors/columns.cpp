#include "connectors/columns.h"

#include <cassert>

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

// The header_key of every field name and alias of a table, computed once per use of the table.
class AliasKeys {
 public:
  explicit AliasKeys(const AliasTable& table) {
    for (const auto& fa : table) {
      keys_.emplace_back(header_key(fa.field), &fa);
      for (std::string_view a : fa.aliases) keys_.emplace_back(header_key(a), &fa);
    }
  }
  // The first field (in table order) whose name or an alias has `key`.
  const FieldAliases* find(const std::string& key) const {
    for (const auto& [k, fa] : keys_) {
      if (k == key) return fa;
    }
    return nullptr;
  }

 private:
  std::vector<std::pair<std::string, const FieldAliases*>> keys_;
};

}  // namespace

bool is_design_path(std::string_view target) {
  for (std::string_view prefix : {"contact.", "account.", "deal."}) {
    if (target.size() > prefix.size() && target.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

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
  const AliasKeys alias_keys(aliases);
  for (const std::string& h : header) stripped_.emplace_back(strip(h));
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
    std::string_view field;
    const FieldAliases* own = alias_keys.find(key);
    if (target != nullptr && own != nullptr && is_design_path(*target)) {
      // A design's field mapping of a column the connector reads itself ("NumberOfEmployees:
      // account.employees"): the connector's parsing already writes the canonical property the
      // design path reads, so the mapping confirms the column rather than re-routing it.
      target = nullptr;
    }
    if (target != nullptr) {
      const FieldAliases* fa = alias_keys.find(header_key(*target));
      if (fa == nullptr) {
        passthrough_.emplace_back(col, *target);
        ++matched_;
        continue;
      }
      field = fa->field;
    } else if (own != nullptr) {
      field = own->field;
    } else {
      continue;
    }
    ++matched_;
    if (index(field) >= 0) continue;
    fields_.emplace_back(std::string(field), col);
    assert(fields_.size() < kSlots && "more fields than index slots");
    size_t slot = slot_of(field);
    while (slots_[slot] != 0) slot = (slot + 1) % kSlots;
    slots_[slot] = static_cast<uint8_t>(fields_.size());
  }
}

size_t ColumnMap::slot_of(std::string_view field) {
  // Length and three characters: cheap, and distinct enough for a few dozen field names
  // (collisions only cost a probe).
  if (field.empty()) return 0;
  const auto at = [&](size_t i) {
    return static_cast<size_t>(static_cast<unsigned char>(field[i]));
  };
  return (field.size() * 31 + at(0) * 7 + at(field.size() / 2) * 3 + at(field.size() - 1)) % kSlots;
}

int ColumnMap::index(std::string_view field) const {
  for (size_t slot = slot_of(field); slots_[slot] != 0; slot = (slot + 1) % kSlots) {
    const auto& [f, i] = fields_[slots_[slot] - 1];
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

std::string_view ColumnMap::column_of(std::string_view field) const {
  int i = index(field);
  return i >= 0 ? std::string_view(stripped_[static_cast<size_t>(i)]) : field;
}

namespace {
int count_known(const std::vector<std::string>& cells, const AliasKeys& keys) {
  int n = 0;
  for (const auto& c : cells) {
    if (keys.find(header_key(c)) != nullptr) ++n;
  }
  return n;
}
}  // namespace

int count_known_headers(const std::vector<std::string>& cells, const AliasTable& aliases) {
  return count_known(cells, AliasKeys(aliases));
}

Result<std::optional<CsvRecord>> find_header(CsvReader& reader, const AliasTable& aliases,
                                             int min_matches, int max_scan) {
  const AliasKeys keys(aliases);
  CsvRecord rec;
  for (int i = 0; i < max_scan; ++i) {
    REVARCH_ASSIGN_OR_RETURN(bool more, reader.next(rec));
    if (!more) break;
    if (count_known(rec.fields, keys) >= min_matches) {
      return std::optional<CsvRecord>(std::move(rec));
    }
  }
  return std::optional<CsvRecord>();
}

}  // namespace revarch::connectors
