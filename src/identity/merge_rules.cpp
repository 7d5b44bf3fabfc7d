// The matching rules of identity resolution (docs/identity.md, "Keys and order").

#include <algorithm>
#include <string>

#include "identity/keys.h"
#include "identity/result_builder.h"
#include "text/ids.h"

namespace revarch::identity {
namespace {

// Groups larger than this on a guarded key (a switchboard number on thousands of cards) are not
// used: comparing every pair would be slow and the key says nothing about one person.
constexpr size_t kMaxGuardedGroup = 1000;
// Refused merges logged per key group (enough for explain, bounded for common names).
constexpr size_t kMaxBlockedLogged = 8;

std::string_view same_as_reason(SameAsWhy why, Group g) {
  switch (why) {
    case SameAsWhy::kLeadConversion:
      return g == Group::kPerson    ? "sf:ConvertedContactId"
             : g == Group::kCompany ? "sf:ConvertedAccountId"
                                    : "sf:ConvertedOpportunityId";
    case SameAsWhy::kMerged: return "merged=";
    case SameAsWhy::kUserId: return "user_id=";
    case SameAsWhy::kCrossRef: return "crm_id=";
  }
  return "crm_id=";
}

}  // namespace

void ResultBuilder::sort_entries(std::vector<KeyEntry>& entries) {
  std::vector<uint32_t> keys;
  keys.reserve(entries.size());
  for (const KeyEntry& e : entries) keys.push_back(e.key);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<std::pair<uint64_t, uint32_t>> by_text;
  by_text.reserve(keys.size());
  for (uint32_t k : keys) by_text.emplace_back(order_prefix(facts_.view(k)), k);
  std::sort(by_text.begin(), by_text.end(), [this](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return facts_.view(x.second) < facts_.view(y.second);
  });
  // Rank of each key (indexed by position in the sorted `keys`), then integer sort keys.
  std::vector<uint32_t> rank(keys.size());
  for (uint32_t i = 0; i < by_text.size(); ++i) {
    rank[std::lower_bound(keys.begin(), keys.end(), by_text[i].second) - keys.begin()] = i;
  }
  by_text = {};
  struct Sortable {
    uint64_t key_scope;
    uint32_t record_rank;
    uint32_t index;
  };
  std::vector<Sortable> order(entries.size());
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const KeyEntry& e = entries[i];
    uint32_t r = rank[std::lower_bound(keys.begin(), keys.end(), e.key) - keys.begin()];
    order[i] = {(uint64_t{r} << 32) | e.scope, clusters_->rank(e.record), i};
  }
  keys = {};
  rank = {};
  std::sort(order.begin(), order.end(), [](const Sortable& x, const Sortable& y) {
    if (x.key_scope != y.key_scope) return x.key_scope < y.key_scope;
    return x.record_rank < y.record_rank;
  });
  std::vector<KeyEntry> sorted;
  sorted.reserve(entries.size());
  for (const Sortable& s : order) sorted.push_back(entries[s.index]);
  entries = std::move(sorted);
}

bool ResultBuilder::merge(uint32_t a, uint32_t b, std::string_view rule, const std::string& reason,
                          const char* blocked_by) {
  IdentityResult::Step step;
  step.a = a;
  step.b = b;
  step.rule = out_.reasons_.intern(rule);
  step.reason = out_.reasons_.intern(reason);
  if (blocked_by != nullptr) {
    step.blocked_by = out_.reasons_.intern(blocked_by);
    out_.steps_.push_back(step);
    return false;
  }
  clusters_->unite(a, b);
  out_.steps_.push_back(step);
  for (uint32_t r : {a, b}) {
    if (has_reason_[r]) continue;
    has_reason_[r] = 1;
    out_.links_[r].rule = step.rule;
    out_.links_[r].reason = step.reason;
  }
  return true;
}

void ResultBuilder::run_groups(std::vector<KeyEntry>& entries, std::string_view rule,
                               std::string_view label, const Guard& guard,
                               std::optional<Fact> anchor_fact) {
  Clusters& c = *clusters_;
  sort_entries(entries);
  std::vector<uint32_t> members, anchors, compatible;
  for (size_t lo = 0; lo < entries.size();) {
    size_t hi = lo + 1;
    while (hi < entries.size() && entries[hi].key == entries[lo].key &&
           entries[hi].scope == entries[lo].scope) {
      ++hi;
    }
    std::string reason(label);
    reason += facts_.view(entries[lo].key);
    if (entries[lo].scope != 0)
      reason.append("|").append(company_display(order_[entries[lo].scope - 1]));
    members.clear();
    for (size_t i = lo; i < hi; ++i) members.push_back(entries[i].record);
    lo = hi;
    if (!guard) {
      for (size_t i = 1; i < members.size(); ++i) {
        if (c.find(members[0]) != c.find(members[i]))
          merge(members[0], members[i], rule, reason, nullptr);
      }
      continue;
    }
    if (members.size() > kMaxGuardedGroup) {
      merge(members[0], members[1], rule, reason, "key_too_common");
      continue;
    }
    if (anchor_fact) {
      std::stable_partition(members.begin(), members.end(),
                            [&c, f = *anchor_fact](uint32_t m) { return c.has_fact(m, f); });
    }
    anchors.clear();
    size_t logged = 0;
    auto log_refusal = [&](uint32_t a, uint32_t b, const char* why) {
      if (logged++ < kMaxBlockedLogged) merge(a, b, rule, reason, why);
    };
    for (uint32_t rec : members) {
      compatible.clear();
      bool joined = false;
      for (uint32_t anchor : anchors) {
        if (c.find(anchor) == c.find(rec)) {
          joined = true;
          break;
        }
        const char* why = guard(anchor, rec);
        if (why == nullptr) {
          compatible.push_back(anchor);
        } else {
          log_refusal(anchor, rec, why);
        }
      }
      if (joined) continue;
      if (compatible.empty()) {
        anchors.push_back(rec);
      } else if (compatible.size() == 1) {
        merge(compatible[0], rec, rule, reason, nullptr);
      } else {
        for (uint32_t a : compatible) log_refusal(a, rec, "ambiguous");
      }
    }
  }
}

