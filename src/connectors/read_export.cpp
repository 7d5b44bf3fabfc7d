#include <algorithm>

#include "connectors/connector_impl.h"
#include "connectors/connectors.h"
#include "connectors/encoding.h"
#include "connectors/salesforce.h"

namespace revarch::connectors {
namespace {

constexpr size_t kHeadBytes = 64 * 1024;

bool contains(std::string_view s, std::string_view what) {
  return s.find(what) != std::string_view::npos;
}

bool looks_json(std::string_view head) {
  size_t i = head.find_first_not_of(" \t\r\n");
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = head.find_first_not_of(" \t\r\n", 3);
  return i != std::string_view::npos && (head[i] == '{' || head[i] == '[');
}

// The first few CSV records of `head` (already UTF-8).
std::vector<std::vector<std::string>> head_records(std::string_view head_utf8) {
  std::vector<std::vector<std::string>> out;
  CsvReader reader(memory_source(head_utf8));
  CsvRecord rec;
  for (int i = 0; i < 12; ++i) {
    Result<bool> more = reader.next(rec);
    if (!more.is_ok() || !*more) break;
    out.push_back(rec.fields);
  }
  return out;
}

std::optional<SourceKind> detect_csv(std::string_view path, std::string_view head) {
  Result<std::string> text = to_utf8(head.substr(0, std::min<size_t>(head.size(), 16 * 1024)));
  if (!text.is_ok()) return std::nullopt;
  for (const auto& cells : head_records(*text)) {
    std::vector<std::string> keys;
    for (const auto& c : cells) keys.push_back(header_key(c));
    auto has = [&](std::string_view k) {
      return std::find(keys.begin(), keys.end(), k) != keys.end();
    };
    if (has("eightでつながっている人") || has("tel会社") || has("tel部門"))
      return SourceKind::kEight;
    if (has("会社名") && (has("氏名") || has("姓") || has("氏名[姓]") || has("名刺交換日"))) {
      return contains(ascii_lower(path), "eight") ? SourceKind::kEight : SourceKind::kSansan;
    }
    if (has("record id") || has("hs_object_id") || has("lifecycle stage") ||
        has("lifecyclestage") || has("deal stage") || has("dealstage") ||
        has("company domain name") || has("associated company ids")) {
      return SourceKind::kHubspot;
    }
    if (has("id") && (has("ownerid") || has("createddate") || has("systemmodstamp") ||
                      has("isdeleted") || has("stagename") || has("whoid"))) {
      return SourceKind::kSalesforce;
    }
  }
  std::string p = ascii_lower(path);
  if (contains(p, "hubspot")) return SourceKind::kHubspot;
  if (contains(p, "sansan")) return SourceKind::kSansan;
  if (contains(p, "eight")) return SourceKind::kEight;
  if (salesforce::object_from_name(path)) return SourceKind::kSalesforce;
  return std::nullopt;
}

bool is_json_name(std::string_view path) {
  std::string p = ascii_lower(path);
  for (std::string_view ext :
       {".json", ".ndjson", ".jsonl", ".json.gz", ".ndjson.gz", ".jsonl.gz"}) {
    if (p.size() >= ext.size() && p.compare(p.size() - ext.size(), ext.size(), ext) == 0)
      return true;
  }
  return false;
}

Result<std::string> plain_head(std::string_view head) {
  if (!looks_gzip(head)) return std::string(head);
  auto src = gunzip_source(memory_source(head));
  std::string out(kHeadBytes, '\0');
  Result<size_t> n = src->read(out.data(), out.size());
  out.resize(n.is_ok() ? *n : 0);
  return out;
}

}  // namespace

std::optional<SourceKind> detect_source(std::string_view path, std::string_view head) {
  if (looks_zip(head)) return SourceKind::kSalesforce;
  Result<std::string> plain = plain_head(head);
  if (!plain.is_ok()) return std::nullopt;
  std::string_view h = *plain;
  if (looks_json(h)) {
    if (contains(h, "\"event_timestamp\"") || contains(h, "\"user_pseudo_id\""))
      return SourceKind::kGa4;
    if (contains(h, "\"subscriptionType\"") || contains(h, "\"hs_object_id\"") ||
        (contains(h, "\"properties\"") && contains(h, "\"createdAt\""))) {
      return SourceKind::kHubspot;
    }
    return std::nullopt;
  }
  return detect_csv(path, h);
}

Status read_stream(SourceKind source, std::unique_ptr<ByteSource> bytes,
                   const std::string& file_name, const ConnectorOptions& options, EventSink& sink) {
  switch (source) {
    case SourceKind::kGa4: return read_ga4_ndjson(std::move(bytes), file_name, options, sink);
    case SourceKind::kSalesforce:
      return read_salesforce_csv(std::move(bytes), file_name, options, sink);
    case SourceKind::kSansan:
    case SourceKind::kEight:
      return read_cards_csv(source, std::move(bytes), file_name, options, sink);
    case SourceKind::kHubspot: break;
  }
  if (is_json_name(file_name)) return read_hubspot_json(std::move(bytes), file_name, options, sink);
  return read_hubspot_csv(std::move(bytes), file_name, options, sink);
}

Status read_export(const std::string& path, std::optional<SourceKind> source,
                   const ConnectorOptions& options, EventSink& sink) {
  REVARCH_ASSIGN_OR_RETURN(std::string head, read_file_head(path, kHeadBytes));
  if (!source) source = detect_source(path, head);
  if (!source) {
    return Status(ErrorCode::kUnsupported, "cannot tell the source of this file; pass --source",
                  SourceLocation{path});
  }
  if (looks_zip(head)) {
    if (*source != SourceKind::kSalesforce) {
      return Status(ErrorCode::kUnsupported, "ZIP archives are read only as Salesforce Data Export",
                    SourceLocation{path});
    }
    return read_salesforce_zip(path, options, sink);
  }
  REVARCH_ASSIGN_OR_RETURN(auto bytes, open_maybe_gzip(path));
  Status st;
  if (*source == SourceKind::kHubspot && looks_json(*plain_head(head))) {
    st = read_hubspot_json(std::move(bytes), path, options, sink);
  } else {
    st = read_stream(*source, std::move(bytes), path, options, sink);
  }
  if (!st.is_ok() && st.where().file.empty()) {
    SourceLocation where = st.where();
    where.file = path;
    return Status(st.code(), st.message(), where);
  }
  return st;
}

}  // namespace revarch::connectors
