#include "lifecycle/small_vec.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace revarch::lifecycle {
namespace {

std::vector<uint32_t> contents(const SmallVec<uint32_t, 3>& v) {
  return {v.begin(), v.end()};
}

TEST(SmallVec, KeepsValuesInlineAndOnTheHeap) {
  SmallVec<uint32_t, 3> v;
  EXPECT_TRUE(v.empty());
  std::vector<uint32_t> want;
  for (uint32_t i = 0; i < 20; ++i) {
    v.push_back(i * 7);
    want.push_back(i * 7);
    EXPECT_EQ(contents(v), want) << "after " << i + 1;
  }
  EXPECT_EQ(v.size(), 20u);
  EXPECT_EQ(v[19], 133u);
}

TEST(SmallVec, CopiesAndMovesBothForms) {
  for (uint32_t n : {0u, 2u, 3u, 4u, 9u}) {
    SmallVec<uint32_t, 3> a;
    for (uint32_t i = 0; i < n; ++i) a.push_back(i + 1);
    SmallVec<uint32_t, 3> copy(a);
    EXPECT_EQ(contents(copy), contents(a));
    SmallVec<uint32_t, 3> assigned;
    assigned.push_back(99);
    assigned = a;
    EXPECT_EQ(contents(assigned), contents(a));
    SmallVec<uint32_t, 3> moved(std::move(copy));
    EXPECT_EQ(contents(moved), contents(a));
    EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
    SmallVec<uint32_t, 3> move_assigned;
    for (int i = 0; i < 5; ++i) move_assigned.push_back(7);
    move_assigned = std::move(moved);
    EXPECT_EQ(contents(move_assigned), contents(a));
    move_assigned.push_back(42);  // still usable after the move
    EXPECT_EQ(move_assigned[n], 42u);
  }
}

}  // namespace
}  // namespace revarch::lifecycle
