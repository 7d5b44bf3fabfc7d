#include "connectors/sink.h"

#include <cctype>

namespace revarch::connectors {

const char* source_kind_name(SourceKind kind) {
  switch (kind) {
    case SourceKind::kHubspot: return "hubspot";
    case SourceKind::kSalesforce: return "salesforce";
    case SourceKind::kSansan: return "sansan";
    case SourceKind::kEight: return "eight";
    case SourceKind::kGa4: return "ga4";
  }
  return "unknown";
}

std::optional<SourceKind> parse_source_kind(std::string_view name) {
  std::string lower;
  for (char c : name)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (SourceKind k : {SourceKind::kHubspot, SourceKind::kSalesforce, SourceKind::kSansan,
                       SourceKind::kEight, SourceKind::kGa4}) {
    if (lower == source_kind_name(k)) return k;
  }
  return std::nullopt;
}

}  // namespace revarch::connectors
