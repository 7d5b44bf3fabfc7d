#include "identity/result.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "store/canonical.h"

namespace revarch::identity {
namespace {

const char* kind_name_for_rules(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "contact";
    case EntityType::kCompany: return "account";
    case EntityType::kDeal: return "deal";
  }
  return "contact";
}

std::string ref_text(const SourceRef& r) {
  std::string out(r.source);
  return out.append(":").append(entity_kind_name(r.kind)).append(":").append(r.id);
}

}  // namespace

const char* entity_type_name(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "person";
    case EntityType::kCompany: return "company";
    case EntityType::kDeal: return "deal";
  }
  return "person";
}

Link IdentityResult::link(uint32_t record) const {
  const RecordLink& l = links_[record];
  return Link{table_->ref(record), l.entity, std::string(reasons_.view(l.rule)),
              std::string(reasons_.view(l.reason))};
}

const ResolvedEntity* IdentityResult::entity_of(const SourceRef& ref) const {
  if (!table_) return nullptr;
  uint32_t r = table_->find(ref);
  return r == UINT32_MAX ? nullptr : &entities_[links_[r].entity];
}

const ResolvedEntity* IdentityResult::employer_of(const SourceRef& ref) const {
  if (!table_) return nullptr;
  uint32_t r = table_->find(ref);
  if (r == UINT32_MAX || group_of(table_->records()[r].kind) != Group::kPerson) return nullptr;
  auto ref_less = [this](uint32_t x, uint32_t y) {
    SourceRef a = table_->ref(x), b = table_->ref(y);
    return std::tie(a.source, a.kind, a.id) < std::tie(b.source, b.kind, b.id);
  };
  const Relation* best = nullptr;
  for (const Relation& rel : table_->records()[r].relations) {
    if (rel.type != RelationType::kEmployer) continue;
    if (best == nullptr || rel.last_at_ms > best->last_at_ms ||
        (rel.last_at_ms == best->last_at_ms && ref_less(rel.target, best->target))) {
      best = &rel;
    }
  }
  return best == nullptr ? nullptr : &entities_[links_[best->target].entity];
}

const ResolvedEntity* IdentityResult::find_entity(std::string_view id) const {
  auto it =
      std::lower_bound(by_id_.begin(), by_id_.end(), id,
                       [this](uint32_t e, std::string_view v) { return entities_[e].id < v; });
  if (it == by_id_.end() || entities_[*it].id != id) return nullptr;
  return &entities_[*it];
}

bool IdentityResult::better(const Field& x, uint32_t rx, const Field& y, uint32_t ry,
                            const FieldRule& rule) const {
  const auto& records = table_->records();
  const StringPool& pool = table_->pool();
  auto position = [&rule, &pool](uint32_t source) {
    std::string_view s = pool.view(source);
    auto it = std::find(rule.sources.begin(), rule.sources.end(), s);
    return static_cast<size_t>(it - rule.sources.begin());
  };
  size_t px = position(records[rx].source);
  size_t py = position(records[ry].source);
  if (px != py) return px < py;
  if (x.observed_at_ms != y.observed_at_ms) return x.observed_at_ms > y.observed_at_ms;
  if (x.value != y.value) return pool.view(x.value) > pool.view(y.value);
  SourceRef a = table_->ref(rx);
  SourceRef b = table_->ref(ry);
  return std::tie(a.source, a.kind, a.id) < std::tie(b.source, b.kind, b.id);
}

std::vector<FieldObservation> IdentityResult::fields(const ResolvedEntity& e) const {
  const auto& records = table_->records();
  const StringPool& pool = table_->pool();
  // property name -> (record, field) observations
  std::map<std::string_view, std::vector<std::pair<uint32_t, const Field*>>> by_prop;
  for (uint32_t r : e.records) {
    for (const Field& f : records[r].fields) by_prop[pool.view(f.prop)].push_back({r, &f});
  }
  std::vector<FieldObservation> out;
  const char* kind = kind_name_for_rules(e.type);
  for (auto& [prop, obs] : by_prop) {
    const FieldRule& rule = config_.rule_for(kind, prop);
    std::sort(obs.begin(), obs.end(), [&](const auto& a, const auto& b) {
      return better(*a.second, a.first, *b.second, b.first, rule);
    });
    for (size_t i = 0; i < obs.size(); ++i) {
      const auto& [r, f] = obs[i];
      out.push_back(FieldObservation{std::string(prop), std::string(pool.view(f->value)),
                                     table_->ref(r), f->observed_at_ms, i == 0});
    }
  }
  return out;
}

