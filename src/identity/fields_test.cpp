// Field conflict resolution: precedence, recency, losing values visible.

#include <gtest/gtest.h>

#include "identity/resolver.h"
#include "identity/test_events.h"

namespace revarch::identity {
namespace {

using namespace testing;  // NOLINT

TEST(IdentityFields, PrecedenceKeepsTheLosingValueVisible) {
  IdentityResolver r;
  r.add(upsert(account("hubspot", "1"), {{"company_name", "ABC商事"}, {"employees", "200"}}, 9000));
  r.add(upsert(account("salesforce", "001q000000KlMno"),
               {{"company_name", "ABC商事株式会社"}, {"employees", "500"}}, 1000));
  IdentityResult res = r.resolve();
  const ResolvedEntity* e = res.entity_of(account("hubspot", "1"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(res.chosen(*e, "employees"), "500");  // salesforce before hubspot, though older
  std::vector<FieldObservation> employees;
  for (auto& f : res.fields(*e)) {
    if (f.property == "employees") employees.push_back(f);
  }
  ASSERT_EQ(employees.size(), 2u);
  EXPECT_TRUE(employees[0].chosen);
  EXPECT_EQ(employees[0].value, "500");
  EXPECT_EQ(employees[0].record.source, "salesforce");
  EXPECT_FALSE(employees[1].chosen);
  EXPECT_EQ(employees[1].value, "200");
  EXPECT_EQ(employees[1].observed_at_ms, 9000);
}

TEST(IdentityFields, RecencyPicksTheLatestObservation) {
  IdentityResolver r;
  r.add(upsert(contact("hubspot", "1"), {{"email", "a@b.co.jp"}, {"phone", "03-1111-2222"}}, 1000));
  r.add(card(contact("sansan", "c1"), {{"email", "a@b.co.jp"}, {"phone", "03-3333-4444"}}, 2000));
  IdentityResult res = r.resolve();
  const ResolvedEntity* e = res.entity_of(contact("hubspot", "1"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(res.chosen(*e, "phone"), "03-3333-4444");
}

TEST(IdentityFields, ConfiguredPrecedenceOverridesTheDefault) {
  IdentityConfig config;
  config.field_rules["account.employees"] = FieldRule{{"hubspot"}};
  config.field_rules["contact.title"] = FieldRule{};  // recency instead of cards first
  IdentityResolver r(config);
  r.add(upsert(account("hubspot", "1"), {{"company_name", "ABC"}, {"employees", "200"}}, 1));
  r.add(upsert(account("salesforce", "001q000000KlMno"),
               {{"company_name", "ABC"}, {"employees", "500"}}, 2));
  r.add(upsert(contact("hubspot", "9"), {{"email", "x@abc.co.jp"}, {"title", "部長"}}, 5));
  r.add(card(contact("sansan", "9"), {{"email", "x@abc.co.jp"}, {"title", "課長"}}, 3));
  IdentityResult res = r.resolve();
  EXPECT_EQ(res.chosen(*res.entity_of(account("hubspot", "1")), "employees"), "200");
  EXPECT_EQ(res.chosen(*res.entity_of(contact("hubspot", "9")), "title"), "部長");
}

TEST(IdentityFields, OutOfOrderSnapshotsKeepTheLatestValue) {
  IdentityResolver r;
  r.add(upsert(contact("hubspot", "1"), {{"title", "部長"}}, 5000));
  r.add(upsert(contact("hubspot", "1"), {{"title", "課長"}}, 1000));  // older, arrives late
  IdentityResult res = r.resolve();
  EXPECT_EQ(res.chosen(res.entities()[0], "title"), "部長");
}

TEST(IdentityFields, SnapshotForTheStoreHasEntitiesLinksAndAllValues) {
  IdentityResolver r;
  r.add(upsert(contact("hubspot", "1"), {{"email", "a@b.co.jp"}, {"full_name", "山田 太郎"}}, 1));
  r.add(card(contact("sansan", "c"), {{"email", "a@b.co.jp"}, {"full_name", "山田　太郎"}}, 2));
  IdentitySnapshot snap = r.resolve().to_snapshot();
  ASSERT_EQ(snap.entities.size(), 1u);
  EXPECT_EQ(snap.entities[0].kind, EntityKind::kContact);
  EXPECT_EQ(snap.entities[0].display_name, "山田　太郎");  // the card wins names
  EXPECT_EQ(snap.links.size(), 2u);
  EXPECT_EQ(snap.field_values.size(), 4u);
}

}  // namespace
}  // namespace revarch::identity
