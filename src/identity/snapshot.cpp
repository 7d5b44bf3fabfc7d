// IdentityResult -> the store's IdentitySnapshot (store/entities.h).

#include <unordered_map>

#include "identity/result.h"
#include "store/canonical.h"

namespace revarch::identity {
namespace {

EntityKind store_kind(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return EntityKind::kContact;
    case EntityType::kCompany: return EntityKind::kAccount;
    case EntityType::kDeal: return EntityKind::kDeal;
  }
  return EntityKind::kContact;
}

// Deterministic keys are certain; phone and name rules are strong evidence, not proof.
double confidence_of(const std::string& rule) {
  if (rule == "phone") return 0.9;
  if (rule == "name_company" || rule == "normalized_name") return 0.85;
  if (rule == "name_reading_company") return 0.8;
  return 1.0;
}

std::string display_name(const std::vector<FieldObservation>& fields, EntityType t) {
  std::unordered_map<std::string, std::string> chosen;
  for (const auto& f : fields) {
    if (f.chosen) chosen[f.property] = f.value;
  }
  auto get = [&chosen](std::string_view k) {
    auto it = chosen.find(std::string(k));
    return it == chosen.end() ? std::string() : it->second;
  };
  if (t == EntityType::kCompany) return get(canon::kCompanyName);
  if (t == EntityType::kDeal) return get(canon::kDealName);
  std::string name = get(canon::kFullName);
  if (name.empty()) {
    name = get(canon::kLastName);
    std::string first = get(canon::kFirstName);
    if (!name.empty() && !first.empty()) name += ' ';
    name += first;
  }
  return name.empty() ? get(canon::kEmail) : name;
}

}  // namespace

IdentitySnapshot IdentityResult::to_snapshot() const {
  IdentitySnapshot snap;
  snap.entities.reserve(entities_.size());
  snap.links.reserve(links_.size());
  for (const ResolvedEntity& e : entities_) {
    std::vector<FieldObservation> fields = this->fields(e);
    Entity out;
    out.id = e.id;
    out.kind = store_kind(e.type);
    out.display_name = display_name(fields, e.type);
    for (FieldObservation& f : fields) {
      if (f.chosen) out.primary_fields.emplace_back(f.property, f.value);
      snap.field_values.push_back(FieldValue{e.id, std::move(f.property), std::move(f.value),
                                             f.record.source, f.record.id, f.observed_at_ms,
                                             f.chosen});
    }
    snap.entities.push_back(std::move(out));
    for (uint32_t r : e.records) {
      Link l = link(r);
      double confidence = confidence_of(l.rule);
      snap.links.push_back(
          EntityLink{std::move(l.ref), e.id, std::move(l.reason), std::move(l.rule), confidence});
    }
  }
  return snap;
}

}  // namespace revarch::identity
