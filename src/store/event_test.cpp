#include "store/event.h"

#include <gtest/gtest.h>

#include <fstream>

#include "store/hash.h"
#include "store/store_test_util.h"

namespace revarch {
namespace {

TEST(EntityKind, NamesRoundTrip) {
  for (auto k : {EntityKind::kContact, EntityKind::kAccount, EntityKind::kDeal, EntityKind::kOwner,
                 EntityKind::kVisitor}) {
    EXPECT_EQ(parse_entity_kind(entity_kind_name(k)), k);
  }
  EXPECT_STREQ(entity_kind_name(EntityKind::kDeal), "deal");
  EXPECT_FALSE(parse_entity_kind("Contact").has_value());
  EXPECT_FALSE(parse_entity_kind("").has_value());
}

TEST(FindProperty, ReturnsFirstMatchOrNull) {
  Properties p = {{"email", "a@b.jp"}, {"title", "部長"}, {"email", "second@b.jp"}};
  ASSERT_NE(find_property(p, "title"), nullptr);
  EXPECT_EQ(*find_property(p, "title"), "部長");
  EXPECT_EQ(*find_property(p, "email"), "a@b.jp");
  EXPECT_EQ(find_property(p, "phone"), nullptr);
}

TEST(ContentHasher, MatchesSha256TestVectors) {
  ContentHasher h;
  h.update("abc");
  EXPECT_EQ(h.hex256(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  h.reset();
  EXPECT_EQ(h.hex256(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  h.reset();
  h.update("ab");
  h.update("c");
  EXPECT_EQ(h.hex128(), "ba7816bf8f01cfea414140de5dae2223");
}

TEST(IdempotencyKey, IsStableHexAndSeparatesParts) {
  std::string k = make_idempotency_key({"hubspot", "contact", "123"});
  EXPECT_EQ(k.size(), 32u);
  EXPECT_EQ(k.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(k, make_idempotency_key({"hubspot", "contact", "123"}));
  EXPECT_NE(k, make_idempotency_key({"hubspot", "contact", "124"}));
  EXPECT_NE(make_idempotency_key({"ab", "c"}), make_idempotency_key({"a", "bc"}));
  EXPECT_NE(make_idempotency_key({"a", ""}), make_idempotency_key({"a"}));
  // The recipe is SHA-256 over length-prefixed parts.
  ContentHasher h;
  h.update(std::string("\x01\0\0\0\0\0\0\0x", 9));
  EXPECT_EQ(make_idempotency_key({"x"}), h.hex128());
}

TEST(FingerprintFile, HashesContentAndSize) {
  testing::TempDir dir;
  std::string path = dir.file("a.csv");
  std::ofstream(path) << "abc";
  auto fp = fingerprint_file(path);
  ASSERT_TRUE(fp.is_ok()) << fp.status().to_string();
  EXPECT_EQ(fp->size, 3);
  EXPECT_EQ(fp->path, path);
  EXPECT_EQ(fp->content_hash, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  auto missing = fingerprint_file(dir.file("missing.csv"));
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kIo);
  EXPECT_EQ(missing.status().where().file, dir.file("missing.csv"));
}

}  // namespace
}  // namespace revarch
