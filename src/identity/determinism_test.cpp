// The same events in any order give the same result.

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "identity/resolver.h"
#include "identity/test_events.h"

namespace revarch::identity {
namespace {

using namespace testing;  // NOLINT

std::vector<Event> world() {
  return {
      upsert(account("hubspot", "900"), {{"company_name", "ABC商事"}, {"website", "abc.co.jp"}},
             10),
      upsert(account("salesforce", "001q000000KlMno"),
             {{"company_name", "(株)ABC商事"}, {"employees", "500"}}, 20),
      upsert(account("hubspot", "901"),
             {{"company_name", "ABC商事"}, {"corporate_number", "7000012050002"}}, 30),
      upsert(contact("hubspot", "1"), {{"full_name", "佐藤 健"}, {"email", "ken@abc.co.jp"}}, 40,
             {account("hubspot", "900")}),
      upsert(contact("hubspot", "2"), {{"full_name", "佐藤 健"}, {"email", "k.sato@abc.co.jp"}}, 50,
             {account("hubspot", "900")}),
      card(contact("sansan", "c1"),
           {{"full_name", "佐藤　健"}, {"company_name", "ABC商事株式会社"}, {"title", "部長"}}, 60),
      card(contact("sansan", "c1"),
           {{"full_name", "佐藤　健"}, {"company_name", "XYZ物産"}, {"title", "本部長"}}, 70),
      card(contact("eight", "e1"),
           {{"full_name", "Ken Sato"}, {"email", "ken@abc.co.jp"}, {"title", "Manager"}}, 70),
      upsert(contact("salesforce", "003q000000XyZab"),
             {{"full_name", "佐藤健"}, {"phone", "090-1234-5678"}}, 80,
             {account("salesforce", "001q000000KlMno")}),
      upsert(contact("hubspot", "3"), {{"full_name", "佐藤 健"}, {"mobile", "09012345678"}}, 90),
  };
}

std::string fingerprint(const IdentityResult& res) {
  std::string out;
  for (const ResolvedEntity& e : res.entities()) {
    out += e.id + ":";
    for (uint32_t r : e.records) {
      Link l = res.link(r);
      out += " " + l.ref.source + "/" + l.ref.id + "[" + l.reason + "]";
    }
    for (const auto& f : res.fields(e)) {
      out += " " + f.property + "=" + f.value + (f.chosen ? "*" : "");
    }
    for (const Employment& j : e.employment) {
      out += " job=" + res.entities()[j.company].id + "@" + std::to_string(j.from_ms);
    }
    out += "\n";
  }
  for (const MergeStep& m : res.merges())
    out += m.a.id + "+" + m.b.id + m.reason + m.blocked_by + "\n";
  return out;
}

TEST(IdentityDeterminism, ShuffledInputGivesIdenticalResult) {
  std::vector<Event> events = world();
  IdentityResolver base;
  for (const Event& e : events) base.add(e);
  std::string expected = fingerprint(base.resolve());
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(events.begin(), events.end(), rng);
    IdentityResolver r;
    for (const Event& e : events) r.add(e);
    EXPECT_EQ(fingerprint(r.resolve()), expected) << "round " << round;
  }
}

}  // namespace
}  // namespace revarch::identity
