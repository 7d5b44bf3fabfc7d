#pragma once
// Internal to the lifecycle layer: the parts of each event the stage engine reads after the
// event is resolved and classified (its source, type and subject id for the trigger text, and
// the properties a contact, account or deal field can read). A replay keeps these instead of
// whole `Event`s: at 10 million events the full events alone took several GiB.
//
// Strings live in append-only chunks owned by the log, so the views it hands out stay valid
// for its lifetime. Not thread-safe: one writer; readers only once writing is done (or from the
// writer's thread).

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lifecycle/compiled_design.h"
#include "store/event.h"

namespace revarch::lifecycle {

using PropView = std::pair<std::string_view, std::string_view>;

struct EventLite {
  std::string_view subject_id;
  uint32_t props_begin = 0;
  uint16_t props_count = 0;
  uint16_t source = 0, type = 0;  // indices into LiteLog::name()
};

class LiteLog {
 public:
  /// Appends the kept parts of `e`: properties whose key the design reads (an entity property,
  /// a mapped field path, the deal stage and closing flags, a property change's
  /// property/value). Returns the new event's index.
  uint32_t add(const Event& e, const CompiledDesign& design);
  void clear();

  const EventLite& at(uint32_t i) const { return events_[i]; }
  size_t size() const { return events_.size(); }
  std::string_view name(uint16_t i) const { return names_[i]; }
  std::span<const PropView> props(const EventLite& e) const {
    return {props_.data() + e.props_begin, e.props_count};
  }
  static const std::string_view* find(std::span<const PropView> props, std::string_view key);

 private:
  std::string_view keep(std::string_view s);
  uint16_t intern(std::string_view s);
  bool kept_key(std::string_view key, const CompiledDesign& d, bool change);

  std::vector<EventLite> events_;
  std::vector<PropView> props_;
  std::vector<std::string_view> names_;
  std::unordered_map<std::string_view, uint16_t> name_ids_;
  std::unordered_map<std::string_view, std::string_view> keys_;  // interned property keys
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t used_ = 0, capacity_ = 0;
};

}  // namespace revarch::lifecycle
