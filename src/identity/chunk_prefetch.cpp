#include "identity/chunk_prefetch.h"

#include <future>
#include <memory>
#include <utility>

namespace revarch::identity {
namespace {

struct Built {
  Result<bool> more = false;
  IdentitySnapshot chunk;
};

struct Prefetch {
  IdentityChunkSource source;
  std::future<Built> next;  // the chunk being built; invalid once the source is done
  bool started = false;

  void start() {
    next = std::async(std::launch::async, [this] {
      Built b;
      b.more = source(b.chunk);
      return b;
    });
  }
};

}  // namespace

IdentityChunkSource prefetch_chunks(IdentityChunkSource source) {
  auto state = std::make_shared<Prefetch>();
  state->source = std::move(source);
  return [state](IdentitySnapshot& out) -> Result<bool> {
    Prefetch& p = *state;
    if (!p.started) {
      p.started = true;
      p.start();
    }
    if (!p.next.valid()) return false;
    Built b = p.next.get();
    if (!b.more.is_ok() || !*b.more) return b.more;
    p.start();
    out = std::move(b.chunk);
    return true;
  };
}

}  // namespace revarch::identity
