#pragma once
// Header handling shared by the CSV connectors: matching header cells to a connector's field
// names through alias lists (case-insensitive, NFKC, BOM ignored), the user's column overrides,
// and finding the header row below title lines.

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "connectors/csv_reader.h"

namespace revarch::connectors {

/// Field name -> header spellings that mean it (any case; compared through header_key).
struct FieldAliases {
  std::string_view field;
  std::vector<std::string_view> aliases;
};
using AliasTable = std::vector<FieldAliases>;

/// The comparison form of a header cell: BOM and surrounding quotes/spaces removed, NFKC and
/// the text folds of text::normalize_text, ASCII lower-cased.
std::string header_key(std::string_view cell);

/// Which column holds which field, for one header row.
class ColumnMap {
 public:
  ColumnMap() = default;
  /// `overrides` maps a source header to a field of `aliases` or, failing that, to a property
  /// name the cell is copied to verbatim (trimmed). Overrides win over aliases, except a design
  /// field path (is_design_path: "account.employees") given for a header that is already an
  /// alias: that column keeps its field, whose parsing writes the canonical property the path
  /// reads (the design's `field_mappings` name the source's own columns). The first column
  /// matching a field wins.
  ColumnMap(const std::vector<std::string>& header, const AliasTable& aliases,
            const std::map<std::string, std::string>& overrides);

  /// Column index of `field`, or -1.
  int index(std::string_view field) const;
  bool has(std::string_view field) const { return index(field) >= 0; }
  /// The cell of `field` in `record`; "" when the column is absent or the record is short.
  std::string_view get(const CsvRecord& record, std::string_view field) const;
  /// The header as written in the file (for quarantine column names); "" when out of range.
  const std::string& header_name(int index) const;
  /// Header name of `field`'s column (BOM, quotes and spaces stripped), or `field` itself when
  /// absent. The view points into this map or into `field`.
  std::string_view column_of(std::string_view field) const;
  /// Columns copied verbatim to properties by overrides: (column index, property name).
  const std::vector<std::pair<int, std::string>>& passthrough() const { return passthrough_; }
  /// Number of header cells that matched a field.
  int matched() const { return matched_; }
  size_t width() const { return header_.size(); }
  /// Header keys that are not mapped to anything (for detection of pattern columns).
  const std::vector<std::string>& keys() const { return keys_; }

 private:
  std::vector<std::string> header_;
  std::vector<std::string> stripped_;  // header_ without BOM, quotes and spaces
  std::vector<std::string> keys_;
  std::vector<std::pair<std::string, int>> fields_;
  // Open-addressing index of fields_ by field name (slot holds position + 1; 0 = empty): the
  // connectors look fields up by name for every cell of every row.
  static constexpr size_t kSlots = 128;
  std::array<uint8_t, kSlots> slots_{};
  static size_t slot_of(std::string_view field);
  std::vector<std::pair<int, std::string>> passthrough_;
  int matched_ = 0;
};

/// True for a design field path as `field_mappings` targets are written: "contact.title",
/// "account.name", "deal.amount".
bool is_design_path(std::string_view target);

/// Number of cells of `cells` whose header_key is an alias in `aliases`.
int count_known_headers(const std::vector<std::string>& cells, const AliasTable& aliases);

/// Reads records from `reader` until one has at least `min_matches` known header cells and
/// returns it; nullopt when none of the first `max_scan` records qualifies (or the input ends).
/// Errors of the reader are returned.
Result<std::optional<CsvRecord>> find_header(CsvReader& reader, const AliasTable& aliases,
                                             int min_matches, int max_scan = 20);

}  // namespace revarch::connectors
