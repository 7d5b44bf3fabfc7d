#include "identity/record_table.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <string>

#include "store/canonical.h"
#include "text/contact_points.h"
#include "text/ids.h"
#include "text/japanese.h"

namespace revarch::identity {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

bool is_snapshot(std::string_view type) {
  return type == canon::kRecordUpsert || type == canon::kCardExchanged ||
         type == canon::kJobChanged || type == canon::kLeadConverted;
}

bool is_web(std::string_view type) {
  return type.starts_with("web.");
}

std::string canonical_id(std::string_view source, std::string_view id) {
  if (source == "salesforce") {
    if (auto id18 = text::salesforce_id18(id)) return *id18;
  }
  return std::string(id);
}

void remember_email(Record& r, uint32_t value) {
  auto& past = r.past_emails;
  if (std::find(past.begin(), past.end(), value) == past.end()) past.push_back(value);
}

}  // namespace

Group group_of(EntityKind kind) {
  switch (kind) {
    case EntityKind::kContact:
    case EntityKind::kVisitor: return Group::kPerson;
    case EntityKind::kAccount: return Group::kCompany;
    case EntityKind::kDeal: return Group::kDeal;
    case EntityKind::kOwner: return Group::kNone;
  }
  return Group::kNone;
}

uint32_t RecordTable::record_for(std::string_view source, EntityKind kind, std::string_view id,
                                 bool implied) {
  uint32_t src = pool_.intern(source);
  uint32_t rid =
      implied || source != "salesforce" ? pool_.intern(id) : pool_.intern(canonical_id(source, id));
  uint64_t key = (uint64_t{src} << 40) ^ (uint64_t{static_cast<uint8_t>(kind)} << 32) ^ rid;
  auto [it, inserted] = index_.try_emplace(key, static_cast<uint32_t>(records_.size()));
  if (inserted) {
    Record r;
    r.source = src;
    r.id = rid;
    r.kind = kind;
    r.implied = implied;
    records_.push_back(std::move(r));
  }
  return it->second;
}

uint32_t RecordTable::company_key_of(uint32_t name_value) const {
  auto it = company_keys_.find(name_value);
  return it == company_keys_.end() ? kNone : it->second;
}

uint32_t RecordTable::find(const SourceRef& ref) const {
  uint32_t src = pool_.find(ref.source);
  uint32_t rid = pool_.find(canonical_id(ref.source, ref.id));
  if (src == kNone || rid == kNone) return kNone;
  uint64_t key = (uint64_t{src} << 40) ^ (uint64_t{static_cast<uint8_t>(ref.kind)} << 32) ^ rid;
  auto it = index_.find(key);
  return it == index_.end() ? kNone : it->second;
}

SourceRef RecordTable::ref(uint32_t record) const {
  const Record& r = records_[record];
  return SourceRef{std::string(pool_.view(r.source)), r.kind, std::string(pool_.view(r.id))};
}

std::string_view RecordTable::value(const Record& r, uint32_t prop) const {
  for (const Field& f : r.fields) {
    if (f.prop == prop) return pool_.view(f.value);
  }
  return {};
}

bool RecordTable::keeps(EntityKind kind, std::string_view prop) const {
  if (kind == EntityKind::kVisitor) {
    return prop == config_->visitor_user_id_property || prop == canon::kEmail;
  }
  const auto& skip = config_->event_only_properties;
  return std::find(skip.begin(), skip.end(), prop) == skip.end();
}

void RecordTable::set_field(uint32_t record, std::string_view prop, std::string_view value,
                            int64_t at) {
  if (value.empty() || !keeps(records_[record].kind, prop)) return;
  uint32_t p = pool_.intern(prop);
  uint32_t v = pool_.intern(value);
  Record& r = records_[record];
  for (Field& f : r.fields) {
    if (f.prop != p) continue;
    bool later = at > f.observed_at_ms;
    bool tie_wins = at == f.observed_at_ms && pool_.view(v) > pool_.view(f.value);
    if (later || tie_wins) {
      if (prop == canon::kEmail && f.value != v) remember_email(r, f.value);
      f.value = v;
      f.observed_at_ms = at;
    }
    if (prop == canon::kEmail && f.value != v) remember_email(r, v);
    return;
  }
  r.fields.push_back(Field{p, v, at});
}

void RecordTable::relate(uint32_t from, uint32_t to, RelationType type, SameAsWhy why, int64_t at) {
  if (from == to) return;
  for (Relation& rel : records_[from].relations) {
    if (rel.target != to || rel.type != type) continue;
    rel.why = std::max(rel.why, why);
    rel.first_at_ms = std::min(rel.first_at_ms, at);
    rel.last_at_ms = std::max(rel.last_at_ms, at);
    return;
  }
  records_[from].relations.push_back(Relation{to, type, why, at, at});
}

