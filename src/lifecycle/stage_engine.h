#pragma once
// Internal to the lifecycle layer: replays one partition's events and wake-ups through the
// design's stages. One runner per partition and call; partitions are independent, so runners of
// different partitions may run on different threads.

#include <string>
#include <vector>

#include "lifecycle/runtime.h"

namespace revarch::lifecycle {

/// How a transition into a stage relates to earlier stays there (docs/lifecycle.md "Re-entry").
enum class Reentry {
  kFirst,       // never left it before
  kWasFalse,    // its entry criterion was seen false after the entity left it
  kNewSignals,  // signals since the departure alone make it hold
  kBlocked,     // left before, and nothing new: not entered
};

class PartitionRunner {
 public:
  PartitionRunner(const ReplayContext& ctx, Partition& partition) : ctx_(ctx), part_(partition) {}

  /// Evaluates every entity whose wake-up time is <= t, in (time, entity) order.
  void run_until(int64_t t);
  /// Folds one event in (relationships, properties, signals) and evaluates the entities it
  /// touches. Wake-ups up to the event's time must have been run.
  void apply(const PreparedEvent& pe);
  /// Replays the partition's events from a clean state, then its wake-ups up to `as_of`.
  void replay(int64_t as_of);

 private:
  void link(uint32_t subject, uint32_t other);
  void set_account(uint32_t contact, uint32_t account);
  void set_deal_account(uint32_t deal, uint32_t account);
  void link_deal_contact(uint32_t deal, uint32_t contact);
  void update_props(uint32_t e, const EventLite& ev);
  void set_prop(uint32_t e, PropId id, std::string_view value);
  void add_hits(const PreparedEvent& pe);
  void evaluate(uint32_t e, int64_t now, const EventLite* trigger);
  /// "event <source>:<subject id> <type>", or "time" for a wake-up (nullptr).
  std::string trigger_text(const EventLite* ev) const;
  Reentry reentry_of(uint32_t e, int j, int64_t now) const;
  void enter_stage(uint32_t e, int target, int64_t now, const EventLite* trigger, Reentry reentry);
  void update_substate(uint32_t e, int64_t now, const EventLite* trigger);
  void check_alerts(uint32_t e, int64_t now);
  void schedule(uint32_t e, int64_t now);

  const ReplayContext& ctx_;
  Partition& part_;
  std::vector<uint32_t> order_;  // apply()'s scratch: the entities an event re-evaluates
};

/// The benchmark (ms) that applies to `e` for `b` (segment of its account, else default);
/// 0 when none.
int64_t benchmark_for(const ReplayContext& ctx, uint32_t e, const design::Benchmark& b);

/// "on_track", "stalled" or "stuck" for the entity's current stint at `now`; "" without a
/// stage or benchmark.
std::string stint_status(const ReplayContext& ctx, uint32_t e, int64_t now);

}  // namespace revarch::lifecycle
