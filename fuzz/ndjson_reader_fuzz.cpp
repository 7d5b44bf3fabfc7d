// Arbitrary bytes through gzip detection, the NDJSON reader, the GA4 and HubSpot JSON readers.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "connectors/byte_source.h"
#include "connectors/connectors.h"
#include "connectors/ga4_row.h"
#include "connectors/ndjson_reader.h"

namespace {

class CountingSink : public revarch::connectors::EventSink {
 public:
  void on_event(revarch::Event&&) override { ++events; }
  void on_quarantine(revarch::QuarantinedRow&&) override { ++quarantined; }
  size_t events = 0;
  size_t quarantined = 0;
};

std::unique_ptr<revarch::connectors::ByteSource> open(std::string_view bytes) {
  using namespace revarch::connectors;
  if (looks_gzip(bytes)) return gunzip_source(memory_source(bytes));
  return memory_source(bytes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace revarch::connectors;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  NdjsonReader reader(open(bytes), 1 << 16);
  NdjsonLine line;
  nlohmann::json j;
  while (true) {
    auto more = reader.next_line(line);
    if (!more.is_ok() || !*more) break;
    bool valid = NdjsonReader::parse(line, j).is_ok();
    // The GA4 fast path must agree with the DOM: it accepts only valid JSON objects and reads
    // the same fields from them.
    revarch::connectors::ga4::Ga4Row fast;
    if (revarch::connectors::ga4::from_text(line.text, fast)) {
      if (!valid || !j.is_object()) std::abort();
      revarch::connectors::ga4::Ga4Row dom;
      revarch::connectors::ga4::from_dom(j, dom);
      if (!(dom == fast)) std::abort();
    }
  }
  CountingSink ga4;
  (void)read_stream(SourceKind::kGa4, open(bytes), "events.ndjson", {}, ga4);
  CountingSink hubspot;
  (void)read_stream(SourceKind::kHubspot, open(bytes), "webhook.json", {}, hubspot);
  (void)detect_source("events.ndjson", bytes);
  return 0;
}
