#pragma once
// The writers of each source's exports. Each writes its files under `root` (folders already
// exist), records its ground truth in truth/parts/<name>-*.csv, and reports its files and the
// rows it made malformed on purpose. Each reads only the immutable World, so different writers
// may run on different threads.

#include <filesystem>

#include "demo/output.h"
#include "demo/world.h"

namespace revarch::demo {

/// The date in export file names (the day after the world ends).
inline constexpr std::string_view kExportDate = "2026-11-01";

WriterReport write_hubspot(const World& w, const std::filesystem::path& root);     // "hubspot"
WriterReport write_salesforce(const World& w, const std::filesystem::path& root);  // "salesforce"
WriterReport write_cards(const World& w, const std::filesystem::path& root);       // "cards"
WriterReport write_ga4(const World& w, const std::filesystem::path& root);         // "ga4"

/// Writes the HubSpot webhook deliveries (hubspot/webhooks/*.json) into `report`.
void write_hubspot_webhooks(const World& w, const std::filesystem::path& root,
                            WriterReport& report);

/// The HubSpot lifecycle stage label of a person at the end of the world ("Customer", ...).
std::string_view hubspot_lifecycle_label(const Person& p);
/// The internal value of the same stage ("customer", ...).
std::string_view hubspot_lifecycle_value(const Person& p);

}  // namespace revarch::demo
