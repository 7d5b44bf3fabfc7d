#pragma once
// Internal: HubSpot row handling shared by the CSV export and the API-JSON readers.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "connectors/columns.h"
#include "connectors/values.h"

namespace revarch::connectors::hubspot {

enum class Object { kContact, kCompany, kDeal };

/// HubSpot's header labels and internal names, per field (docs/connectors.md lists them).
const AliasTable& aliases();

/// The object from a file name ("...contacts...", "...companies...", "...deals..."), else from
/// the mapped columns (deal fields -> deal; company fields without person fields -> company;
/// otherwise contact).
Object detect_object(std::string_view file_name, const ColumnMap& columns);

/// Label or internal value -> HubSpot's internal value for the default enumerations
/// ("Marketing Qualified Lead" -> "marketingqualifiedlead", "In Progress" -> "IN_PROGRESS",
/// "Closed Won" -> "closedwon", "Offline Sources" -> "OFFLINE"); other values trimmed as given.
std::string lifecycle_value(std::string_view v);
std::string lead_status_value(std::string_view v);
std::string source_value(std::string_view v);
std::string deal_stage_value(std::string_view v);
std::string pipeline_value(std::string_view v);

/// The stage a stage-date column stands for ("Became a Lead Date" -> "lead",
/// "hs_lifecyclestage_customer_date" -> "customer", "hs_v2_date_entered_opportunity",
/// "hs_date_entered_closedwon" -> ...), or "" when the column is not a stage date.
std::string stage_of_date_column(std::string_view header_key);

/// The stage-date columns of a header: (column index, stage) in column order.
using StageColumns = std::vector<std::pair<size_t, std::string>>;
StageColumns stage_columns(const ColumnMap& columns);

/// Emits the events of one record (record.upsert plus stage changes) to ctx.sink. Drops the
/// row (quarantine) when it has no record id, no e-mail and no name. `stages` must be
/// stage_columns(columns) (computed once per header).
void emit_row(const ColumnMap& columns, const StageColumns& stages, const CsvRecord& record,
              Object object, const RowContext& ctx);
/// As above, computing the stage columns (for a header used once).
void emit_row(const ColumnMap& columns, const CsvRecord& record, Object object,
              const RowContext& ctx);

}  // namespace revarch::connectors::hubspot
