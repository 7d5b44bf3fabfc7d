#include "identity/resolver.h"

#include <gtest/gtest.h>

#include "identity/test_events.h"

namespace revarch::identity {
namespace {

using namespace testing;  // NOLINT

IdentityResult resolve(const std::vector<Event>& events, IdentityConfig config = {}) {
  IdentityResolver r(std::move(config));
  for (const Event& e : events) r.add(e);
  return r.resolve();
}

const ResolvedEntity& entity(const IdentityResult& res, const SourceRef& ref) {
  const ResolvedEntity* e = res.entity_of(ref);
  EXPECT_NE(e, nullptr) << ref.source << ":" << ref.id;
  static const ResolvedEntity kNone;
  return e ? *e : kNone;
}

bool same(const IdentityResult& res, const SourceRef& a, const SourceRef& b) {
  return entity(res, a).id == entity(res, b).id;
}

std::string reason_of(const IdentityResult& res, const SourceRef& ref) {
  const ResolvedEntity& e = entity(res, ref);
  for (uint32_t r : e.records) {
    Link l = res.link(r);
    // Salesforce ids come back in the 18-character form.
    if (l.ref.source == ref.source && l.ref.kind == ref.kind && l.ref.id.starts_with(ref.id)) {
      return l.reason;
    }
  }
  return "";
}

TEST(IdentityResolver, EmailCaseAndFullWidthVariantsAreOnePerson) {
  auto res = resolve({
      upsert(contact("hubspot", "101"), {{"email", "Taro.Yamada@Example.co.jp"}}),
      card(contact("sansan", "c1"),
           {{"email", "ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ"}}, 2000),
  });
  EXPECT_TRUE(same(res, contact("hubspot", "101"), contact("sansan", "c1")));
  EXPECT_EQ(reason_of(res, contact("sansan", "c1")), "email=taro.yamada@example.co.jp");
  EXPECT_EQ(res.link(0).rule, "email");
}

TEST(IdentityResolver, RoleAddressesDoNotIdentifyAPerson) {
  auto res = resolve({
      upsert(contact("hubspot", "1"), {{"email", "info@abc.co.jp"}, {"full_name", "山田 太郎"}}),
      upsert(contact("hubspot", "2"), {{"email", "info@abc.co.jp"}, {"full_name", "鈴木 花子"}}),
  });
  EXPECT_FALSE(same(res, contact("hubspot", "1"), contact("hubspot", "2")));
}

TEST(IdentityResolver, SalesforceFifteenAndEighteenCharacterIdsAreOneRecord) {
  auto res = resolve({
      upsert(contact("salesforce", "003q000000Hddoh"), {{"full_name", "佐藤 一郎"}}),
      upsert(contact("hubspot", "7"), {{"full_name", "佐藤 一郎"}}, 1000,
             {contact("salesforce", "003q000000HddohAAB")}),
  });
  EXPECT_TRUE(same(res, contact("salesforce", "003q000000HddohAAB"), contact("hubspot", "7")));
  EXPECT_EQ(entity(res, contact("salesforce", "003q000000Hddoh")).records.size(), 2u);
  EXPECT_EQ(reason_of(res, contact("hubspot", "7")), "crm_id=salesforce:003q000000HddohAAB");
}

TEST(IdentityResolver, LeadConversionLinksLeadContactAccountAndDeal) {
  auto lead = contact("salesforce", "00Qq000000AbCdE");
  auto con = contact("salesforce", "003q000000XyZab");
  auto acc = account("salesforce", "001q000000KlMno");
  auto opp = ref("salesforce", EntityKind::kDeal, "006q000000Hddoh");
  auto res = resolve({
      upsert(lead, {{"full_name", "田中 次郎"}, {"company_name", "(株)東京物産"}}, 1000),
      event(canon::kLeadConverted, lead, {}, 2000, {con, acc, opp}),
      upsert(con, {{"full_name", "田中 次郎"}}, 2000, {acc}),
      upsert(acc, {{"company_name", "東京物産株式会社"}}, 2000),
      upsert(opp, {{"deal_name", "東京物産 導入"}}, 2000, {acc, con}),
  });
  EXPECT_TRUE(same(res, lead, con));
  EXPECT_EQ(reason_of(res, con), "sf:ConvertedContactId");
  // The lead's company text and the account are one company.
  const ResolvedEntity& person = entity(res, con);
  ASSERT_EQ(person.employment.size(), 1u);
  EXPECT_EQ(res.entities()[person.employment[0].company].id, entity(res, acc).id);
  const ResolvedEntity& deal = entity(res, opp);
  EXPECT_EQ(deal.type, EntityType::kDeal);
  ASSERT_EQ(deal.companies.size(), 1u);
  EXPECT_EQ(res.entities()[deal.companies[0]].id, entity(res, acc).id);
  ASSERT_EQ(deal.people.size(), 1u);
  EXPECT_EQ(res.entities()[deal.people[0]].id, person.id);
}

TEST(IdentityResolver, HubSpotContactAssociatedCompanyIsItsEmployer) {
  auto res = resolve({
      upsert(account("hubspot", "900"),
             {{"company_name", "ABC商事"}, {"website", "https://www.abc.co.jp/"}}),
      upsert(contact("hubspot", "1"), {{"full_name", "山田 太郎"}}, 1000,
             {account("hubspot", "900")}),
      card(contact("sansan", "c9"), {{"full_name", "山田　太郎"}, {"company_name", "㈱ＡＢＣ商事"}},
           3000),
  });
  const ResolvedEntity& p = entity(res, contact("hubspot", "1"));
  ASSERT_EQ(p.employment.size(), 1u);
  EXPECT_EQ(res.entities()[p.employment[0].company].id, entity(res, account("hubspot", "900")).id);
  EXPECT_TRUE(same(res, contact("hubspot", "1"), contact("sansan", "c9")));
  EXPECT_EQ(reason_of(res, contact("sansan", "c9")), "name+company=山田太郎|abc商事");
}

TEST(IdentityResolver, CompanyLegalFormVariantsAreOneCompany) {
  auto res = resolve({
      upsert(account("hubspot", "1"), {{"company_name", "株式会社ABC商事"}}),
      upsert(account("salesforce", "001q000000KlMno"), {{"company_name", "ABC商事(株)"}}),
      upsert(account("hubspot", "2"),
             {{"company_name", "ＡＢＣ商事　株式会社"}, {"corporate_number", "5835678256246"}}),
  });
  EXPECT_TRUE(same(res, account("hubspot", "1"), account("salesforce", "001q000000KlMno")));
  EXPECT_TRUE(same(res, account("hubspot", "1"), account("hubspot", "2")));
}

TEST(IdentityResolver, DifferentCorporateNumbersBlockANameMerge) {
  auto res = resolve({
      upsert(account("hubspot", "1"),
             {{"company_name", "ABC商事株式会社"}, {"corporate_number", "5835678256246"}}),
      upsert(account("salesforce", "001q000000KlMno"),
             {{"company_name", "(株)ABC商事"}, {"corporate_number", "7000012050002"}}),
      upsert(account("hubspot", "3"),
             {{"company_name", "㈱ABC商事"}, {"corporate_number", "5-8356-7825-6246"}}),
  });
  EXPECT_FALSE(same(res, account("hubspot", "1"), account("salesforce", "001q000000KlMno")));
  EXPECT_TRUE(same(res, account("hubspot", "1"), account("hubspot", "3")));
  EXPECT_EQ(reason_of(res, account("hubspot", "3")), "corporate_number=5835678256246");
  bool blocked = false;
  for (const MergeStep& m : res.merges()) blocked |= m.blocked_by == "corporate_number_conflict";
  EXPECT_TRUE(blocked);
}

TEST(IdentityResolver, ReadingsInKatakanaAndHiraganaMatchAtTheSameCompany) {
  auto res = resolve({
      card(contact("sansan", "c1"),
           {{"last_name", "山田"},
            {"first_name", "太郎"},
            {"last_name_reading", "ヤマダ"},
            {"first_name_reading", "タロウ"},
            {"company_name", "ABC商事株式会社"}},
           1000),
      upsert(contact("hubspot", "5"),
             {{"full_name", "やまだ たろう"}, {"company_name", "(株)ABC商事"}}),
  });
  EXPECT_TRUE(same(res, contact("sansan", "c1"), contact("hubspot", "5")));
  EXPECT_EQ(reason_of(res, contact("hubspot", "5")), "reading+company=やまだたろう|abc商事");
}

TEST(IdentityResolver, RomanisedNamesInEitherOrderMatch) {
  auto res = resolve({
      upsert(contact("hubspot", "1"), {{"first_name", "Taro"},
                                       {"last_name", "Yamada"},
                                       {"company_name", "ABC Trading Co., Ltd."}}),
      card(contact("eight", "e1"),
           {{"full_name", "YAMADA Taro"}, {"company_name", "ABC Trading K.K."}}, 1000),
  });
  EXPECT_TRUE(same(res, contact("hubspot", "1"), contact("eight", "e1")));
}

TEST(IdentityResolver, SameCommonNameWithDifferentCorporateEmailsStaysApart) {
  auto res = resolve({
      upsert(contact("hubspot", "1"), {{"full_name", "佐藤 健"},
                                       {"email", "ken.sato@bigcorp.co.jp"},
                                       {"company_name", "ビッグコープ株式会社"}}),
      upsert(contact("salesforce", "003q000000XyZab"), {{"full_name", "佐藤健"},
                                                        {"email", "k-sato2@bigcorp.co.jp"},
                                                        {"company_name", "ビッグコープ(株)"}}),
      card(contact("sansan", "c1"),
           {{"full_name", "佐藤　健"}, {"company_name", "ビッグコープ株式会社"}}, 5000),
  });
  EXPECT_FALSE(same(res, contact("hubspot", "1"), contact("salesforce", "003q000000XyZab")));
  bool blocked = false;
  for (const MergeStep& m : res.merges()) blocked |= m.blocked_by == "email_conflict";
  EXPECT_TRUE(blocked);
  // The card without an e-mail could be either of them: it is left apart, not guessed.
  EXPECT_FALSE(same(res, contact("sansan", "c1"), contact("hubspot", "1")));
  EXPECT_FALSE(same(res, contact("sansan", "c1"), contact("salesforce", "003q000000XyZab")));
  bool ambiguous = false;
  for (const MergeStep& m : res.merges()) ambiguous |= m.blocked_by == "ambiguous";
  EXPECT_TRUE(ambiguous);
}

TEST(IdentityResolver, JobChangeIsOnePersonAtTwoCompanies) {
  auto person = contact("sansan", "person-1");
  auto res = resolve({
      card(person,
           {{"full_name", "山田 太郎"},
            {"email", "taro@abc.co.jp"},
            {"company_name", "ABC商事株式会社"}},
           1000),
      event(canon::kJobChanged, person,
            {{"company_name", "XYZ物産株式会社"},
             {"previous_company_name", "ABC商事株式会社"},
             {"email", "taro.yamada@xyz.co.jp"}},
            5000),
      upsert(contact("hubspot", "42"), {{"email", "TARO@abc.co.jp"}}, 1500),
  });
  const ResolvedEntity& p = entity(res, person);
  EXPECT_TRUE(same(res, person, contact("hubspot", "42")));
  ASSERT_EQ(p.employment.size(), 2u);
  const ResolvedEntity& abc = res.entities()[p.employment[0].company];
  const ResolvedEntity& xyz = res.entities()[p.employment[1].company];
  EXPECT_NE(abc.id, xyz.id);
  EXPECT_EQ(res.chosen(abc, "company_name"), "ABC商事株式会社");
  EXPECT_EQ(res.chosen(xyz, "company_name"), "XYZ物産株式会社");
  EXPECT_EQ(p.employment[0].from_ms, 1000);
  EXPECT_EQ(p.employment[0].to_ms, 5000);
  EXPECT_EQ(p.employment[1].from_ms, 5000);
  EXPECT_EQ(p.employment[1].to_ms, 0);
  EXPECT_EQ(res.current_company(p), &xyz);
}

TEST(IdentityResolver, VisitorUserIdLinksToEmailOrCrmId) {
  Event web1 = event(canon::kPageView, ref("ga4", EntityKind::kVisitor, "1026454.4271112504"),
                     {{"user_id", "Hanako@Example.co.jp"}, {"page_location", "https://x"}}, 10);
  Event web2 = event(canon::kPageView, ref("ga4", EntityKind::kVisitor, "555.1"),
                     {{"user_id", "003q000000XyZab"}}, 10);
  auto res = resolve({
      upsert(contact("hubspot", "1"), {{"email", "hanako@example.co.jp"}}),
      upsert(contact("salesforce", "003q000000XyZab"), {{"full_name", "鈴木 花子"}}),
      web1,
      web2,
  });
  EXPECT_TRUE(same(res, contact("hubspot", "1"), web1.subject));
  EXPECT_TRUE(same(res, contact("salesforce", "003q000000XyZab"), web2.subject));
  EXPECT_EQ(reason_of(res, web2.subject), "user_id=003q000000XyZabAAF");
}

TEST(IdentityResolver, ExplainShowsReasons) {
  auto res = resolve({
      upsert(contact("hubspot", "101"), {{"email", "a@b.co.jp"}, {"full_name", "山田 太郎"}}),
      upsert(contact("salesforce", "003q000000XyZab"), {{"email", "A@B.co.jp"}}),
  });
  std::string text = res.explain(contact("hubspot", "101"));
  EXPECT_NE(text.find("email=a@b.co.jp"), std::string::npos) << text;
  EXPECT_NE(text.find("salesforce:contact:003q000000XyZabAAF"), std::string::npos) << text;
  EXPECT_EQ(res.explain(contact("hubspot", "nope")), "");
}

TEST(IdentityResolver, ResultsAreNotChangedByLaterAdds) {
  IdentityResolver r;
  r.add(upsert(contact("hubspot", "1"), {{"email", "a@b.co.jp"}}));
  IdentityResult first = r.resolve();
  r.add(upsert(contact("hubspot", "1"), {{"email", "z@b.co.jp"}}, 5000));
  EXPECT_EQ(first.chosen(first.entities()[0], "email"), "a@b.co.jp");
  IdentityResult second = r.resolve();
  EXPECT_EQ(second.chosen(second.entities()[0], "email"), "z@b.co.jp");
}

}  // namespace
}  // namespace revarch::identity
