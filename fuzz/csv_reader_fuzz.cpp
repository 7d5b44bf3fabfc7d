// Arbitrary bytes through encoding detection, the CSV reader and every CSV connector.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "connectors/byte_source.h"
#include "connectors/connectors.h"
#include "connectors/csv_reader.h"
#include "connectors/encoding.h"

namespace {

class CountingSink : public revarch::connectors::EventSink {
 public:
  void on_event(revarch::Event&& e) override { events += e.idempotency_key.empty() ? 0 : 1; }
  void on_quarantine(revarch::QuarantinedRow&&) override { ++quarantined; }
  size_t events = 0;
  size_t quarantined = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace revarch::connectors;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CsvOptions small;
  small.chunk_bytes = 7;  // exercise records split across chunks
  small.max_record_bytes = 1 << 16;
  CsvReader reader(utf8_decoding_source(memory_source(bytes)), small);
  CsvRecord rec;
  while (true) {
    auto more = reader.next(rec);
    if (!more.is_ok() || !*more) break;
  }
  static const char* const kNames[] = {"hubspot-contacts.csv",
                                       "Lead.csv",
                                       "OpportunityHistory.csv",
                                       "Task.csv",
                                       "cards.csv",
                                       "cards.csv"};
  static const SourceKind kKinds[] = {SourceKind::kHubspot,    SourceKind::kSalesforce,
                                      SourceKind::kSalesforce, SourceKind::kSalesforce,
                                      SourceKind::kSansan,     SourceKind::kEight};
  for (size_t i = 0; i < 6; ++i) {
    CountingSink sink;
    (void)read_stream(kKinds[i], memory_source(bytes), kNames[i], {}, sink);
  }
  (void)detect_source("input.csv", bytes);
  return 0;
}
