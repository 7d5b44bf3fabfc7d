// Identity resolution on the demo world, scored against the world's ground truth: the demo
// writes which source records are the same person or company, with real-world mess on purpose
// (widths, legal forms before/after, 15/18-character ids, e-mail case, job changes).

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "connectors/connectors.h"
#include "demo/demo.h"
#include "identity/metrics.h"
#include "identity/resolver.h"
#include "ingest/ingest.h"

namespace revarch {
namespace {

namespace fs = std::filesystem;

class ResolverSink : public connectors::EventSink {
 public:
  explicit ResolverSink(identity::IdentityResolver& r) : resolver_(r) {}
  void on_event(Event&& e) override { resolver_.add(e); }
  void on_quarantine(QuarantinedRow&&) override {}

 private:
  identity::IdentityResolver& resolver_;
};

TEST(IdentityOnDemoWorld, MeetsPrecisionAndRecallTargets) {
  fs::path dir = fs::temp_directory_path() / ("revarch-identity-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  demo::DemoOptions options;
  options.dir = dir;
  options.seed = 11;
  Result<demo::DemoSummary> world = demo::generate_demo(options);
  ASSERT_TRUE(world.is_ok()) << world.status().to_string();

  Result<std::vector<std::string>> files = ingest::expand_paths({dir.string()});
  ASSERT_TRUE(files.is_ok()) << files.status().to_string();
  identity::IdentityResolver resolver;
  ResolverSink sink(resolver);
  for (const auto& f : *files) {
    Status st = connectors::read_export(f, std::nullopt, {}, sink);
    EXPECT_TRUE(st.is_ok()) << st.to_string();
  }
  identity::IdentityResult result = resolver.resolve();
  Result<identity::GroundTruth> truth = identity::load_ground_truth((dir / "truth").string());
  ASSERT_TRUE(truth.is_ok()) << truth.status().to_string();
  identity::IdentityMetrics m = identity::evaluate(result, *truth);

  std::printf("people:    %zu records, precision %.4f, recall %.4f (%zu unresolved)\n",
              m.people.records, m.people.precision, m.people.recall, m.people.unresolved);
  std::printf("companies: %zu records, precision %.4f, recall %.4f (%zu unresolved)\n",
              m.companies.records, m.companies.precision, m.companies.recall,
              m.companies.unresolved);
  EXPECT_GT(m.people.records, 1000u);
  EXPECT_GT(m.companies.records, 100u);
  EXPECT_GE(m.people.precision, 0.99);
  EXPECT_GE(m.people.recall, 0.97);
  EXPECT_GE(m.companies.precision, 0.99);
  EXPECT_GE(m.companies.recall, 0.97);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace revarch
