// Sansan job moves (docs/identity.md, "Job changes"): the card a person hands out at the new
// company carries 人事異動発令日 (contact.job_changed) and their old card is marked 退職済み
// (contact.resigned). The two cards share no e-mail or company, so no other key joins them.

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "identity/result_builder.h"

namespace revarch::identity {

void ResultBuilder::job_move_pass(const std::vector<std::pair<uint32_t, uint32_t>>& name_reading) {
  const RecordTable& t = *table_;
  const auto& records = t.records();
  struct Cards {
    std::vector<uint32_t> moved, resigned;
  };
  // (source, name, reading) -> cards; members in rank order (order_), keys in text order.
  std::map<std::tuple<std::string_view, std::string_view, std::string_view>, Cards> groups;
  for (uint32_t r : order_) {
    const Record& rec = records[r];
    if (group_of(rec.kind) != Group::kPerson || (rec.moved_at_ms == 0 && !rec.resigned)) continue;
    auto [name, reading] = name_reading[r];
    if (name == 0 || reading == 0) continue;
    Cards& g = groups[{t.pool().view(rec.source), facts_.view(name), facts_.view(reading)}];
    (rec.moved_at_ms != 0 ? g.moved : g.resigned).push_back(r);
  }
  for (const auto& [key, g] : groups) {
    if (g.moved.empty() || g.resigned.empty()) continue;
    std::string reason("job_move=");
    reason.append(std::get<1>(key)).append("|").append(std::get<2>(key));
    uint32_t moved = g.moved[0], resigned = g.resigned[0];
    if (g.moved.size() > 1 || g.resigned.size() > 1) {
      merge(resigned, moved, "name_reading_company", reason, "ambiguous");
      continue;
    }
    // No date check: Sansan sets both flags when it links the cards itself, and the exchange
    // date of the old card is when it was scanned, which may be after the move.
    if (clusters_->find(moved) != clusters_->find(resigned)) {
      merge(resigned, moved, "name_reading_company", reason, nullptr);
    }
  }
}

}  // namespace revarch::identity
