#pragma once
// The connectors' public entry points: turn a tool's export file into canonical events
// (store/event.h, store/canonical.h) delivered to an EventSink. docs/connectors.md lists the
// files, headers and variants each source accepts and what each becomes.
//
// Thread-safety: the functions keep no state between calls; distinct calls may run on distinct
// threads with distinct sinks.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "connectors/byte_source.h"
#include "connectors/sink.h"

namespace revarch::connectors {

/// Guesses the source of a file from its name and first bytes (`head`, e.g. 64 KiB): a ZIP is a
/// Salesforce Data Export; JSON with GA4 keys (event_timestamp, user_pseudo_id) is GA4, with
/// HubSpot keys (subscriptionType, properties + createdAt / hs_object_id) HubSpot; a CSV is
/// classified by its header row (HubSpot labels or internal names, Salesforce API names,
/// Sansan / Eight Japanese headers) and, failing that, by a tool name in the file name.
/// nullopt when nothing fits.
std::optional<SourceKind> detect_source(std::string_view path, std::string_view head);

/// Reads one export file and sends its events and quarantined rows to `sink`. `source` nullopt
/// means detect_source. Accepts: HubSpot CSV or JSON, Salesforce object CSV or Data Export
/// ZIP, Sansan / Eight CSV, GA4 NDJSON; any of the text files may be gzip-compressed.
/// Returns ok when the file was read to its end (bad rows are quarantined, not errors);
/// kNotFound / kIo when the file cannot be read, kUnsupported when the source or object cannot
/// be told, kParse when the file is not of the expected format (no header row, broken gzip, a
/// quote never closed). Every error names the path. Events sent before an error stay sent.
Status read_export(const std::string& path, std::optional<SourceKind> source,
                   const ConnectorOptions& options, EventSink& sink);

/// As read_export for bytes already open (fuzzing, benchmarks, webhook bodies). `file_name`
/// serves detection of the object (Salesforce "Lead.csv", HubSpot "...deals...") and is the
/// file label when options.file_label is empty. ZIP input is not accepted here (kUnsupported).
Status read_stream(SourceKind source, std::unique_ptr<ByteSource> bytes,
                   const std::string& file_name, const ConnectorOptions& options, EventSink& sink);

}  // namespace revarch::connectors
