// IdentityResult -> the store's IdentitySnapshot (store/entities.h).

#include <algorithm>
#include <memory>
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

void IdentityResult::append_entity(const ResolvedEntity& e, IdentitySnapshot& out) const {
  std::vector<FieldObservation> fields = this->fields(e);
  Entity row;
  row.id = e.id;
  row.kind = store_kind(e.type);
  row.display_name = display_name(fields, e.type);
  for (FieldObservation& f : fields) {
    if (f.chosen) row.primary_fields.emplace_back(f.property, f.value);
    out.field_values.push_back(FieldValue{e.id, std::move(f.property), std::move(f.value),
                                          std::move(f.record.source), std::move(f.record.id),
                                          f.observed_at_ms, f.chosen});
  }
  out.entities.push_back(std::move(row));
}

void IdentityResult::append_links(std::span<const uint32_t> records, IdentitySnapshot& out) const {
  for (uint32_t r : records) {
    Link l = link(r);
    double confidence = confidence_of(l.rule);
    out.links.push_back(EntityLink{std::move(l.ref), entities_[l.entity].id, std::move(l.reason),
                                   std::move(l.rule), confidence});
  }
}

std::vector<uint32_t> IdentityResult::records_in_ref_order() const {
  const auto& records = table_->records();
  const StringPool& pool = table_->pool();
  std::vector<uint32_t> order(records.size());
  for (uint32_t r = 0; r < order.size(); ++r) order[r] = r;
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const Record& a = records[x];
    const Record& b = records[y];
    if (int c = pool.view(a.source).compare(pool.view(b.source))) return c < 0;
    if (a.kind != b.kind) return a.kind < b.kind;
    return pool.view(a.id) < pool.view(b.id);
  });
  return order;
}

IdentitySnapshot IdentityResult::to_snapshot() const {
  IdentitySnapshot snap;
  snap.entities.reserve(entities_.size());
  snap.links.reserve(links_.size());
  for (const ResolvedEntity& e : entities_) {
    append_entity(e, snap);
    append_links(e.records, snap);
  }
  return snap;
}

IdentityChunkSource IdentityResult::snapshot_chunks(size_t values_per_chunk) const {
  // State shared by the copies of the returned function.
  struct Cursor {
    size_t entity = 0;
    size_t link = 0;
    bool sorted = false;
    std::vector<uint32_t> records;  // in ref order, once the entities are done
  };
  auto cursor = std::make_shared<Cursor>();
  size_t limit = std::max<size_t>(values_per_chunk, 1);
  return [this, cursor, limit](IdentitySnapshot& chunk) -> Result<bool> {
    Cursor& c = *cursor;
    if (c.entity < entities_.size()) {
      while (c.entity < entities_.size() && chunk.field_values.size() < limit) {
        append_entity(entities_[c.entity++], chunk);
      }
      return true;
    }
    if (!c.sorted) {
      c.records = records_in_ref_order();
      c.sorted = true;
    }
    if (c.link >= c.records.size()) return false;
    size_t n = std::min(limit, c.records.size() - c.link);
    append_links(std::span<const uint32_t>(c.records).subspan(c.link, n), chunk);
    c.link += n;
    return true;
  };
}

}  // namespace revarch::identity
