#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "connectors/ga4_row.h"
#include "connectors/test_util.h"

namespace revarch::connectors::ga4 {
namespace {

// The fast path either gives up or gives exactly what the DOM path gives.
bool agrees(const std::string& line) {
  Ga4Row fast;
  if (!from_text(line, fast)) return false;
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << line;
  EXPECT_TRUE(j.is_object()) << line;
  if (j.is_discarded() || !j.is_object()) return true;
  Ga4Row dom;
  from_dom(j, dom);
  EXPECT_TRUE(dom == fast) << line;
  return true;
}

TEST(Ga4FastPath, RealExportRowTakesTheFastPath) {
  std::istringstream in(testing::slurp(std::string(REVARCH_SHARED_DIR) +
                                       "/data/ga4/velir-dbt-ga4.events_row.ndjson"));
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    EXPECT_TRUE(agrees(line));
    ++n;
  }
  EXPECT_GT(n, 0);
}

TEST(Ga4FastPath, ScalarsOfEveryKindAgreeWithTheDom) {
  const char* lines[] = {
      R"j({"event_name":"page_view","event_timestamp":"1702643009060308","user_pseudo_id":"1.2"})j",
      R"j({"event_name":"x","event_timestamp":1702643009060308,"user_pseudo_id":-5,"user_id":true})j",
      R"j({"event_name":"caf\u00e9 \"q\"","event_timestamp":"1","user_pseudo_id":"a\/b\n"})j",
      R"j({"event_name":"x","event_timestamp":1.5e3,"user_pseudo_id":0,"client_id":-0})j",
      R"j({"event_name":"x","event_timestamp":123456789012345678901,"user_pseudo_id":null})j",
      R"j({"event_name":"x","event_timestamp":18446744073709551615,"user_pseudo_id":[1,{"a":2}]})j",
      R"j({"event_name":"x","event_name":"y","geo":{"city":"A"},"geo":{"country":"B"}})j",
      R"j({"event_params":[{"key":"page_location","value":{"string_value":null,"int_value":7}},)j"
      R"j({"key":"ga_session_id","value":{"double_value":1.25}},{"key":"k","value":"s"},)j"
      R"j({"value":{"string_value":"nokey"}},{"key":"","value":{"string_value":"e"}},7,null,)j"
      R"j({"key":"a","value":{"string_value":"1"},"value":{"float_value":2.0}},)j"
      R"j({"key":"b","key":"c","value":{"string_value":"","int_value":"","double_value":0}}]})j",
      R"j({"event_params":{"key":"x"},"geo":"Tokyo","device":{"category":{"x":1}}})j",
      R"j({"event_params":[],"event_params":[{"key":"form_id","value":{"string_value":"f"}}]})j",
      R"j({"collected_traffic_source":{"manual_source":"google","gclid":"g","manual_medium":1},)j"
      R"j("traffic_source":{"name":"(direct)","medium":"(none)","source":"(direct)"},)j"
      R"j("page_title":"column","source":"s","medium":"m","campaign":"c","batch_page_id":3})j",
      " \t{ \"event_name\" : \"x\" , \"e\" : [ ] , \"f\" : { } }\r ",
      "{\"event_name\":\"\xE6\x97\xA5\xE6\x9C\xAC\",\"page_title\":\"\\ud83d\\ude00\"}",
      "{}",
  };
  for (const char* line : lines) EXPECT_TRUE(agrees(line)) << line;
}

TEST(Ga4FastPath, GivesUpOnWhatItLeavesToNlohmann) {
  const char* lines[] = {
      "[{\"event_name\":\"x\"}]",                         // an array of rows
      "\xEF\xBB\xBF{\"event_name\":\"x\"}",               // BOM
      "{\"event_n\\u0061me\":\"x\"}",                     // escaped key
      "{\"event_name\":\"x\"} {}",                        // trailing text
      "{\"event_name\":\"x\",}",                          // trailing comma
      "{\"event_name\":\"\xFF\"}",                        // invalid UTF-8
      "{\"event_name\":\"a\tb\"}",                        // control character in a string
      "{\"event_name\":01}",                              // leading zero
      "{\"event_name\":1.}",                              // bad fraction
      "{\"event_name\":\"\\x\"}",                         // bad escape
      "{\"event_name\":\"\\ud800\"}",                     // lone surrogate: nlohmann refuses
      "{\"event_name\":\"x\",\"o\":\"\\udc00\\ud800\"}",  // ... also where not read
      "{\"event_name\":tru}",                             // bad literal
      "{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]"
      "]]]]"
      "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",  // deeper than the fast path goes
      "",
      "\"just a string\"",
  };
  for (const char* line : lines) EXPECT_FALSE(agrees(line)) << line;
}

}  // namespace
}  // namespace revarch::connectors::ga4
