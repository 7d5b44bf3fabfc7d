#pragma once
// Internal: Salesforce objects, headers and id handling shared by the record and history readers.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/columns.h"
#include "connectors/values.h"

namespace revarch::connectors::salesforce {

enum class Object { kLead, kContact, kAccount, kOpportunity, kOpportunityHistory, kTask, kEvent };

const char* object_name(Object o);  // "Lead", "Contact", ...

/// API-name headers (the field names are the API names, lower-case).
const AliasTable& aliases();

/// From a file or ZIP member name: the stem equal to an object name, or starting with it and a
/// non-letter ("Lead.csv", "Opportunity_2024.csv"); nullopt otherwise.
std::optional<Object> object_from_name(std::string_view file_name);
/// From the columns present; nullopt when they fit no object.
std::optional<Object> object_from_columns(const ColumnMap& columns);

/// The 18-character id of a cell; the trimmed raw value with a note when it is not a valid
/// Salesforce id; "" for a blank cell.
std::string id18(std::string_view raw, const RowContext& ctx, std::string_view column);

/// The entity kind of an id by its key prefix (001 account, 003/00Q contact, 006 deal, 005
/// owner); nullopt for other objects.
std::optional<EntityKind> kind_of_id(std::string_view id);

/// Emits one record of a non-history object.
void emit_record(Object object, const ColumnMap& columns, const CsvRecord& record,
                 const RowContext& ctx);

/// Buffers OpportunityHistory rows of one file and emits deal.stage_changed events on finish().
/// Rows are kept per opportunity (a few fields each) until the file ends, because the previous
/// stage is only known once all rows of the opportunity are ordered by CreatedDate; memory grows
/// with the history file (modest: one row per change), not with other files.
class HistoryBuffer {
 public:
  void add(const ColumnMap& columns, const CsvRecord& record, const RowContext& ctx);
  void finish(const RowContext& ctx);

 private:
  struct Row {
    std::string id;
    int64_t created_ms = 0;
    std::string tz;
    std::string stage;
    Properties props;
    int64_t row = 0;
  };
  std::vector<std::string> order_;
  std::map<std::string, std::vector<Row>> by_opportunity_;
};

}  // namespace revarch::connectors::salesforce