std::optional<std::string> IdentityResult::chosen(const ResolvedEntity& e,
                                                  std::string_view property) const {
  uint32_t prop = table_->prop_id(property);
  if (prop == UINT32_MAX) return std::nullopt;
  const FieldRule& rule = config_.rule_for(kind_name_for_rules(e.type), property);
  const Field* best = nullptr;
  uint32_t best_record = 0;
  for (uint32_t r : e.records) {
    for (const Field& f : table_->records()[r].fields) {
      if (f.prop != prop) continue;
      if (best == nullptr || better(f, r, *best, best_record, rule)) {
        best = &f;
        best_record = r;
      }
    }
  }
  if (best == nullptr) return std::nullopt;
  return std::string(table_->pool().view(best->value));
}

const ResolvedEntity* IdentityResult::current_company(const ResolvedEntity& person) const {
  if (person.employment.empty()) return nullptr;
  return &entities_[person.employment.back().company];
}

std::vector<MergeStep> IdentityResult::merges() const {
  std::vector<MergeStep> out;
  out.reserve(steps_.size());
  for (const Step& s : steps_) {
    out.push_back(MergeStep{table_->ref(s.a), table_->ref(s.b), std::string(reasons_.view(s.rule)),
                            std::string(reasons_.view(s.reason)),
                            std::string(reasons_.view(s.blocked_by))});
  }
  return out;
}

std::string IdentityResult::explain(const SourceRef& ref) const {
  const ResolvedEntity* e = entity_of(ref);
  if (e == nullptr) return "";
  std::string out = ref_text(ref);
  out.append(" belongs to ").append(entity_type_name(e->type)).append(" ").append(e->id);
  if (auto name = chosen(*e, e->type == EntityType::kCompany ? canon::kCompanyName
                             : e->type == EntityType::kDeal  ? canon::kDealName
                                                             : canon::kFullName)) {
    out.append(" (").append(*name).append(")");
  }
  out.append("\nrecords:\n");
  for (uint32_t r : e->records) {
    Link l = link(r);
    out.append("  ").append(ref_text(l.ref)).append("  [").append(l.rule).append("] ");
    out.append(l.reason).append("\n");
  }
  uint32_t idx = index_of(*e);
  auto in_entity = [&](uint32_t r) { return links_[r].entity == idx; };
  std::string done, refused;
  for (const Step& s : steps_) {
    if (!in_entity(s.a) && !in_entity(s.b)) continue;
    std::string line("  ");
    line.append(ref_text(table_->ref(s.a))).append(" + ").append(ref_text(table_->ref(s.b)));
    line.append("  [").append(reasons_.view(s.rule)).append("] ").append(reasons_.view(s.reason));
    if (s.blocked_by == 0) {
      done.append(line).append("\n");
    } else {
      refused.append(line).append("  refused: ").append(reasons_.view(s.blocked_by)).append("\n");
    }
  }
  if (!done.empty()) out.append("merged:\n").append(done);
  if (!refused.empty()) out.append("not merged:\n").append(refused);
  for (const Employment& job : e->employment) {
    const ResolvedEntity& co = entities_[job.company];
    out.append("employment: ").append(co.id);
    if (auto name = chosen(co, canon::kCompanyName)) out.append(" (").append(*name).append(")");
    out.append(" from ").append(std::to_string(job.from_ms));
    if (job.to_ms != 0) {
      out.append(" to ").append(std::to_string(job.to_ms));
    } else {
      out.append(" (current)");
    }
    out.append("\n");
  }
  return out;
}

}  // namespace revarch::identity
