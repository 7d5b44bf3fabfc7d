// Identity resolution on the demo world, scored against the world's ground truth: the demo
// writes which source records are the same person or company, with real-world mess on purpose
// (widths, legal forms before/after, 15/18-character ids, e-mail case, job changes).
//
// Deterministic: the world is a pure function of its seed (11). To look at another world or at
// what is missed: REVARCH_IDENTITY_SEED=42, REVARCH_IDENTITY_DIAG=1 (false-negative pairs by
// source, kind and keys of both records), REVARCH_IDENTITY_EXPLAIN=P0000011,P0000342 (explain()
// of every record of those true people or companies), REVARCH_IDENTITY_SCORE_ANONYMOUS=1 (also
// score the browsers that never signed in, which no signal links: the floors do not hold then).

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "connectors/connectors.h"
#include "demo/demo.h"
#include "identity/metrics.h"
#include "identity/resolver.h"
#include "ingest/ingest.h"

namespace revarch {
namespace {

namespace fs = std::filesystem;

/// Feeds the resolver and remembers where each Eight card came from: Eight exports carry no
/// card id, so the connector names a card by a hash of its fields and the ground truth names it
/// by file and data row ("eight-cards.csv#12"); the event's origin joins the two.
class ResolverSink : public connectors::EventSink {
 public:
  explicit ResolverSink(identity::IdentityResolver& r) : resolver_(r) {}
  void on_event(Event&& e) override {
    if (e.source == "eight" && e.origin_row > 0) {
      std::string file = fs::path(e.origin_file).filename().string();
      eight_rows[file + "#" + std::to_string(e.origin_row)] = e.subject;
    }
    resolver_.add(e);
  }
  void on_quarantine(QuarantinedRow&&) override {}
  std::map<std::string, SourceRef> eight_rows;

 private:
  identity::IdentityResolver& resolver_;
};

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string cell;
  while (std::getline(ss, cell, ',')) out.push_back(cell);
  return out;
}

/// Reads a truth file (source,record_type,source_record_id,true_id) into keys of the resolver's
/// refs. People: contacts, leads and cards are person records, GA4 user_pseudo_ids visitors
/// (browsers that never signed in, `anonymous_user_pseudo_id`, are left out: no export says
/// whose they are). Companies: HubSpot companies and Salesforce Accounts, and cards, which
/// identity::evaluate scores by the company entity the card names.
identity::GroundTruth::Map load_truth(const fs::path& file, bool companies,
                                      const std::map<std::string, SourceRef>& eight_rows) {
  identity::GroundTruth::Map map;
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    auto f = split(line);
    if (f.size() < 4) continue;
    std::string type = f[1];
    std::transform(type.begin(), type.end(), type.begin(), ::tolower);
    SourceRef ref{f[0], EntityKind::kContact, f[2]};
    if (companies && (type == "company" || type == "account")) {
      ref.kind = EntityKind::kAccount;
    } else if (type == "anonymous_user_pseudo_id" &&
               std::getenv("REVARCH_IDENTITY_SCORE_ANONYMOUS") == nullptr) {
      continue;  // a browser that never signed in: no export says whose it is
    } else if (type == "user_pseudo_id" || type == "anonymous_user_pseudo_id") {
      ref.kind = EntityKind::kVisitor;
    } else if (f[0] == "eight") {
      auto it = eight_rows.find(f[2]);
      if (it == eight_rows.end()) continue;
      ref = it->second;
    }
    map[identity::truth_key(ref)] = f[3];
  }
  return map;
}

/// A record's shape for the diagnostic: source, kind, and which matching signals it carries
/// (E e-mail, N name, R reading, P phone, C company name, U user_id).
std::string shape(const identity::IdentityResult& result, const SourceRef& ref) {
  std::string out = ref.source + ":" + std::string(entity_kind_name(ref.kind));
  if (ref.source == "salesforce") out += ref.id.substr(0, 3);
  const identity::ResolvedEntity* e = result.entity_of(ref);
  if (e == nullptr) return out + ":?";
  std::string flags;
  for (const auto& f : result.fields(*e)) {
    if (!(f.record == ref)) continue;
    char c = f.property == "email"                                    ? 'E'
             : f.property == "full_name" || f.property == "last_name" ? 'N'
             : f.property.ends_with("_reading")                       ? 'R'
             : f.property == "phone" || f.property == "mobile"        ? 'P'
             : f.property == "company_name"                           ? 'C'
             : f.property == "user_id"                                ? 'U'
                                                                      : 0;
    if (c != 0 && flags.find(c) == std::string::npos) flags += c;
  }
  std::sort(flags.begin(), flags.end());
  return out + ":" + flags;
}

