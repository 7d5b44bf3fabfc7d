#include "identity/resolver.h"

#include <utility>

#include "identity/result_builder.h"

namespace revarch::identity {

IdentityResolver::IdentityResolver(IdentityConfig config)
    : config_(std::make_shared<const IdentityConfig>(std::move(config))),
      table_(std::make_shared<RecordTable>(config_.get())) {}

void IdentityResolver::add(const Event& e) {
  // A result returned earlier still shares the table: copy before the first change.
  if (table_.use_count() > 1) table_ = std::make_shared<RecordTable>(*table_);
  table_->add(e);
}

IdentityResult IdentityResolver::resolve() const {
  return ResultBuilder(table_, *config_).build();
}

}  // namespace revarch::identity