void ResultBuilder::same_as_pass(Group group) {
  const RecordTable& t = *table_;
  const auto& records = t.records();
  for (uint32_t r : order_) {
    if (group_of(records[r].kind) != group) continue;
    std::vector<Relation> rels;
    for (const Relation& rel : records[r].relations) {
      if (rel.type == RelationType::kSameAs) rels.push_back(rel);
    }
    std::sort(rels.begin(), rels.end(), [this](const Relation& x, const Relation& y) {
      return clusters_->rank(x.target) < clusters_->rank(y.target);
    });
    for (const Relation& rel : rels) {
      if (clusters_->find(r) == clusters_->find(rel.target)) continue;
      std::string reason(same_as_reason(rel.why, group));
      if (rel.why != SameAsWhy::kLeadConversion) {
        const Record& target = records[rel.target];
        reason.append(t.pool().view(target.source)).append(":").append(t.pool().view(target.id));
      }
      merge(r, rel.target, "crm_id", reason, nullptr);
    }
  }
}

void ResultBuilder::user_id_pass() {
  const RecordTable& t = *table_;
  const auto& records = t.records();
  const auto& crm = config_.crm_sources;
  std::vector<KeyEntry> entries;
  for (uint32_t r = 0; r < records.size(); ++r) {
    const Record& rec = records[r];
    if (rec.kind == EntityKind::kVisitor) {
      if (uint32_t id = keys_->user_id(rec); id != 0) entries.push_back({id, 0, r});
    } else if (rec.kind == EntityKind::kContact && !rec.implied &&
               std::find(crm.begin(), crm.end(), t.pool().view(rec.source)) != crm.end()) {
      entries.push_back({facts_.intern(t.pool().view(rec.id)), 0, r});
    }
  }
  sort_entries(entries);  // scopes are all 0
  for (size_t lo = 0; lo < entries.size();) {
    size_t hi = lo + 1;
    while (hi < entries.size() && entries[hi].key == entries[lo].key) ++hi;
    std::vector<uint32_t> contacts;
    for (size_t i = lo; i < hi; ++i) {
      if (records[entries[i].record].kind == EntityKind::kContact) {
        contacts.push_back(entries[i].record);
      }
    }
    std::string reason("user_id=");
    reason.append(facts_.view(entries[lo].key));
    for (size_t i = lo; i < hi && !contacts.empty(); ++i) {
      uint32_t v = entries[i].record;
      if (records[v].kind != EntityKind::kVisitor) continue;
      merge(contacts[0], v, "crm_id", reason, contacts.size() > 1 ? "ambiguous_user_id" : nullptr);
    }
    lo = hi;
  }
}

void ResultBuilder::resolve_companies() {
  const RecordTable& t = *table_;
  const auto& records = t.records();
  // Keys are computed once (normalisation is the costly part) into compact entries per key.
  std::vector<KeyEntry> corporate_numbers, domains, names;
  CompanyKeyIds k;
  for (uint32_t r = 0; r < records.size(); ++r) {
    if (group_of(records[r].kind) != Group::kCompany) continue;
    keys_->company(records[r], k);
    if (k.corporate_number != 0) {
      clusters_->add_fact(r, Fact::kCorporateNumber, k.corporate_number);
      corporate_numbers.push_back({k.corporate_number, 0, r});
    }
    if (k.prefecture != 0) clusters_->add_fact(r, Fact::kPrefecture, k.prefecture);
    for (uint32_t d : k.domains) domains.push_back({d, 0, r});
    company_name_key_[r] = k.name;
    if (k.name != 0) names.push_back({k.name, 0, r});
  }
  Clusters& c = *clusters_;
  Guard corp = [&c](uint32_t a, uint32_t b) -> const char* {
    return c.conflict(a, b, Fact::kCorporateNumber) ? "corporate_number_conflict" : nullptr;
  };
  bool pref = config_.company_name_needs_same_prefecture;
  Guard name_guard = [&c, pref, corp](uint32_t a, uint32_t b) -> const char* {
    if (const char* why = corp(a, b)) return why;
    return pref && c.conflict(a, b, Fact::kPrefecture) ? "prefecture_conflict" : nullptr;
  };
  for (CompanyKey key : config_.company_keys) {
    std::string_view rule = company_key_name(key);
    switch (key) {
      case CompanyKey::kCorporateNumber:
        run_groups(corporate_numbers, rule, "corporate_number=", nullptr);
        break;
      case CompanyKey::kDomain:
        run_groups(domains, rule, "domain=", corp, Fact::kCorporateNumber);
        break;
      case CompanyKey::kCrmId: same_as_pass(Group::kCompany); break;
      case CompanyKey::kNormalizedName:
        run_groups(names, rule, "name=", name_guard, Fact::kCorporateNumber);
        break;
    }
  }
}

