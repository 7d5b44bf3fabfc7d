// Crash safety: a child process appends batches and is killed with SIGKILL mid-way; the store
// must reopen consistent (every committed batch complete, nothing partial) and re-running the
// same appends must end with exactly the expected events (idempotency).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/sqlite_store.h"
#include "store/store_test_util.h"

namespace revarch {
namespace {

constexpr int kBatchSize = 2000;
constexpr int kMaxBatches = 40;

std::vector<Event> batch(int b) {
  std::vector<Event> events;
  events.reserve(kBatchSize);
  for (int i = 0; i < kBatchSize; ++i) {
    events.push_back(testing::sample_event(b * kBatchSize + i, "batch" + std::to_string(b)));
  }
  return events;
}

/// The child: appends batches, reporting each committed batch number on `fd`; never returns.
/// With `bulk`, inside a bulk load (UNIQUE index dropped, keys deduplicated in memory).
[[noreturn]] void run_writer(const std::string& path, int fd, bool bulk) {
  auto store = SqliteStore::open(path);
  if (!store.is_ok()) _exit(2);
  if (bulk && !(*store)->begin_bulk_load().is_ok()) _exit(5);
  for (int b = 0; b < kMaxBatches; ++b) {
    if (!(*store)->append(batch(b)).is_ok()) _exit(3);
    if (write(fd, &b, sizeof b) != sizeof b) _exit(4);
  }
  _exit(0);
}

class SqliteStoreCrash : public ::testing::TestWithParam<bool> {};

TEST_P(SqliteStoreCrash, KilledWriterLeavesConsistentStoreAndReplayIsIdempotent) {
  testing::TempDir dir;
  std::string path = dir.file("ws.db");
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(fds[0]);
    run_writer(path, fds[1], GetParam());
  }
  close(fds[1]);
  // Kill once three batches are known committed: the child is then inside a later batch.
  int reported = -1;
  for (int b; reported < 2 && read(fds[0], &b, sizeof b) == sizeof b;) reported = b;
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int wstatus = 0;
  ASSERT_EQ(waitpid(pid, &wstatus, 0), pid);
  for (int b; read(fds[0], &b, sizeof b) == sizeof b;) reported = b;  // reported before death
  close(fds[0]);
  ASSERT_GE(reported, 2);

  auto store = SqliteStore::open(path);
  ASSERT_TRUE(store.is_ok()) << store.status().to_string();
  ASSERT_TRUE((*store)->check_integrity().is_ok());
  int present = 0;  // batches stored completely; they must be a prefix
  for (int b = 0; b < kMaxBatches; ++b) {
    EventFilter f;
    f.sources = {"batch" + std::to_string(b)};
    int64_t n = (*store)->count_events(f).value();
    ASSERT_TRUE(n == 0 || n == kBatchSize) << "batch " << b << " holds " << n;
    if (n == kBatchSize) {
      ASSERT_EQ(present, b) << "batch " << b << " stored after a missing one";
      ++present;
    }
  }
  EXPECT_GT(present, reported);  // every reported commit survived the kill
  EXPECT_EQ((*store)->count_events({}).value(), int64_t{present} * kBatchSize);

  // Re-run the writer's work up to one batch past the interruption.
  int64_t duplicates = 0;
  int rerun = std::min(present + 1, kMaxBatches);
  for (int b = 0; b < rerun; ++b) {
    AppendStats stats;
    ASSERT_TRUE((*store)->append(batch(b), &stats).is_ok());
    duplicates += stats.duplicates;
  }
  EXPECT_EQ(duplicates, int64_t{std::min(present, rerun)} * kBatchSize);
  EXPECT_EQ((*store)->count_events({}).value(), int64_t{rerun} * kBatchSize);
  EXPECT_TRUE((*store)->check_integrity().is_ok());
}

INSTANTIATE_TEST_SUITE_P(PlainAndBulkLoad, SqliteStoreCrash, ::testing::Bool());

}  // namespace
}  // namespace revarch
