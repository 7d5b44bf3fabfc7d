#include "identity/result_builder.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "identity/keys.h"
#include "store/canonical.h"

namespace revarch::identity {
namespace {

const char* id_prefix(Group g) {
  switch (g) {
    case Group::kPerson: return "P-";
    case Group::kCompany: return "C-";
    default: return "D-";
  }
}

EntityType type_of(Group g) {
  switch (g) {
    case Group::kPerson: return EntityType::kPerson;
    case Group::kCompany: return EntityType::kCompany;
    default: return EntityType::kDeal;
  }
}

std::string hex16(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

ResultBuilder::ResultBuilder(std::shared_ptr<const RecordTable> table, const IdentityConfig& config)
    : table_(std::move(table)), config_(config) {}

void ResultBuilder::rank_records() {
  const RecordTable& t = *table_;
  const auto& records = t.records();
  order_.resize(records.size());
  for (uint32_t i = 0; i < records.size(); ++i) order_[i] = i;
  // Sort by (source, kind, id): sources ranked once, ids by their first 8 bytes, then in full.
  std::vector<uint32_t> sources;
  for (const Record& r : records) {
    if (std::find(sources.begin(), sources.end(), r.source) == sources.end()) {
      sources.push_back(r.source);
    }
  }
  std::sort(sources.begin(), sources.end(),
            [&t](uint32_t a, uint32_t b) { return t.pool().view(a) < t.pool().view(b); });
  struct Sortable {
    uint64_t prefix;
    uint32_t source_kind;
    uint32_t record;
  };
  std::vector<Sortable> keys(records.size());
  for (uint32_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    auto s = static_cast<uint32_t>(std::find(sources.begin(), sources.end(), r.source) -
                                   sources.begin());
    keys[i] = {order_prefix(t.pool().view(r.id)), (s << 8) | static_cast<uint8_t>(r.kind), i};
  }
  std::sort(keys.begin(), keys.end(), [&](const Sortable& x, const Sortable& y) {
    if (x.source_kind != y.source_kind) return x.source_kind < y.source_kind;
    if (x.prefix != y.prefix) return x.prefix < y.prefix;
    return t.pool().view(records[x.record].id) < t.pool().view(records[y.record].id);
  });
  for (uint32_t i = 0; i < keys.size(); ++i) order_[i] = keys[i].record;
  std::vector<uint32_t> rank(records.size());
  for (uint32_t i = 0; i < order_.size(); ++i) rank[order_[i]] = i;
  clusters_.emplace(std::move(rank));
}

void ResultBuilder::index_company_names() {
  const RecordTable& t = *table_;
  for (uint32_t r : order_) {
    const Record& rec = t.records()[r];
    if (group_of(rec.kind) != Group::kCompany) continue;
    uint32_t& name = company_names_[clusters_->find(r)];
    if (name == 0) name = company_name_key_[r];
  }
  company_name_key_ = {};
}

std::string ResultBuilder::company_display(uint32_t company_root) const {
  auto it = company_names_.find(company_root);
  if (it != company_names_.end() && it->second != 0) return std::string(facts_.view(it->second));
  SourceRef ref = table_->ref(company_root);
  return ref.source.append(":").append(ref.id);
}

void ResultBuilder::build_entities() {
  const RecordTable& t = *table_;
  const auto& records = t.records();
  Clusters& c = *clusters_;
  entity_of_.assign(records.size(), UINT32_MAX);
  // Roots in rank order; a root is its cluster's smallest SourceRef, so the id is stable.
  for (uint32_t r : order_) {
    Group g = group_of(records[r].kind);
    uint32_t root = c.find(r);
    if (entity_of_[root] == UINT32_MAX) {
      entity_of_[root] = static_cast<uint32_t>(out_.entities_.size());
      ResolvedEntity e;
      e.type = type_of(g);
      std::string key(t.pool().view(records[root].source));
      key.append("\x1f").append(entity_kind_name(records[root].kind)).append("\x1f");
      key.append(t.pool().view(records[root].id));
      e.id = std::string(id_prefix(g)).append(hex16(fnv1a64(key)));
      out_.entities_.push_back(std::move(e));
    }
    entity_of_[r] = entity_of_[root];
    out_.entities_[entity_of_[r]].records.push_back(r);
    out_.links_[r].entity = entity_of_[r];
  }
  auto& by_id = out_.by_id_;
  by_id.resize(out_.entities_.size());
  for (uint32_t i = 0; i < by_id.size(); ++i) by_id[i] = i;
  std::sort(by_id.begin(), by_id.end(),
            [this](uint32_t a, uint32_t b) { return out_.entities_[a].id < out_.entities_[b].id; });
  // A 64-bit hash collision is astronomically unlikely; if it happens, keep ids unique anyway.
  for (size_t i = 1; i < by_id.size(); ++i) {
    auto& prev = out_.entities_[by_id[i - 1]];
    auto& cur = out_.entities_[by_id[i]];
    if (prev.id == cur.id) cur.id.append("-").append(std::to_string(i));
  }
}

void ResultBuilder::build_employment() {
  const auto& records = table_->records();
  struct Seen {
    uint32_t company;
    int64_t first, last;
  };
  for (ResolvedEntity& e : out_.entities_) {
    if (e.type != EntityType::kPerson) continue;
    std::vector<Seen> seen;
    for (uint32_t r : e.records) {
      for (const Relation& rel : records[r].relations) {
        if (rel.type != RelationType::kEmployer) continue;
        uint32_t co = entity_of_[rel.target];
        auto it =
            std::find_if(seen.begin(), seen.end(), [co](const Seen& s) { return s.company == co; });
        if (it == seen.end()) {
          seen.push_back({co, rel.first_at_ms, rel.last_at_ms});
        } else {
          it->first = std::min(it->first, rel.first_at_ms);
          it->last = std::max(it->last, rel.last_at_ms);
        }
      }
    }
    std::sort(seen.begin(), seen.end(), [this](const Seen& a, const Seen& b) {
      if (a.first != b.first) return a.first < b.first;
      return out_.entities_[a.company].id < out_.entities_[b.company].id;
    });
    for (size_t i = 0; i < seen.size(); ++i) {
      int64_t to = 0;
      for (size_t j = i + 1; j < seen.size() && to == 0; ++j) {
        if (seen[j].first > seen[i].first) to = seen[j].first;
      }
      e.employment.push_back(Employment{seen[i].company, seen[i].first, to, seen[i].last});
    }
  }
}

void ResultBuilder::build_deal_links() {
  const auto& records = table_->records();
  for (ResolvedEntity& e : out_.entities_) {
    if (e.type != EntityType::kDeal) continue;
    for (uint32_t r : e.records) {
      for (const Relation& rel : records[r].relations) {
        if (rel.type != RelationType::kAssociated) continue;
        uint32_t other = entity_of_[rel.target];
        Group g = group_of(records[rel.target].kind);
        if (g == Group::kCompany) e.companies.push_back(other);
        if (g == Group::kPerson) e.people.push_back(other);
      }
    }
    for (auto* v : {&e.companies, &e.people}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
  }
}

IdentityResult ResultBuilder::build() && {
  const auto& records = table_->records();
  out_.table_ = table_;
  out_.config_ = config_;
  out_.links_.assign(records.size(), {});
  uint32_t single = out_.reasons_.intern("source_record");
  for (auto& l : out_.links_) l.rule = l.reason = single;
  has_reason_.assign(records.size(), 0);
  keys_.emplace(*table_, config_, facts_);
  company_name_key_.assign(records.size(), 0);
  rank_records();
  resolve_companies();
  index_company_names();
  resolve_people();
  resolve_deals();
  // Keys and guard facts are no longer needed: free them before the entities are built.
  keys_.reset();
  clusters_->drop_facts();
  company_names_.clear();
  facts_ = StringPool();
  build_entities();
  build_employment();
  build_deal_links();
  return std::move(out_);
}

}  // namespace revarch::identity