void ResultBuilder::resolve_people() {
  const RecordTable& t = *table_;
  const auto& records = t.records();
  Clusters& c = *clusters_;
  std::vector<KeyEntry> emails, phones, mobiles, names, readings, romaji;
  std::vector<uint32_t> companies;
  std::vector<std::pair<uint32_t, uint32_t>> name_reading(records.size());
  PersonKeyIds k;
  for (uint32_t r = 0; r < records.size(); ++r) {
    if (group_of(records[r].kind) != Group::kPerson) continue;
    keys_->person(records[r], k);
    name_reading[r] = {k.name, k.reading};
    for (uint32_t e : k.emails) emails.push_back({e, 0, r});
    for (uint32_t e : k.corporate_emails) c.add_fact(r, Fact::kCorporateEmail, e);
    for (uint32_t p : k.phones) phones.push_back({p, 0, r});
    for (uint32_t p : k.mobiles) mobiles.push_back({p, 0, r});
    uint32_t name = k.name;
    uint32_t reading = k.reading;
    if (name != 0) c.add_fact(r, Fact::kName, name);
    // A Latin name and a kana reading meet in their romanised form ("Eri Sakaguchi" = さかぐち
    // えり).
    if (k.romaji != 0 && k.romaji != name) c.add_fact(r, Fact::kName, k.romaji);
    if (k.name_has_kanji) c.add_fact(r, Fact::kKanjiName, name);
    if (name == 0 && reading == 0 && k.romaji == 0) continue;
    // Name keys are scoped by the company entity (its root's rank), one per employer.
    companies.clear();
    for (const Relation& rel : records[r].relations) {
      if (rel.type == RelationType::kEmployer) companies.push_back(c.rank(c.find(rel.target)));
    }
    std::sort(companies.begin(), companies.end());
    companies.erase(std::unique(companies.begin(), companies.end()), companies.end());
    for (uint32_t co : companies) {
      if (name != 0) names.push_back({name, co + 1, r});
      if (reading != 0) readings.push_back({reading, co + 1, r});
      if (k.romaji != 0) romaji.push_back({k.romaji, co + 1, r});
    }
  }
  Guard email = [&c](uint32_t a, uint32_t b) -> const char* {
    return c.conflict(a, b, Fact::kCorporateEmail) ? "email_conflict" : nullptr;
  };
  Guard name_only = [&c](uint32_t a, uint32_t b) -> const char* {
    return c.conflict(a, b, Fact::kName) ? "name_conflict" : nullptr;
  };
  Guard phone = [&c, email](uint32_t a, uint32_t b) -> const char* {
    if (const char* why = email(a, b)) return why;
    return c.conflict(a, b, Fact::kName) ? "name_conflict" : nullptr;
  };
  Guard reading = [&c, email](uint32_t a, uint32_t b) -> const char* {
    if (const char* why = email(a, b)) return why;
    return c.conflict(a, b, Fact::kKanjiName) ? "name_conflict" : nullptr;
  };
  for (PeopleKey key : config_.people_keys) {
    std::string_view rule = people_key_name(key);
    switch (key) {
      case PeopleKey::kEmail: run_groups(emails, rule, "email=", nullptr); break;
      case PeopleKey::kCrmId:
        same_as_pass(Group::kPerson);
        user_id_pass();
        break;
      case PeopleKey::kPhone:
        // A mobile travels with its owner across job changes: only the names must agree.
        run_groups(mobiles, rule, "mobile=", name_only, Fact::kName);
        run_groups(phones, rule, "phone=", phone, Fact::kCorporateEmail);
        break;
      case PeopleKey::kNameCompany:
        run_groups(names, rule, "name+company=", email, Fact::kCorporateEmail);
        break;
      case PeopleKey::kNameReadingCompany:
        run_groups(readings, rule, "reading+company=", reading, Fact::kCorporateEmail);
        run_groups(romaji, rule, "romaji+company=", reading, Fact::kKanjiName);
        job_move_pass(name_reading);
        break;
    }
  }
}

void ResultBuilder::resolve_deals() {
  same_as_pass(Group::kDeal);
}

}  // namespace revarch::identity
