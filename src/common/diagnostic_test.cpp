#include "common/diagnostic.h"

#include <gtest/gtest.h>

#include "common/status.h"

namespace revarch {
namespace {

TEST(Diagnostic, FormatsLikeACompiler) {
  Diagnostic d{Severity::kError, "unknown-field", "unknown field 'contact.titel'",
               {"architecture.yaml", 42, 17}};
  EXPECT_EQ(d.to_string(),
            "architecture.yaml:42:17: error: unknown field 'contact.titel' [unknown-field]");
}

TEST(Diagnostic, ClosestMatchSuggestsNearNamesOnly) {
  EXPECT_EQ(closest_match("titel", {"title", "email", "department"}), "title");
  EXPECT_EQ(closest_match("zzzzzz", {"title", "email"}), "");
}

TEST(Diagnostics, CountsAndSorts) {
  Diagnostics ds;
  ds.warning("w", "second", {"a.yaml", 9, 1});
  ds.error("e", "first", {"a.yaml", 2, 5});
  ds.sort();
  EXPECT_EQ(ds.items()[0].message, "first");
  EXPECT_EQ(ds.error_count(), 1u);
  EXPECT_EQ(ds.warning_count(), 1u);
}

TEST(Status, ResultCarriesValueOrError) {
  Result<int> good = 4;
  ASSERT_TRUE(good.is_ok());
  EXPECT_EQ(*good, 4);
  Result<int> bad = Status(ErrorCode::kParse, "bad row", SourceLocation{"f.csv", 0, 0, 12, "Email"});
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().to_string(), "f.csv: row 12, column 'Email': bad row");
}

}  // namespace
}  // namespace revarch
