#pragma once
// The design's `sources` and `identity` sections as ingest options: column overrides per
// connector, identity keys in the design's order, and field-conflict rules.

#include "design/model.h"
#include "ingest/ingest.h"

namespace revarch::ingest {

/// Ingest options that apply `design`. Keys the identity layer does not know were already
/// reported by `revarch check`; they are skipped here. Pure function.
IngestOptions options_from_design(const design::Design& design);

}  // namespace revarch::ingest
