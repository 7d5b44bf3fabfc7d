#include <algorithm>
#include <atomic>
#include <numeric>
#include <thread>

#include "lifecycle/engine_impl.h"
#include "lifecycle/features.h"
#include "lifecycle/snapshot.h"
#include "lifecycle/stage_engine.h"

namespace revarch::lifecycle {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void unite(uint32_t a, uint32_t b) {
    a = find(a), b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<uint32_t> parent_;
};

bool event_less(const PreparedEvent& a, const PreparedEvent& b) {
  return a.at != b.at ? a.at < b.at : a.seq < b.seq;
}

template <typename Fn>
void parallel_for(size_t n, int threads, Fn fn) {
  if (threads <= 1 || n < 2) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

}  // namespace

LifecycleEngine::LifecycleEngine(std::shared_ptr<const CompiledDesign> design, EntityMap map,
                                 ReplayOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->design = std::move(design);
  impl_->map = std::move(map);
  impl_->options = options;
  impl_->grow_entities();
}

LifecycleEngine::~LifecycleEngine() = default;

const CompiledDesign& LifecycleEngine::design() const {
  return *impl_->design;
}
const EntityMap& LifecycleEngine::entities() const {
  return impl_->map;
}
int64_t LifecycleEngine::as_of_ms() const {
  return impl_->as_of;
}

void LifecycleEngine::Impl::grow_entities() {
  size_t n = map.entities().size();
  while (rt.size() < n) {
    rt.emplace_back();
    partition_of.push_back(static_cast<uint32_t>(partitions.size()));
    Partition p;
    p.entities.push_back(static_cast<uint32_t>(rt.size() - 1));
    partitions.push_back(std::move(p));
  }
}

void LifecycleEngine::Impl::prepare_resolve(PreparedEvent* pe, const Event& e) {
  pe->at = e.occurred_at_ms;
  pe->seq = e.seq;
  auto subject = map.find_or_add(e.subject);
  pe->subject = subject ? static_cast<int32_t>(*subject) : -1;
  for (const SourceRef& r : e.related) {
    auto o = map.find_or_add(r);
    if (!o || static_cast<int32_t>(*o) == pe->subject) continue;
    if (std::find(pe->related.begin(), pe->related.end(), *o) == pe->related.end())
      pe->related.push_back(*o);
  }
}

void LifecycleEngine::Impl::classify(PreparedEvent* pe, const Event& e) const {
  EventActivation act(*design, e);
  const auto& signals = design->design().signals;
  for (size_t i = 0; i < signals.size(); ++i)
    if (signals[i].when.compiled() && signals[i].when.program->eval_bool(act))
      pe->signals.push_back(static_cast<uint16_t>(i));
}

std::optional<Event> LifecycleEngine::Impl::derive_created(const Event& e) {
  auto created = created_event_of(e);
  if (!created) return std::nullopt;
  std::string key =
      e.subject.source + '\x1f' + entity_kind_name(e.subject.kind) + '\x1f' + e.subject.id;
  if (!created_seen.emplace(std::move(key), created->occurred_at_ms).second) return std::nullopt;
  ++derived_events;
  return created;
}

void LifecycleEngine::Impl::push_wake(uint32_t p) {
  if (!partitions[p].wakes.empty()) wakes.emplace(partitions[p].wakes.top().first, p);
}

void LifecycleEngine::Impl::advance(int64_t t) {
  ReplayContext ctx = context();
  while (!wakes.empty() && wakes.top().first <= t) {
    uint32_t p = wakes.top().second;
    wakes.pop();
    Partition& part = partitions[p];
    if (!part.alive || part.wakes.empty() || part.wakes.top().first > t) {
      if (part.alive) push_wake(p);
      continue;
    }
    PartitionRunner(ctx, part).run_until(t);
    push_wake(p);
  }
}

void LifecycleEngine::replay(std::vector<Event> events) {
  begin_replay();
  for (Event& e : events) add_event(std::move(e));
  events = {};
  finish_replay();
}

void LifecycleEngine::begin_replay() {
  Impl& m = *impl_;
  m.events.clear();
  m.log.clear();
  m.prepared.clear();
  m.rt.clear();
  m.partitions.clear();
  m.partition_of.clear();
  m.wakes = {};
  m.max_seq = 0;
  m.unresolved = 0;
  m.any_event = false;
  m.as_of = 0;
  m.derived_events = 0;
  m.given = 0;
  m.created_seen.clear();
  m.batch.clear();
}

void LifecycleEngine::add_event(Event e) {
  Impl& m = *impl_;
  ++m.given;
  if (e.seq == 0) e.seq = static_cast<int64_t>(m.given);
  m.max_seq = std::max(m.max_seq, e.seq);
  // Snapshots imply their record's creation (snapshot.h); derived events share the seq of
  // their snapshot and are ordered like any other event.
  auto created = m.derive_created(e);
  m.batch.emplace_back(std::move(e), false);
  if (created) m.batch.emplace_back(std::move(*created), true);
  if (m.batch.size() >= Impl::kBatch) m.flush_batch();
}

void LifecycleEngine::Impl::flush_batch() {
  // Classification is pure per event: both cores; resolution grows the entity map: one thread.
  std::vector<PreparedEvent> ready(batch.size());
  constexpr size_t chunk = 1024;
  size_t chunks = (batch.size() + chunk - 1) / chunk;
  parallel_for(chunks, options.threads, [&](size_t c) {
    size_t end = std::min(batch.size(), (c + 1) * chunk);
    for (size_t i = c * chunk; i < end; ++i) classify(&ready[i], batch[i].first);
  });
  for (size_t i = 0; i < batch.size(); ++i) {
    Event& e = batch[i].first;
    PreparedEvent& pe = ready[i];
    pe.event = log.add(e, *design);
    prepare_resolve(&pe, e);
    if (pe.subject < 0 && !batch[i].second) ++unresolved;
    as_of = any_event ? std::max(as_of, e.occurred_at_ms) : e.occurred_at_ms;
    any_event = true;
    prepared.push_back(std::move(pe));
    if (options.keep_events) events.push_back(std::move(e));
  }
  batch.clear();
}

void LifecycleEngine::finish_replay() {
  Impl& m = *impl_;
  m.flush_batch();
  m.batch.shrink_to_fit();
  // Partitions: entities that share an event replay together.
  size_t n = m.map.entities().size();
  UnionFind uf(n);
  for (const auto& pe : m.prepared)
    if (pe.subject >= 0)
      for (uint32_t o : pe.related) uf.unite(static_cast<uint32_t>(pe.subject), o);
  m.rt.assign(n, EntityRt{});
  m.partition_of.assign(n, 0);
  std::vector<int64_t> root_part(n, -1);
  for (uint32_t e = 0; e < n; ++e) {
    uint32_t root = uf.find(e);
    if (root_part[root] < 0) {
      root_part[root] = static_cast<int64_t>(m.partitions.size());
      m.partitions.emplace_back();
    }
    m.partition_of[e] = static_cast<uint32_t>(root_part[root]);
    m.partitions[m.partition_of[e]].entities.push_back(e);
  }
  std::vector<uint32_t> order(m.prepared.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&m](uint32_t a, uint32_t b) {
    return event_less(m.prepared[a], m.prepared[b]);
  });
  for (uint32_t i : order)
    if (m.prepared[i].subject >= 0)
      m.partitions[m.partition_of[m.prepared[i].subject]].events.push_back(i);

