// Data-driven cases: src/identity/testdata/*.tsv. Each row is one event (columns: source, kind,
// id, type, at, properties "k=v;k=v", related "source:kind:id,...", expect) or, with type
// "expect", only an expectation about a record. Records with the same `expect` label must be one
// entity; records with different labels must not.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "identity/resolver.h"

namespace revarch::identity {
namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) out.push_back(part);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

SourceRef parse_ref(const std::string& source, const std::string& kind, const std::string& id) {
  auto k = parse_entity_kind(kind);
  EXPECT_TRUE(k.has_value()) << kind;
  return SourceRef{source, k.value_or(EntityKind::kContact), id};
}

void run_case(const std::filesystem::path& path) {
  SCOPED_TRACE(path.filename().string());
  std::ifstream in(path);
  std::string line;
  IdentityResolver resolver;
  std::vector<std::pair<SourceRef, std::string>> expectations;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto f = split(line, '\t');
    ASSERT_GE(f.size(), 8u) << "line " << line_no;
    SourceRef subject = parse_ref(f[0], f[1], f[2]);
    if (!f[7].empty()) expectations.emplace_back(subject, f[7]);
    if (f[3] == "expect") continue;
    Event e;
    e.source = subject.source;
    e.subject = subject;
    e.type = f[3];
    e.occurred_at_ms = std::stoll(f[4]);
    for (const auto& kv : split(f[5], ';')) {
      auto eq = kv.find('=');
      if (eq != std::string::npos) e.properties.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
    }
    for (const auto& r : split(f[6], ',')) {
      auto parts = split(r, ':');
      if (parts.size() == 3) e.related.push_back(parse_ref(parts[0], parts[1], parts[2]));
    }
    resolver.add(e);
  }
  IdentityResult res = resolver.resolve();
  std::map<std::string, std::string> label_entity;
  for (const auto& [ref, label] : expectations) {
    const ResolvedEntity* e = res.entity_of(ref);
    ASSERT_NE(e, nullptr) << ref.source << ":" << ref.id;
    auto [it, inserted] = label_entity.emplace(label, e->id);
    EXPECT_EQ(it->second, e->id) << ref.source << ":" << ref.id << " should be in " << label << "\n"
                                 << res.explain(ref);
  }
  std::map<std::string, std::string> entity_label;
  for (const auto& [label, id] : label_entity) {
    auto [it, inserted] = entity_label.emplace(id, label);
    EXPECT_TRUE(inserted) << "labels " << it->second << " and " << label << " were merged";
  }
}

TEST(IdentityTestdata, Cases) {
  std::filesystem::path dir = std::filesystem::path(REVARCH_SOURCE_DIR) / "src/identity/testdata";
  int cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".tsv") continue;
    run_case(entry.path());
    ++cases;
  }
  EXPECT_GE(cases, 3);
}

}  // namespace
}  // namespace revarch::identity
