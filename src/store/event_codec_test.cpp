#include "store/event_codec.h"

#include <gtest/gtest.h>

namespace revarch::codec {
namespace {

TEST(EventCodec, PropertiesRoundTrip) {
  Properties in = {{"email", "taro@example.co.jp"}, {"empty", ""}, {"会社", std::string(300, 'x')}};
  std::string bytes;
  encode_properties(in, bytes);
  Properties out = {{"stale", "value"}};
  ASSERT_TRUE(decode_properties(bytes, out));
  EXPECT_EQ(out, in);
}

TEST(EventCodec, RefsRoundTrip) {
  std::vector<SourceRef> in = {{"salesforce", EntityKind::kAccount, "001A000000abcdEFGH"},
                               {"ga4", EntityKind::kVisitor, "1026454.4271112504"}};
  std::string bytes;
  encode_refs(in, bytes);
  std::vector<SourceRef> out;
  ASSERT_TRUE(decode_refs(bytes, out));
  EXPECT_EQ(out, in);
  std::string none;
  encode_refs({}, none);
  ASSERT_TRUE(decode_refs(none, out));
  EXPECT_TRUE(out.empty());
}

TEST(EventCodec, RejectsMalformedBytes) {
  Properties props = {{"k", "value"}};
  std::string bytes;
  encode_properties(props, bytes);
  Properties out;
  EXPECT_FALSE(decode_properties(bytes.substr(0, bytes.size() - 1), out));  // truncated
  EXPECT_FALSE(decode_properties(bytes + "x", out));                        // trailing
  EXPECT_FALSE(decode_properties("\xff\xff\xff\xff\x0f", out));             // huge count
  EXPECT_FALSE(decode_properties("", out));
  std::vector<SourceRef> refs;
  EXPECT_FALSE(decode_refs(std::string("\x01\x01s\x09\x01i", 6), refs));  // kind 9
}

}  // namespace
}  // namespace revarch::codec