uint32_t RecordTable::implied_company(const Event& e, const Properties& props,
                                      std::string_view name_prop) {
  const std::string* name = find_property(props, name_prop);
  if (name == nullptr) return kNone;
  // The same company name comes back on many cards and contacts: normalise it once.
  auto [memo, inserted] = company_keys_.try_emplace(pool_.intern(*name));
  if (inserted) {
    std::string key = text::normalize_company_name(*name);
    memo->second = key.empty() ? 0 : pool_.intern(std::string("~").append(key));
  }
  uint32_t key = memo->second;
  if (key == 0) return kNone;
  uint32_t c = record_for(e.subject.source, EntityKind::kAccount, pool_.view(key),
                          /*implied=*/true);
  int64_t at = e.occurred_at_ms;
  set_field(c, canon::kCompanyName, *name, at);
  if (name_prop != canon::kCompanyName) return c;  // a previous employer: only its name is known
  for (std::string_view p : {canon::kCorporateNumber, canon::kPrefecture, canon::kWebsite}) {
    if (const std::string* v = find_property(props, p)) set_field(c, p, *v, at);
  }
  const std::string* email = find_property(props, canon::kEmail);
  if (config_->company_domain_from_email && email != nullptr) {
    if (auto norm = text::normalize_email(*email)) {
      std::string domain = text::email_domain(*norm);
      if (!domain.empty() && !text::is_free_mail_domain(domain)) {
        set_field(c, canon::kDomain, domain, at);
      }
    }
  }
  return c;
}

void RecordTable::apply_snapshot(uint32_t subject, const Event& e, const Properties& props) {
  if (records_[subject].fields.empty()) records_[subject].fields.reserve(props.size());
  for (const auto& [k, v] : props) set_field(subject, k, v, e.occurred_at_ms);
  if (group_of(records_[subject].kind) != Group::kPerson) return;
  bool has_company_ref = std::any_of(e.related.begin(), e.related.end(), [](const SourceRef& r) {
    return r.kind == EntityKind::kAccount;
  });
  if (!has_company_ref) {
    uint32_t c = implied_company(e, props, canon::kCompanyName);
    if (c != kNone) relate(subject, c, RelationType::kEmployer, {}, e.occurred_at_ms);
  }
  uint32_t prev = implied_company(e, props, canon::kPreviousCompanyName);
  if (prev != kNone) relate(subject, prev, RelationType::kEmployer, {}, e.occurred_at_ms - 1);
}

void RecordTable::apply_related(uint32_t subject, const Event& e) {
  Group sg = group_of(records_[subject].kind);
  bool merged = e.type == canon::kRecordMerged;
  bool snapshot = is_snapshot(e.type) || merged || e.type == canon::kAssociationChanged;
  if (e.type == canon::kAssociationChanged) {
    const std::string* removed = find_property(e.properties, "association_removed");
    if (removed != nullptr && *removed == "true") return;
  }
  for (const SourceRef& rel : e.related) {
    Group rg = group_of(rel.kind);
    if (rg == Group::kNone) continue;
    uint32_t r = record_for(rel);
    int64_t at = e.occurred_at_ms;
    if (is_web(e.type)) {
      if (sg == Group::kPerson && rg == Group::kPerson) {
        relate(subject, r, RelationType::kSameAs, SameAsWhy::kUserId, at);
      }
      continue;
    }
    if (!snapshot) continue;
    if (rg == sg) {
      SameAsWhy why = SameAsWhy::kCrossRef;
      if (merged) {
        why = SameAsWhy::kMerged;
      } else if (e.type == canon::kLeadConverted ||
                 (e.subject.source == "salesforce" &&
                  text::salesforce_key_prefix(e.subject.id) == "00Q" &&
                  rel.source == "salesforce")) {
        why = SameAsWhy::kLeadConversion;
      }
      relate(subject, r, RelationType::kSameAs, why, at);
    } else if (sg == Group::kPerson && rg == Group::kCompany) {
      relate(subject, r, RelationType::kEmployer, {}, at);
    } else if (sg == Group::kCompany && rg == Group::kPerson) {
      relate(r, subject, RelationType::kEmployer, {}, at);
    } else if (sg == Group::kDeal || rg == Group::kDeal) {
      uint32_t deal = sg == Group::kDeal ? subject : r;
      relate(deal, sg == Group::kDeal ? r : subject, RelationType::kAssociated, {}, at);
    }
  }
}

void RecordTable::add(const Event& e) {
  if (group_of(e.subject.kind) == Group::kNone) return;
  uint32_t subject = record_for(e.subject);
  if (e.type == canon::kJobChanged) {
    records_[subject].moved_at_ms = std::max(records_[subject].moved_at_ms, e.occurred_at_ms);
  } else if (e.type == canon::kContactResigned) {
    records_[subject].resigned = true;
  }
  if (is_snapshot(e.type)) {
    apply_snapshot(subject, e, e.properties);
  } else if (e.type == canon::kPropertyChanged) {
    const std::string* prop = find_property(e.properties, "property");
    const std::string* value = find_property(e.properties, "value");
    if (prop != nullptr && value != nullptr) apply_snapshot(subject, e, {{*prop, *value}});
  } else if (is_web(e.type) && e.subject.kind == EntityKind::kVisitor) {
    // Web events are most events: a visitor keeps only its user id and e-mail (see keeps()).
    for (const auto& [k, v] : e.properties) {
      if (k == config_->visitor_user_id_property || k == canon::kEmail) {
        set_field(subject, k, v, e.occurred_at_ms);
      }
    }
  }
  if (!e.related.empty()) apply_related(subject, e);
}

}  // namespace revarch::identity
