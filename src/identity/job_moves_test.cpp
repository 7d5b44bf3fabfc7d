// Sansan job moves (new card with 人事異動発令日, old card 退職済み) and the company a card names.

#include <gtest/gtest.h>

#include "identity/resolver.h"
#include "identity/test_events.h"

namespace revarch::identity {
namespace {

using namespace testing;  // NOLINT

constexpr int64_t kDay = 86400000;

Properties card_props(std::string name, std::string reading, std::string company,
                      std::string email) {
  return {{"full_name", std::move(name)},
          {"last_name_reading", std::move(reading)},
          {"company_name", std::move(company)},
          {"email", std::move(email)}};
}

std::vector<Event> moved_person(const std::string& old_id, const std::string& new_id,
                                int64_t old_at, int64_t move_at) {
  Properties old_card =
      card_props("山田 太郎", "ヤマダタロウ", "株式会社ABC商事", "taro@abc.co.jp");
  Properties new_card =
      card_props("山田 太郎", "やまだたろう", "XYZ工業株式会社", "taro@xyz.co.jp");
  return {card(contact("sansan", old_id), old_card, old_at),
          event(canon::kContactResigned, contact("sansan", old_id),
                {{"company_name", "株式会社ABC商事"}}, move_at),
          card(contact("sansan", new_id), new_card, move_at + 10 * kDay),
          event(canon::kJobChanged, contact("sansan", new_id), new_card, move_at)};
}

IdentityResult resolve(const std::vector<Event>& events) {
  IdentityResolver r;
  for (const Event& e : events) r.add(e);
  return r.resolve();
}

TEST(JobMoves, ResignedCardAndMovedCardWithTheSameNameAndReadingAreOnePerson) {
  IdentityResult res = resolve(moved_person("old", "new", 100 * kDay, 300 * kDay));
  const ResolvedEntity* a = res.entity_of(contact("sansan", "old"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a, res.entity_of(contact("sansan", "new")));
  EXPECT_EQ(a->employment.size(), 2u);
  EXPECT_NE(res.explain(contact("sansan", "new")).find("job_move=山田太郎|やまだたろう"),
            std::string::npos);
}

TEST(JobMoves, AnOldCardScannedAfterTheMoveStillJoins) {
  IdentityResult res = resolve(moved_person("old", "new", 400 * kDay, 300 * kDay));
  EXPECT_EQ(res.entity_of(contact("sansan", "old")), res.entity_of(contact("sansan", "new")));
}

TEST(JobMoves, ADifferentReadingIsAnotherPerson) {
  std::vector<Event> events = moved_person("old", "new", 100 * kDay, 300 * kDay);
  events[0].properties =
      card_props("山田 太郎", "ヤマダタカオ", "株式会社ABC商事", "taro@abc.co.jp");
  IdentityResult res = resolve(events);
  EXPECT_NE(res.entity_of(contact("sansan", "old")), res.entity_of(contact("sansan", "new")));
}

TEST(JobMoves, TwoResignedCardsOfTheSameNameAreAmbiguous) {
  std::vector<Event> events = moved_person("old", "new", 100 * kDay, 300 * kDay);
  events.push_back(card(
      contact("sansan", "other"),
      card_props("山田 太郎", "ヤマダタロウ", "DEF物産株式会社", "taro@def.co.jp"), 50 * kDay));
  events.push_back(event(canon::kContactResigned, contact("sansan", "other"), {}, 200 * kDay));
  IdentityResult res = resolve(events);
  EXPECT_NE(res.entity_of(contact("sansan", "old")), res.entity_of(contact("sansan", "new")));
  EXPECT_NE(res.entity_of(contact("sansan", "other")), res.entity_of(contact("sansan", "new")));
}

TEST(JobMoves, EmployerOfACardIsTheCompanyItNames) {
  std::vector<Event> events = moved_person("old", "new", 100 * kDay, 300 * kDay);
  events.push_back(
      upsert(account("salesforce", "001q000000AbCde"), {{"company_name", "ＸＹＺ工業（株）"}}));
  IdentityResult res = resolve(events);
  const ResolvedEntity* co = res.employer_of(contact("sansan", "new"));
  ASSERT_NE(co, nullptr);
  EXPECT_EQ(co, res.entity_of(account("salesforce", "001q000000AbCde")));
  EXPECT_NE(res.employer_of(contact("sansan", "old")), co);
  EXPECT_EQ(res.employer_of(account("salesforce", "001q000000AbCde")), nullptr);
}

}  // namespace
}  // namespace revarch::identity
