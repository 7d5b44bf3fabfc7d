#include "lifecycle/lite_log.h"

#include <cassert>
#include <cstring>

#include "store/canonical.h"

namespace revarch::lifecycle {

std::string_view LiteLog::keep(std::string_view s) {
  if (s.empty()) return {};
  constexpr size_t kChunk = size_t{1} << 20;
  if (capacity_ - used_ < s.size()) {
    size_t n = std::max(kChunk, s.size());
    chunks_.push_back(std::make_unique<char[]>(n));
    used_ = 0;
    capacity_ = n;
  }
  char* at = chunks_.back().get() + used_;
  std::memcpy(at, s.data(), s.size());
  used_ += s.size();
  return {at, s.size()};
}

uint16_t LiteLog::intern(std::string_view s) {
  if (auto it = name_ids_.find(s); it != name_ids_.end()) return it->second;
  assert(names_.size() < 0xffff);
  auto id = static_cast<uint16_t>(names_.size());
  std::string_view kept = keep(s);
  names_.push_back(kept);
  name_ids_.emplace(kept, id);
  return id;
}

bool LiteLog::kept_key(std::string_view key, const CompiledDesign& d, bool change) {
  if (change) return key == "property" || key == "value";
  if (key == canon::kStage || key == "is_closed" || key == "is_won") return true;
  if (key.find('.') != std::string_view::npos) return d.entity_field(key) != nullptr;
  int p = d.prop_of(key);
  return p >= 0 && d.entity_prop(static_cast<PropId>(p));
}

uint32_t LiteLog::add(const Event& e, const CompiledDesign& d) {
  EventLite lite;
  lite.subject_id = keep(e.subject.id);
  lite.source = intern(e.source);
  lite.type = intern(e.type);
  lite.props_begin = static_cast<uint32_t>(props_.size());
  const bool change = e.type == canon::kPropertyChanged;
  for (const auto& [k, v] : e.properties) {
    if (props_.size() - lite.props_begin == 0xffff) break;  // past any real record
    if (!kept_key(k, d, change)) continue;
    auto it = keys_.find(k);
    if (it == keys_.end()) {
      std::string_view kk = keep(k);
      it = keys_.emplace(kk, kk).first;
    }
    props_.emplace_back(it->second, keep(v));
  }
  lite.props_count = static_cast<uint16_t>(props_.size() - lite.props_begin);
  events_.push_back(lite);
  return static_cast<uint32_t>(events_.size() - 1);
}

void LiteLog::clear() {
  *this = LiteLog{};
}

const std::string_view* LiteLog::find(std::span<const PropView> props, std::string_view key) {
  for (const auto& [k, v] : props)
    if (k == key) return &v;
  return nullptr;
}

}  // namespace revarch::lifecycle
