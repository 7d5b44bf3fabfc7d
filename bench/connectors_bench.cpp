// Connector throughput: synthetic exports generated in memory, parsed into events (no store).
// Prints rows/s and MB/s per connector, the best of `repeats` runs (the machine is shared).
// Run: build/<dir>/bench/connectors_bench [rows] [repeats]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "connectors/byte_source.h"
#include "connectors/connectors.h"
#include "connectors/encoding.h"

namespace {

using namespace revarch::connectors;

class CountingSink : public EventSink {
 public:
  void on_event(revarch::Event&&) override { ++events; }
  void on_quarantine(revarch::QuarantinedRow&&) override { ++quarantined; }
  size_t events = 0;
  size_t quarantined = 0;
};

std::string pad(long i, int width) {
  std::string s = std::to_string(i);
  return std::string(width > static_cast<int>(s.size()) ? width - s.size() : 0, '0') + s;
}

std::string hubspot_csv(long rows) {
  std::string s =
      "\xEF\xBB\xBF\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Phone Number\",\"Job "
      "Title\",\"Company Name\",\"Create Date\",\"Lifecycle Stage\",\"Last Modified Date\","
      "\"Became a Lead Date\",\"Associated Company IDs\"\n";
  for (long i = 0; i < rows; ++i) {
    s += "\"" + std::to_string(1000 + i) + "\",\"太郎\",\"山田\",\"taro" + std::to_string(i) +
         "@example.co.jp\",\"03-1234-" + pad(i % 10000, 4) +
         "\",\"部長\",\"株式会社サンプル\",\"2024-04-01 09:00\",\"Marketing Qualified "
         "Lead\",\"2024-05-08 10:15\",\"2024-04-01 09:00\",\"" +
         std::to_string(i % 5000) + ";" + std::to_string(i % 7000) + "\"\n";
  }
  return s;
}

std::string salesforce_csv(long rows) {
  std::string s =
      "\"Id\",\"FirstName\",\"LastName\",\"Company\",\"Email\",\"Status\",\"OwnerId\","
      "\"IsConverted\",\"CreatedDate\",\"LastModifiedDate\"\n";
  for (long i = 0; i < rows; ++i) {
    s += "\"00Q5g0000" + pad(i, 6) + "\",\"Hanako\",\"Sato\",\"Acme\",\"h" + std::to_string(i) +
         "@acme.jp\",\"Open - Not Contacted\",\"0055g00000UsEr1\",\"false\",\"2024-04-01T00:00:"
         "00.000Z\",\"2024-05-10 01:02:03\"\n";
  }
  return s;
}

std::string sansan_cp932(long rows) {
  std::string s =
      "名刺ID,会社名,部署名,役職,氏名[姓],氏名[名],e-mail,電話番号,名刺交換日,名刺所有者\n";
  for (long i = 0; i < rows; ++i) {
    s += "C-" + std::to_string(i) + ",株式会社サンプル,営業部,部長,山田,太郎,yamada" +
         std::to_string(i) + "@sample.co.jp,03-1234-5678,2016/06/22,鈴木 一郎\n";
  }
  return *utf8_to_cp932(s);
}

std::string ga4_ndjson(long rows) {
  std::string s;
  for (long i = 0; i < rows; ++i) {
    s +=
        R"j({"event_date":"20231215","event_timestamp":")j" + std::to_string(1702643009060308 + i) +
        R"j(","event_name":"page_view","event_params":[{"key":"ga_session_id","value":{"int_value":"1702642286"}},{"key":"page_location","value":{"string_value":"https://example.jp/products"}},{"key":"page_title","value":{"string_value":"Products"}},{"key":"engagement_time_msec","value":{"int_value":"1200"}}],"user_pseudo_id":")j" +
        std::to_string(i % 20000) +
        R"j(.1702642286","event_bundle_sequence_id":"1","device":{"category":"desktop"},"geo":{"country":"Japan","city":"Tokyo"},"traffic_source":{"name":"(direct)","medium":"(none)","source":"(direct)"}})j"
        "\n";
  }
  return s;
}

void run(const char* name, SourceKind kind, const std::string& file, const std::string& bytes,
         long rows, int repeats) {
  CountingSink sink;
  double secs = 0;
  for (int i = 0; i < repeats; ++i) {
    sink.events = sink.quarantined = 0;
    auto start = std::chrono::steady_clock::now();
    revarch::Status st = read_stream(kind, memory_source(bytes), file, {}, sink);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!st.is_ok()) std::printf("%s: %s\n", name, st.to_string().c_str());
    if (i == 0 || s < secs) secs = s;
  }
  std::printf(
      "%-22s %8ld rows %7.1f MB %7.2f s %10.0f rows/s %7.1f MB/s  (%zu events, %zu quarantined)\n",
      name, rows, bytes.size() / 1e6, secs, rows / secs, bytes.size() / 1e6 / secs, sink.events,
      sink.quarantined);
}

}  // namespace

int main(int argc, char** argv) {
  long rows = argc > 1 ? std::atol(argv[1]) : 200000;
  int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1;
  run("hubspot contacts csv", SourceKind::kHubspot, "hubspot-contacts.csv", hubspot_csv(rows), rows,
      repeats);
  run("salesforce Lead csv", SourceKind::kSalesforce, "Lead.csv", salesforce_csv(rows), rows,
      repeats);
  run("sansan cp932 csv", SourceKind::kSansan, "sansan.csv", sansan_cp932(rows), rows, repeats);
  run("ga4 ndjson", SourceKind::kGa4, "events.ndjson", ga4_ndjson(rows), rows, repeats);
  return 0;
}
