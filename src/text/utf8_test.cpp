#include "text/utf8.h"

#include <gtest/gtest.h>

namespace revarch::text {
namespace {

TEST(Utf8, ValidText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("abc"));
  EXPECT_TRUE(is_valid_utf8("株式会社ＡＢＣ"));
  EXPECT_TRUE(is_valid_utf8("\xEF\xBF\xBD"));      // U+FFFD itself
  EXPECT_TRUE(is_valid_utf8("\xF0\xA0\xAE\xB7"));  // 𠮷
  EXPECT_EQ(utf8_length("株式会社ABC"), 7u);
  EXPECT_EQ(utf8_length("\xF0\xA0\xAE\xB7"), 1u);
}

TEST(Utf8, IllFormedSequencesBecomeReplacementCharacters) {
  EXPECT_FALSE(is_valid_utf8("\xFF"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xE6\xA0"));          // truncated
  EXPECT_EQ(sanitize_utf8("a\xFF"
                          "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(sanitize_utf8("\xE6\xA0"), "\xEF\xBF\xBD");  // one maximal subpart
  EXPECT_EQ(sanitize_utf8("\xE6\xA0"
                          "a"),
            "\xEF\xBF\xBD"
            "a");
  EXPECT_EQ(sanitize_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(sanitize_utf8("株"), "株");
  EXPECT_EQ(utf8_length("a\xFF"
                        "b"),
            3u);
  EXPECT_TRUE(is_valid_utf8(sanitize_utf8("\x80\x80\xF0\x9F")));
}

TEST(Utf8, AppendEncodes) {
  std::string s;
  append_utf8(s, U'A');
  append_utf8(s, U'é');
  append_utf8(s, U'株');
  append_utf8(s, U'\U00020BB7');
  append_utf8(s, 0xD800);  // not a scalar value
  EXPECT_EQ(s, "Aé株\xF0\xA0\xAE\xB7\xEF\xBF\xBD");
  size_t i = 0;
  EXPECT_EQ(next_code_point(s, i), U'A');
  EXPECT_EQ(next_code_point(s, i), U'é');
  EXPECT_EQ(next_code_point(s, i), U'株');
  EXPECT_EQ(next_code_point(s, i), U'\U00020BB7');
}

}  // namespace
}  // namespace revarch::text
