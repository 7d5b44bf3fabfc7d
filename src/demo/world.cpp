#include "demo/world.h"

#include <algorithm>
#include <array>

#include "demo/names_data.h"
#include "demo/rng.h"
#include "demo/vocab.h"

namespace revarch::demo {
namespace {

// Stream purposes for stream_key(): each kind of fact has its own stream, so adding a fact of
// one kind never shifts the random numbers of another.
enum Stream : uint64_t { kSCompanies = 1, kSPeople, kSDeals, kSSessions, kSOwners, kSPath };

uint16_t clamp_day(int d) {
  return static_cast<uint16_t>(std::clamp(d, 0, int{kLastDay}));
}

void build_owners(World& w, const NameTables& names) {
  Rng rng(stream_key(w.seed, kSOwners));
  const int n = w.size == WorldSize::kTiny ? 6 : 20;
  for (int i = 0; i < n; ++i) {
    Owner o;
    o.female = rng.chance(0.4);
    o.family = static_cast<uint16_t>(rng.below(static_cast<uint32_t>(names.family.size())));
    const auto& given = o.female ? names.female : names.male;
    o.given = static_cast<uint16_t>(rng.below(static_cast<uint32_t>(given.size())));
    w.owners.push_back(o);
  }
}

void build_companies(World& w, const SizeSpec& spec) {
  Rng rng(stream_key(w.seed, kSCompanies));
  const uint32_t combos = static_cast<uint32_t>(name_prefixes().size() * name_middles().size() *
                                                name_suffixes().size());
  const uint32_t combo_offset = rng.below(combos);
  const uint64_t base_offset = rng.next() % 1000000000000ULL;
  std::vector<double> pref_weights;
  for (const auto& p : prefectures()) pref_weights.push_back(p.weight);
  static constexpr std::array<double, 3> kSegmentWeights{0.12, 0.30, 0.58};
  static constexpr std::array<double, 3> kDealShare{0.55, 0.40, 0.25};
  w.companies.resize(spec.companies);
  for (uint32_t i = 0; i < spec.companies; ++i) {
    Company& c = w.companies[i];
    // An affine map with a multiplier coprime to the modulus is a bijection: names repeat only
    // once every combination has been used (deliberate 同名異社 in the large world).
    c.name_combo = static_cast<uint32_t>((uint64_t{i} * 7919 + combo_offset) % combos);
    c.name_dup = static_cast<uint16_t>(i / combos);
    const double form = rng.unit();
    c.legal_form = form < 0.55   ? LegalForm::kMaeKabu
                   : form < 0.95 ? LegalForm::kAtoKabu
                                 : LegalForm::kGodo;
    c.prefecture = static_cast<uint8_t>(rng.weighted(pref_weights));
    c.segment = static_cast<Segment>(rng.weighted(kSegmentWeights));
    switch (c.segment) {
      case Segment::kEnterprise: c.employees = static_cast<uint32_t>(rng.range(1000, 40000)); break;
      case Segment::kMid: c.employees = static_cast<uint32_t>(rng.range(100, 999)); break;
      case Segment::kSmb: c.employees = static_cast<uint32_t>(rng.range(8, 99)); break;
    }
    c.employees_sf = c.employees;
    if (rng.chance(0.25)) {  // the CRMs disagree on headcount
      c.employees_sf =
          std::max<uint32_t>(5, static_cast<uint32_t>(c.employees * (0.4 + 2.2 * rng.unit())));
    }
    c.corporate_base = (uint64_t{i} * 7777777771ULL + base_offset) % 1000000000000ULL;
    c.has_deals = rng.chance(kDealShare[static_cast<int>(c.segment)]);
  }
}

// Splits the people between companies: larger companies get more contacts.
void assign_people_counts(World& w, const SizeSpec& spec) {
  static constexpr std::array<double, 3> kWeight{3.0, 1.4, 0.7};
  double total = 0;
  for (const auto& c : w.companies) total += kWeight[static_cast<int>(c.segment)];
  const uint32_t spare = spec.people - 2 * spec.companies;
  uint32_t given = 0;
  for (auto& c : w.companies) {
    c.person_count =
        2 + static_cast<uint32_t>(kWeight[static_cast<int>(c.segment)] * spare / total);
    given += c.person_count;
  }
  for (uint32_t i = 0; given < spec.people; ++i, ++given)
    ++w.companies[i % spec.companies].person_count;
  uint32_t next = 0;
  for (auto& c : w.companies) {
    c.first_person = next;
    next += c.person_count;
  }
}

uint8_t pick_title(Rng& rng, bool committee, bool lead) {
  if (lead) return static_cast<uint8_t>(rng.range(2, 4));  // 執行役員 .. 部長
  static constexpr std::array<double, 12> kCommittee{0.3, 0.5, 1, 1, 3, 1, 3, 1, 1, 1.5, 1.5, 0.5};
  static constexpr std::array<double, 12> kOthers{0.05, 0.1, 0.2, 0.3, 1, 0.5,
                                                  2,    0.7, 1.2, 2.5, 5, 1};
  return static_cast<uint8_t>(rng.weighted(committee ? std::span<const double>(kCommittee)
                                                     : std::span<const double>(kOthers)));
}

void build_person(World& w, const NameTables& names, uint32_t company, uint32_t index, int engage,
                  Rng& rng) {
  const Company& c = w.companies[company];
  Person& p = w.people[c.first_person + index];
  p.company = company;
  p.committee = c.has_deals && index < c.committee_size;
  p.female = rng.chance(0.35);
  p.family = static_cast<uint16_t>(rng.below(static_cast<uint32_t>(names.family.size())));
  p.given = static_cast<uint16_t>(
      rng.below(static_cast<uint32_t>((p.female ? names.female : names.male).size())));
  p.title = pick_title(rng, p.committee, p.committee && index == 0);
  p.dept = static_cast<uint8_t>(rng.below(static_cast<uint32_t>(departments().size())));
  p.owner = static_cast<uint8_t>(company % w.owners.size());
  static constexpr std::array<double, 9> kChannels{14, 10, 6, 6, 22, 10, 12, 8, 5};
  p.channel = static_cast<Channel>(rng.weighted(kChannels));
  p.first_day = p.committee ? clamp_day(engage + rng.range(-30, 45)) : clamp_day(rng.range(0, 640));
  if (is_card_channel(p.channel)) {
    p.known_day = p.first_day;
    const double r = rng.unit();
    p.sources |= r < 0.62 ? kInSansan : r < 0.92 ? kInEight : (kInSansan | kInEight);
    if ((p.sources & kInEight) && rng.chance(0.15)) p.sources |= kInEightOld;
    p.devices = rng.chance(0.4) ? 1 : 0;
  } else {
    p.devices = rng.chance(0.15) ? 2 : 1;
    if (rng.chance(0.7) || p.committee) p.known_day = p.first_day;
  }
  if (p.devices > 0) p.sources |= kInGa4;
  if (p.committee && !(p.sources & (kInSansan | kInEight)))
    p.sources |= kInSansan;  // first meeting
  if (p.known_day != kNoDay && rng.chance(0.85)) p.sources |= kInHubSpot;
  if ((p.sources & kInHubSpot) && rng.chance(0.03)) p.sources |= kHubSpotDup;
  if (p.known_day != kNoDay && (p.committee || rng.chance(0.25))) {
    p.mql_day = clamp_day(p.known_day + rng.range(0, 30));
    if (rng.chance(0.7) || p.committee) p.sources |= kInSfLead;
  }
  if (p.committee || (c.has_deals && rng.chance(0.2))) p.sources |= kInSfContact;
  if ((p.sources & kInSansan) && rng.chance(0.04) && w.companies.size() > 1) {
    const int from = p.first_day + 60;
    if (from < kLastDay - 10) {
      p.new_company = (company + 1 + rng.below(static_cast<uint32_t>(w.companies.size() - 1))) %
                      static_cast<uint32_t>(w.companies.size());
      p.change_day = static_cast<uint16_t>(rng.range(from, kLastDay - 10));
      p.new_title = static_cast<uint8_t>(std::max(0, p.title - 1 - rng.range(0, 2)));
    }
  }
}

void build_people(World& w, const NameTables& names, std::vector<int>& engage) {
  Rng rng(stream_key(w.seed, kSPeople));
  w.people.resize(w.companies.back().first_person + w.companies.back().person_count);
  engage.resize(w.companies.size());
  for (uint32_t ci = 0; ci < w.companies.size(); ++ci) {
    Company& c = w.companies[ci];
    engage[ci] = rng.range(0, 560);
    c.committee_size = static_cast<uint8_t>(std::min<uint32_t>(c.person_count, rng.range(2, 8)));
    for (uint32_t k = 0; k < c.person_count; ++k) build_person(w, names, ci, k, engage[ci], rng);
    for (uint32_t k = 0; k < c.person_count; ++k) {
      c.first_known_day = std::min(c.first_known_day, w.people[c.first_person + k].known_day);
    }
  }
}

void add_deal(World& w, Rng& rng, uint32_t ci, DealType type, int created, bool win) {
  const Company& c = w.companies[ci];
  Deal d;
  d.company = ci;
  d.contact = c.first_person + (type == DealType::kNewBusiness ? 0 : rng.below(c.committee_size));
  d.created_day = clamp_day(created);
  d.type = type;
  d.plan_win = win;
  d.long_approval =
      type == DealType::kNewBusiness && rng.chance(c.segment == Segment::kEnterprise ? 0.6 : 0.3);
  d.custom_stage = d.long_approval && rng.chance(0.5);
  d.in_hubspot = rng.chance(0.5);
  d.owner = static_cast<uint8_t>(ci % w.owners.size());
  static constexpr std::array<int, 3> kBase{1200, 400, 90};  // in 10,000 JPY
  const int base = kBase[static_cast<int>(c.segment)];
  d.amount_man =
      static_cast<uint32_t>(rng.range(base / 2, base * 2)) / (type == DealType::kUpsell ? 3 : 1);
  w.deals.push_back(d);
}

void build_deals(World& w, const std::vector<int>& engage) {
  Rng rng(stream_key(w.seed, kSDeals));
  for (uint32_t ci = 0; ci < w.companies.size(); ++ci) {
    Company& c = w.companies[ci];
    if (!c.has_deals) continue;
    const int created = engage[ci] + rng.range(20, 90);
    if (created > kLastDay - 5) {
      c.has_deals = false;
      continue;
    }
    const uint32_t first = static_cast<uint32_t>(w.deals.size());
    add_deal(w, rng, ci, DealType::kNewBusiness, created, rng.chance(0.45));
    for (uint32_t k = 0; k < c.committee_size; ++k) {
      Person& p = w.people[c.first_person + k];
      p.opp_day = static_cast<uint16_t>(created);
      p.sql_day = clamp_day(std::min<int>(created - 3, std::max<int>(p.known_day, created - 20)));
      if (p.mql_day > p.sql_day) p.mql_day = p.sql_day;
    }
    const auto path = deal_path(w, first);
    if (path.back().stage != "Closed Won") continue;
    const int won = path.back().day;
    c.customer_day = static_cast<uint16_t>(won);
    for (uint32_t k = 0; k < c.committee_size; ++k)
      w.people[c.first_person + k].customer_day = c.customer_day;
    if (rng.chance(0.35) && won + 240 <= kLastDay) {
      add_deal(w, rng, ci, DealType::kUpsell, won + rng.range(90, 240), rng.chance(0.6));
    }
    if (won + 335 <= kLastDay - 5) {
      const bool renew = rng.chance(0.8);
      c.churned = !renew && won + 365 <= kLastDay;
      add_deal(w, rng, ci, DealType::kRenewal, won + 300, renew);
    }
  }
}

void add_person_sessions(World& w, const SizeSpec& spec, uint32_t pi, Rng& rng) {
  const Person& p = w.people[pi];
  const int n =
      1 + static_cast<int>(rng.below(static_cast<uint32_t>(2 * spec.sessions_per_web_person - 1)));
  const size_t begin = w.sessions.size();
  for (int k = 0; k < n; ++k) {
    Session s;
    const bool device2 = p.devices == 2 && rng.chance(0.3);
    s.visitor = pi * 2 + (device2 ? 1 : 0);
    int day;
    if (k == 0 && !is_card_channel(p.channel)) {
      day = p.first_day;
      s.kind = p.known_day == p.first_day
                   ? static_cast<uint8_t>(rng.range(kContactForm, kWhitepaper))
                   : static_cast<uint8_t>(kBrowse);
      if (s.kind == kWhitepaper && rng.chance(0.3)) s.kind = kSeminarSignup;
    } else {
      const int from = is_card_channel(p.channel) ? p.known_day + 1 : p.first_day;
      day = clamp_day(from + rng.range(0, 200));
      s.kind = rng.chance(0.2) ? kPricing : rng.chance(0.08) ? kWhitepaper : kBrowse;
    }
    s.start =
        static_cast<uint32_t>(day) * 86400 + static_cast<uint32_t>(rng.range(8 * 3600, 20 * 3600));
    s.pages = static_cast<uint8_t>(rng.range(1, 5));
    s.identified = p.known_day != kNoDay && day > p.known_day;
    w.sessions.push_back(s);
  }
  std::sort(w.sessions.begin() + static_cast<std::ptrdiff_t>(begin), w.sessions.end(),
            [](const Session& a, const Session& b) { return a.start < b.start; });
  uint16_t numbers[2] = {0, 0};
  for (size_t i = begin; i < w.sessions.size(); ++i) {
    w.sessions[i].number = ++numbers[w.sessions[i].visitor & 1];
  }
}

void build_sessions(World& w, const SizeSpec& spec) {
  Rng rng(stream_key(w.seed, kSSessions));
  for (uint32_t pi = 0; pi < w.people.size(); ++pi) {
    if (w.people[pi].devices > 0) add_person_sessions(w, spec, pi, rng);
  }
  const uint32_t anon_base = static_cast<uint32_t>(w.people.size()) * 2;
  for (uint32_t a = 0; a < spec.anonymous_visitors; ++a) {
    const int n = rng.chance(0.3) ? 2 : 1;
    int day = rng.range(0, kLastDay);
    for (int k = 0; k < n; ++k) {
      Session s;
      s.visitor = anon_base + a;
      s.start = static_cast<uint32_t>(day) * 86400 + static_cast<uint32_t>(rng.range(0, 86399));
      s.number = static_cast<uint16_t>(k + 1);
      s.kind = static_cast<uint8_t>(rng.chance(0.1) ? kPricing : kBrowse);
      s.pages = static_cast<uint8_t>(rng.range(1, 3));
      w.sessions.push_back(s);
      day = clamp_day(day + rng.range(1, 30));
    }
  }
  std::sort(w.sessions.begin(), w.sessions.end(), [](const Session& a, const Session& b) {
    return a.start != b.start ? a.start < b.start : a.visitor < b.visitor;
  });
}

}  // namespace

World build_world(uint64_t seed, WorldSize size) {
  const SizeSpec spec = size_spec(size);
  const NameTables& names = embedded_name_tables();
  World w;
  w.seed = seed;
  w.size = size;
  build_owners(w, names);
  build_companies(w, spec);
  assign_people_counts(w, spec);
  std::vector<int> engage;
  build_people(w, names, engage);
  build_deals(w, engage);
  build_sessions(w, spec);
  return w;
}

}  // namespace revarch::demo
