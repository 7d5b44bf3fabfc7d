#pragma once
// The demo world's compact in-memory model: companies, people, deals and web sessions, each a
// few dozen bytes, built deterministically from a seed. Everything the exports show (names,
// e-mails, stage paths, events) is derived from this model by pure functions, so every writer
// sees the same facts and files can be streamed one at a time.
//
// Days are counted from 2025-01-01 (day 0) to 2026-10-31 (kLastDay), Japan time.
// Thread-safety: a built World is immutable; share it freely between threads.

#include <cstdint>
#include <string_view>
#include <vector>

namespace revarch::demo {

inline constexpr uint16_t kNoDay = 0xFFFF;
inline constexpr uint32_t kNone = 0xFFFFFFFF;
inline constexpr uint16_t kLastDay = 668;  // 2026-10-31
/// Unix time of day 0, 00:00 Japan time (2025-01-01T00:00:00+09:00).
inline constexpr int64_t kEpochDay0Jst = 1735657200;

enum class WorldSize : uint8_t { kTiny, kSmall, kLarge };

struct SizeSpec {
  uint32_t companies;
  uint32_t people;
  double sessions_per_web_person;
  uint32_t anonymous_visitors;
};
SizeSpec size_spec(WorldSize size);
/// "tiny", "small", "large"; parse returns false on anything else.
std::string_view world_size_name(WorldSize size);
bool parse_world_size(std::string_view s, WorldSize* out);

enum class Segment : uint8_t { kEnterprise, kMid, kSmb };
std::string_view segment_name(Segment s);  // "enterprise", "mid", "smb"

/// How a person first met the vendor.
enum class Channel : uint8_t {
  kTradeShow,
  kSeminar,
  kReferral,
  kOutbound,  // end in a business-card exchange
  kOrganicSearch,
  kPaidSearch,
  kDirect,
  kEmail,
  kSocial,  // end in a web form
};
inline bool is_card_channel(Channel c) {
  return c <= Channel::kOutbound;
}

enum class LegalForm : uint8_t { kMaeKabu, kAtoKabu, kGodo };  // 株式会社X, X株式会社, 合同会社X

struct Company {
  uint32_t name_combo = 0;  // prefix, middle and suffix indices (see company_words)
  uint16_t name_dup = 0;    // earlier companies with the same name (同名異社); 0 for the first
  LegalForm legal_form = LegalForm::kMaeKabu;
  uint8_t prefecture = 0;
  Segment segment = Segment::kSmb;
  bool has_deals = false;
  bool churned = false;         // lost its renewal
  uint8_t committee_size = 0;   // first people of the company who form the buying committee
  uint32_t employees = 0;       // the truth (and HubSpot's value)
  uint32_t employees_sf = 0;    // Salesforce's value; differs for some companies
  uint64_t corporate_base = 0;  // 12-digit base of the corporate number
  uint32_t first_person = 0;
  uint32_t person_count = 0;
  uint16_t first_known_day = kNoDay;
  uint16_t customer_day = kNoDay;
};

/// Which sources hold a record of a person.
enum SourceBits : uint8_t {
  kInHubSpot = 1,
  kInSfLead = 2,
  kInSfContact = 4,
  kInSansan = 8,
  kInEight = 16,
  kInEightOld = 32,
  kInGa4 = 64,
  kHubSpotDup = 128,  // a second HubSpot contact (private e-mail)
};

struct Person {
  uint32_t company = 0;
  uint32_t new_company = kNone;  // job change: works here from change_day
  uint16_t change_day = kNoDay;
  uint16_t family = 0, given = 0;  // indices into the name tables
  bool female = false;
  bool committee = false;
  uint8_t title = 0, dept = 0, new_title = 0;
  Channel channel = Channel::kDirect;
  uint8_t sources = 0;
  uint8_t devices = 0;  // GA4 browsers (user_pseudo_ids): 0, 1 or 2
  uint8_t owner = 0;    // sales rep who owns the person
  uint16_t first_day = 0, known_day = kNoDay;
  uint16_t mql_day = kNoDay, sql_day = kNoDay, opp_day = kNoDay, customer_day = kNoDay;
};

enum class DealType : uint8_t { kNewBusiness, kRenewal, kUpsell };

struct Deal {
  uint32_t company = 0;
  uint32_t contact = 0;  // primary contact (a person index)
  uint16_t created_day = 0;
  DealType type = DealType::kNewBusiness;
  bool plan_win = false;       // where the path ends unless the window ends first
  bool long_approval = false;  // waits 60-120 days in internal approval
  bool custom_stage = false;   // the wait is in the custom "Internal Approval" stage
  bool in_hubspot = false;
  uint8_t owner = 0;
  uint32_t amount_man = 0;  // amount in units of 10,000 JPY
};

struct Session {
  uint32_t visitor = 0;  // person*2 + device, or 2*people + anonymous index
  uint32_t start = 0;    // seconds since day 0 00:00 JST
  uint16_t number = 1;   // ga_session_number for the visitor
  uint8_t kind = 0;      // SessionKind
  uint8_t pages = 1;
  bool identified = false;  // user_id known (after the person filled a form)
};
enum SessionKind : uint8_t { kBrowse, kContactForm, kWhitepaper, kPricing, kSeminarSignup };

struct Owner {
  uint16_t family = 0, given = 0;
  bool female = false;
};

struct World {
  uint64_t seed = 0;
  WorldSize size = WorldSize::kSmall;
  std::vector<Owner> owners;
  std::vector<Company> companies;
  std::vector<Person> people;
  std::vector<Deal> deals;
  std::vector<Session> sessions;  // sorted by start time
};

/// Builds the world for a seed and size. Deterministic; never fails.
World build_world(uint64_t seed, WorldSize size);

/// One step of a deal's stage path (Salesforce stage names).
struct StageStep {
  std::string_view stage;
  int probability = 0;
  uint16_t day = 0;
  uint32_t amount_man = 0;
};
/// The deal's stages in order from creation, cut at kLastDay (a deal whose last step is not
/// closed is still open). Pure function of the world and the deal index.
std::vector<StageStep> deal_path(const World& w, uint32_t deal);

}  // namespace revarch::demo
