#pragma once
// Which Salesforce record stands for which world entity (ids are derived, never stored), shared by
// the Salesforce writers.

#include <string>
#include <vector>

#include "demo/render.h"
#include "demo/world.h"

namespace revarch::demo {

inline constexpr std::string_view kSfLooseDir = "salesforce-loose";

/// Contact of person `pi` at its first company (second = at the company it moved to).
inline std::string sf_contact_id(const World& w, uint32_t pi, bool second = false) {
  return sf_id18("003", 10000 + pi + (second ? w.people.size() : 0));
}
inline std::string sf_lead_id(uint32_t pi) {
  return sf_id18("00Q", 10000 + uint64_t{pi});
}
inline std::string sf_account_id(uint32_t ci) {
  return sf_id18("001", 10000 + uint64_t{ci});
}
inline std::string sf_opportunity_id(uint32_t di) {
  return sf_id18("006", 10000 + uint64_t{di});
}
/// The same id as Salesforce's 15-character, case-sensitive form.
inline std::string id15(const std::string& id18) {
  return id18.substr(0, 15);
}

/// True for companies that have a Salesforce Account.
std::vector<bool> sf_accounts_present(const World& w);
/// Index of each company's first deal, or kNone.
std::vector<uint32_t> first_deal_of_company(const World& w);
/// Whether the job-changer `pi` also got a Contact at the new company.
inline bool sf_has_second_contact(const World& w, uint32_t pi) {
  const Person& p = w.people[pi];
  return (p.sources & kInSfContact) && p.new_company != kNone && p.change_day <= kLastDay - 5;
}
/// A lead that sales converted (to a Contact at its Account).
inline bool sf_lead_converted(const Person& p) {
  return (p.sources & kInSfLead) && (p.sources & kInSfContact) && p.sql_day != kNoDay;
}
/// The day the person's Contact record was created.
inline uint16_t sf_contact_created(const Person& p) {
  if (p.sql_day != kNoDay) return p.sql_day;
  return p.known_day != kNoDay ? p.known_day : p.first_day;
}

}  // namespace revarch::demo