  // Largest partitions first, so the two workers finish together.
  std::vector<uint32_t> work(m.partitions.size());
  std::iota(work.begin(), work.end(), 0u);
  std::stable_sort(work.begin(), work.end(), [&m](uint32_t a, uint32_t b) {
    return m.partitions[a].events.size() > m.partitions[b].events.size();
  });
  ReplayContext ctx = m.context();
  int64_t as_of = m.as_of;
  parallel_for(work.size(), m.options.threads,
               [&](size_t i) { PartitionRunner(ctx, m.partitions[work[i]]).replay(as_of); });
  for (uint32_t p = 0; p < m.partitions.size(); ++p) m.push_wake(p);
}

void LifecycleEngine::apply(Event event) {
  Impl& m = *impl_;
  if (event.seq == 0) event.seq = m.max_seq + 1;
  m.max_seq = std::max(m.max_seq, event.seq);
  if (auto created = m.derive_created(event)) apply_one(std::move(*created), true);
  apply_one(std::move(event), false);
}

void LifecycleEngine::apply_one(Event event, bool derived) {
  Impl& m = *impl_;
  PreparedEvent pe;
  pe.event = m.log.add(event, *m.design);
  m.prepare_resolve(&pe, event);
  m.classify(&pe, event);
  auto index = static_cast<uint32_t>(m.prepared.size());
  m.prepared.push_back(pe);
  if (m.options.keep_events) m.events.push_back(std::move(event));
  m.grow_entities();

  const bool in_order = !m.any_event || pe.at >= m.as_of;
  int64_t as_of = m.any_event ? std::max(m.as_of, pe.at) : pe.at;
  m.any_event = true;
  m.advance(pe.at);
  m.as_of = as_of;
  if (pe.subject < 0) {
    if (!derived) ++m.unresolved;
    return;
  }
  // The partitions this event touches merge into the lowest-numbered one.
  uint32_t target = m.partition_of[pe.subject];
  for (uint32_t o : pe.related) target = std::min(target, m.partition_of[o]);
  bool merged = false;
  auto absorb = [&](uint32_t entity) {
    uint32_t p = m.partition_of[entity];
    if (p == target) return;
    merged = true;
    Partition& from = m.partitions[p];
    Partition& to = m.partitions[target];
    for (uint32_t x : from.entities) m.partition_of[x] = target;
    to.entities.insert(to.entities.end(), from.entities.begin(), from.entities.end());
    to.events.insert(to.events.end(), from.events.begin(), from.events.end());
    from = Partition{};
    from.alive = false;
  };
  absorb(static_cast<uint32_t>(pe.subject));
  for (uint32_t o : pe.related) absorb(o);
  Partition& part = m.partitions[target];
  part.events.push_back(index);
  ReplayContext ctx = m.context();
  PartitionRunner runner(ctx, part);
  if (merged || !in_order) {
    std::sort(part.entities.begin(), part.entities.end());
    std::stable_sort(part.events.begin(), part.events.end(), [&m](uint32_t a, uint32_t b) {
      return event_less(m.prepared[a], m.prepared[b]);
    });
    runner.replay(m.as_of);
  } else {
    runner.apply(m.prepared[index]);
  }
  m.push_wake(target);
}

}  // namespace revarch::lifecycle
