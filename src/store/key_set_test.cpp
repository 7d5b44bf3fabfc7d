#include "store/key_set.h"

#include <gtest/gtest.h>

#include <string>

#include "store/event.h"

namespace revarch {
namespace {

std::string packed(int n) {
  std::string hex = make_idempotency_key({"k", std::to_string(n)});
  std::string out(16, '\0');
  for (size_t i = 0; i < 16; ++i)
    out[i] = static_cast<char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  return out;
}

TEST(KeySet, DetectsRepeatsAcrossGrowth) {
  KeySet set;
  constexpr int kKeys = 200000;  // several doublings of the table
  for (int i = 0; i < kKeys; ++i) ASSERT_TRUE(set.insert_packed(packed(i))) << i;
  EXPECT_EQ(set.size(), kKeys);
  for (int i = 0; i < kKeys; i += 997) EXPECT_FALSE(set.insert_packed(packed(i))) << i;
  EXPECT_TRUE(set.insert_packed(packed(kKeys)));
  EXPECT_EQ(set.size(), kKeys + 1);
}

TEST(KeySet, AllZeroKeyAndTextKeysAreOrdinaryMembers) {
  KeySet set;
  std::string zero(16, '\0');
  EXPECT_TRUE(set.insert_packed(zero));
  EXPECT_FALSE(set.insert_packed(zero));
  EXPECT_TRUE(set.insert_text("order-1"));
  EXPECT_FALSE(set.insert_text("order-1"));
  EXPECT_TRUE(set.insert_text(zero));  // text never equals a packed key
  EXPECT_EQ(set.size(), 3);
  set.clear();
  EXPECT_EQ(set.size(), 0);
  EXPECT_TRUE(set.insert_packed(zero));
  EXPECT_TRUE(set.insert_text("order-1"));
}

}  // namespace
}  // namespace revarch
