#include "text/contact_points.h"

#include <gtest/gtest.h>

namespace revarch::text {
namespace {

TEST(Email, Normalize) {
  EXPECT_EQ(normalize_email("Taro.Yamada@Example.co.jp"), "taro.yamada@example.co.jp");
  EXPECT_EQ(normalize_email("  ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ\u3000"), "taro@example.co.jp");
  EXPECT_EQ(normalize_email("mailto:Taro@example.jp"), "taro@example.jp");
  EXPECT_EQ(normalize_email("山田 太郎 <taro@example.jp>"), "taro@example.jp");
  EXPECT_EQ(normalize_email("taro+crm@example.jp"), "taro+crm@example.jp");
}

TEST(Email, RejectsImplausible) {
  for (const char* bad : {"", "taro", "@example.jp", "taro@", "taro@localhost", "taro@@example.jp",
                          "ta ro@example.jp", "taro@example..jp", "taro@.example.jp",
                          "taro@example.jp.", "a@b@example.jp", "taro@example.1"}) {
    EXPECT_FALSE(normalize_email(bad)) << bad;
  }
}

TEST(Email, Domains) {
  EXPECT_EQ(email_domain("taro@example.co.jp"), "example.co.jp");
  EXPECT_EQ(email_domain("nodomain"), "");
  for (const char* free : {"gmail.com", "yahoo.co.jp", "outlook.jp", "hotmail.com", "icloud.com",
                           "docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp"}) {
    EXPECT_TRUE(is_free_mail_domain(free)) << free;
  }
  EXPECT_FALSE(is_free_mail_domain("example.co.jp"));
  EXPECT_FALSE(is_free_mail_domain("mail.google.com"));
}

TEST(Phone, JapaneseNumbers) {
  EXPECT_EQ(normalize_phone("03-1234-5678"), "+81312345678");
  EXPECT_EQ(normalize_phone("０３－１２３４－５６７８"), "+81312345678");
  EXPECT_EQ(normalize_phone("03ー1234ー5678"), "+81312345678");
  EXPECT_EQ(normalize_phone("(03) 1234-5678"), "+81312345678");
  EXPECT_EQ(normalize_phone("（０３）１２３４‐５６７８"), "+81312345678");
  EXPECT_EQ(normalize_phone("090-1234-5678"), "+819012345678");
  EXPECT_EQ(normalize_phone("+81 90 1234 5678"), "+819012345678");
  EXPECT_EQ(normalize_phone("+81 (0)3-1234-5678"), "+81312345678");
  EXPECT_EQ(normalize_phone("+81-03-1234-5678"), "+81312345678");
  EXPECT_EQ(normalize_phone("0081 3 1234 5678"), "+81312345678");
  EXPECT_EQ(normalize_phone("TEL: 03-1234-5678"), "+81312345678");
  EXPECT_EQ(normalize_phone("03-1234-5678 内線123"), "+81312345678");
  EXPECT_EQ(normalize_phone("0120-123-456"), "+81120123456");
  EXPECT_EQ(normalize_phone("9012345678"), "+819012345678");  // leading 0 lost in a spreadsheet
  EXPECT_EQ(normalize_phone("81312345678"), "+81312345678");
}

TEST(Phone, OtherCountries) {
  EXPECT_EQ(normalize_phone("(415) 555-0132", "US"), std::nullopt);  // no trunk 0, no +1
  EXPECT_EQ(normalize_phone("+1 415 555 0132", "US"), "+14155550132");
  EXPECT_EQ(normalize_phone("020 7946 0958", "GB"), "+442079460958");
  EXPECT_EQ(normalize_phone("+44 20 7946 0958"), "+442079460958");
  EXPECT_EQ(normalize_phone("010-1-415-555-0132"), "+14155550132");  // dialled from Japan
  EXPECT_EQ(normalize_phone("03-1234-5678", "XX"), std::nullopt);
}

TEST(Phone, RejectsImplausible) {
  for (const char* bad :
       {"", "abc", "03-1234", "03-1234-5678-9999", "0", "+81", "+81 0", "03-1234-567a", "1234"}) {
    EXPECT_FALSE(normalize_phone(bad)) << bad;
  }
}

TEST(Domain, Normalize) {
  EXPECT_EQ(normalize_domain("https://www.Example.co.jp/path"), "example.co.jp");
  EXPECT_EQ(normalize_domain("http://example.co.jp:8080/?q=1"), "example.co.jp");
  EXPECT_EQ(normalize_domain("www.example.com."), "example.com");
  EXPECT_EQ(normalize_domain("Example.COM"), "example.com");
  EXPECT_EQ(normalize_domain("taro@example.jp"), "example.jp");
  EXPECT_EQ(normalize_domain("//cdn.example.jp/x.js"), "cdn.example.jp");
  EXPECT_EQ(normalize_domain("ｗｗｗ．ｅｘａｍｐｌｅ．ｊｐ"), "example.jp");
  EXPECT_FALSE(normalize_domain("localhost"));
  EXPECT_FALSE(normalize_domain("https:///path"));
  EXPECT_FALSE(normalize_domain(""));
  EXPECT_FALSE(normalize_domain("http://example.jp:abc/"));
}

}  // namespace
}  // namespace revarch::text