/// Prints the classes of false-negative pairs (same true id, different entities) and of wrongly
/// joined pairs ("JOINED": different true ids, one entity), largest first.
void print_missed_pairs(const identity::IdentityResult& result,
                        const identity::GroundTruth::Map& truth, bool companies, size_t top) {
  auto entity = [&](const SourceRef& r) {
    return companies && r.kind == EntityKind::kContact ? result.employer_of(r)
                                                       : result.entity_of(r);
  };
  std::map<std::string, std::vector<SourceRef>> by_true;
  for (const auto& [key, true_id] : truth) {
    size_t a = key.find('|');
    size_t b = key.find('|', a + 1);
    by_true[true_id].push_back(SourceRef{key.substr(0, a),
                                         parse_entity_kind(key.substr(a + 1, b - a - 1)).value(),
                                         key.substr(b + 1)});
  }
  std::map<std::string, size_t> classes;
  std::map<std::string, std::string> example;
  for (auto& [true_id, refs] : by_true) {
    std::sort(refs.begin(), refs.end(), [](const SourceRef& x, const SourceRef& y) {
      return std::tie(x.source, x.kind, x.id) < std::tie(y.source, y.kind, y.id);
    });
    for (size_t i = 0; i < refs.size(); ++i) {
      for (size_t j = i + 1; j < refs.size(); ++j) {
        const auto* x = entity(refs[i]);
        const auto* y = entity(refs[j]);
        if (x != nullptr && x == y) continue;
        std::string sx = shape(result, refs[i]), sy = shape(result, refs[j]);
        if (sy < sx) std::swap(sx, sy);
        std::string cls = sx + " / " + sy;
        if (classes[cls]++ == 0) example[cls] = true_id + " " + refs[i].id + " " + refs[j].id;
      }
    }
  }
  // Wrongly joined: records of different true ids in one entity.
  std::map<std::string, std::vector<std::pair<std::string, SourceRef>>> by_entity;
  for (const auto& [true_id, refs] : by_true) {
    for (const SourceRef& r : refs) {
      if (const auto* e = entity(r)) by_entity[e->id].emplace_back(true_id, r);
    }
  }
  for (const auto& [e, members] : by_entity) {
    for (size_t i = 0; i < members.size(); ++i) {
      for (size_t j = i + 1; j < members.size(); ++j) {
        if (members[i].first == members[j].first) continue;
        std::string sx = shape(result, members[i].second), sy = shape(result, members[j].second);
        if (sy < sx) std::swap(sx, sy);
        std::string cls = "JOINED " + sx + " / " + sy;
        if (classes[cls]++ == 0) {
          example[cls] = members[i].first + " " + members[i].second.id + " " + members[j].first +
                         " " + members[j].second.id;
        }
      }
    }
  }
  std::vector<std::pair<size_t, std::string>> sorted;
  for (const auto& [cls, n] : classes) sorted.emplace_back(n, cls);
  std::sort(sorted.rbegin(), sorted.rend());
  for (size_t i = 0; i < sorted.size() && i < top; ++i) {
    std::printf("  %5zu  %s  (e.g. %s)\n", sorted[i].first, sorted[i].second.c_str(),
                example[sorted[i].second].c_str());
  }
}

TEST(IdentityOnDemoWorld, MeetsPrecisionAndRecallTargets) {
  fs::path dir = fs::temp_directory_path() / ("revarch-identity-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  demo::DemoOptions options;
  options.dir = dir;
  options.seed = 11;
  if (const char* seed = std::getenv("REVARCH_IDENTITY_SEED")) options.seed = std::stoull(seed);
  Result<demo::DemoSummary> world = demo::generate_demo(options);
  ASSERT_TRUE(world.is_ok()) << world.status().to_string();

  Result<std::vector<std::string>> files = ingest::expand_paths({dir.string()});
  ASSERT_TRUE(files.is_ok()) << files.status().to_string();
  identity::IdentityResolver resolver;
  ResolverSink sink(resolver);
  for (const auto& f : *files) {
    // The demo damages one Eight file on purpose (a quote never closed): its tail is lost.
    Status st = connectors::read_export(f, std::nullopt, {}, sink);
    EXPECT_TRUE(st.is_ok() || st.code() == ErrorCode::kParse) << st.to_string();
  }
  identity::IdentityResult result = resolver.resolve();
  identity::GroundTruth truth;
  truth.people = load_truth(dir / "truth" / "people.csv", false, sink.eight_rows);
  truth.companies = load_truth(dir / "truth" / "companies.csv", true, sink.eight_rows);
  identity::IdentityMetrics m = identity::evaluate(result, truth);

  std::printf("people:    %zu records, precision %.4f, recall %.4f (%zu unresolved)\n",
              m.people.records, m.people.precision, m.people.recall, m.people.unresolved);
  std::printf("companies: %zu records, precision %.4f, recall %.4f (%zu unresolved)\n",
              m.companies.records, m.companies.precision, m.companies.recall,
              m.companies.unresolved);
  if (std::getenv("REVARCH_IDENTITY_DIAG") != nullptr) {
    print_missed_pairs(result, truth.people, false, 40);
    print_missed_pairs(result, truth.companies, true, 20);
  }
  if (const char* ids = std::getenv("REVARCH_IDENTITY_EXPLAIN")) {
    std::string wanted = std::string(",") + ids + ",";
    std::vector<std::pair<std::string, std::string>> all(truth.people.begin(), truth.people.end());
    all.insert(all.end(), truth.companies.begin(), truth.companies.end());
    std::sort(all.begin(), all.end());
    for (const auto& [key, true_id] : all) {
      if (wanted.find("," + true_id + ",") == std::string::npos) continue;
      size_t a = key.find('|');
      size_t b = key.find('|', a + 1);
      SourceRef ref{key.substr(0, a), parse_entity_kind(key.substr(a + 1, b - a - 1)).value(),
                    key.substr(b + 1)};
      std::printf("== %s %s\n%s\n", true_id.c_str(), key.c_str(), result.explain(ref).c_str());
    }
  }
  EXPECT_GT(m.people.records, 1000u);
  EXPECT_GT(m.companies.records, 100u);
  EXPECT_EQ(m.people.unresolved, 0u);
  EXPECT_EQ(m.companies.unresolved, 0u);
  // Targets, reached on seeds 11, 42 and 7 (REVARCH_IDENTITY_SEED=N to try another world).
  EXPECT_GE(m.people.precision, 0.99);
  EXPECT_GE(m.people.recall, 0.97);
  EXPECT_GE(m.companies.precision, 0.99);
  EXPECT_GE(m.companies.recall, 0.97);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace revarch
