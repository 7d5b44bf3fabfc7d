#pragma once
// Test helpers (used by *_test.cpp only): short builders of canonical events.

#include <string>
#include <utility>
#include <vector>

#include "store/canonical.h"
#include "store/event.h"

namespace revarch::identity::testing {

inline SourceRef ref(std::string source, EntityKind kind, std::string id) {
  return SourceRef{std::move(source), kind, std::move(id)};
}
inline SourceRef contact(std::string source, std::string id) {
  return ref(std::move(source), EntityKind::kContact, std::move(id));
}
inline SourceRef account(std::string source, std::string id) {
  return ref(std::move(source), EntityKind::kAccount, std::move(id));
}

inline Event event(std::string_view type, SourceRef subject, Properties props, int64_t at,
                   std::vector<SourceRef> related = {}) {
  Event e;
  e.type = std::string(type);
  e.source = subject.source;
  e.source_record_id = subject.id;
  e.subject = std::move(subject);
  e.properties = std::move(props);
  e.occurred_at_ms = at;
  e.related = std::move(related);
  return e;
}

inline Event upsert(SourceRef subject, Properties props, int64_t at = 1000,
                    std::vector<SourceRef> related = {}) {
  return event(canon::kRecordUpsert, std::move(subject), std::move(props), at, std::move(related));
}

inline Event card(SourceRef subject, Properties props, int64_t at) {
  return event(canon::kCardExchanged, std::move(subject), std::move(props), at);
}

}  // namespace revarch::identity::testing
