#pragma once
// Overlaps building identity chunks with writing them.

#include "store/entities.h"

namespace revarch::identity {

/// Returns a source that yields the same chunks as `source`, in the same order, but builds
/// each next chunk on a worker thread while the caller consumes the current one (at most one
/// chunk ahead, so at most two are in memory). `source` is called from that worker, one call
/// at a time, and never again after it returned false or an error. The returned source must be
/// called from one thread at a time; destroying its last copy waits for the worker.
IdentityChunkSource prefetch_chunks(IdentityChunkSource source);

}  // namespace revarch::identity
