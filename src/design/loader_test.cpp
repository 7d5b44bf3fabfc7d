#include "design/loader.h"

#include <gtest/gtest.h>

#include <map>

namespace revarch::design {
namespace {

// An in-memory file system for includes.
LoadOptions files(std::map<std::string, std::string> fs) {
  LoadOptions o;
  o.read_file = [fs](const std::string& path) -> std::optional<std::string> {
    auto it = fs.find(path);
    if (it == fs.end()) return std::nullopt;
    return it->second;
  };
  return o;
}

std::vector<std::string> lines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.items()) out.push_back(d.to_string());
  return out;
}

TEST(Loader, ReadsSectionsWithLocations) {
  Diagnostics diags;
  Design d = load_design_from_string(
      "version: 1\nname: t\nstages:\n  - id: lead\n    owner: mkt\n    entry: score.fit > 10\n"
      "    benchmark: {default: 30d, segments: {enterprise: 60d}}\n",
      "a.yaml", &diags);
  ASSERT_TRUE(diags.empty()) << lines(diags).front();
  ASSERT_EQ(d.stages.size(), 1u);
  const Stage& s = d.stages[0];
  EXPECT_EQ(s.id, "lead");
  EXPECT_EQ(s.where.to_string(), "a.yaml:4:5");
  EXPECT_EQ(s.entry.where.to_string(), "a.yaml:6:12");
  EXPECT_TRUE(s.entry.compiled());
  EXPECT_EQ(s.benchmark.default_limit->ms, 30LL * 24 * 3600 * 1000);
  ASSERT_EQ(s.benchmark.segments.size(), 1u);
  EXPECT_EQ(s.benchmark.segments[0].first, "enterprise");
}

TEST(Loader, UnknownKeyHasDidYouMean) {
  Diagnostics diags;
  load_design_from_string("stages:\n  - id: lead\n    entyr: score.fit > 1\n", "a.yaml", &diags);
  EXPECT_EQ(lines(diags),
            std::vector<std::string>{"a.yaml:3:5: error: unknown key 'entyr' in a stage (did "
                                     "you mean 'entry'?) [unknown-key]"});
}

TEST(Loader, UnknownTopLevelSection) {
  Diagnostics diags;
  load_design_from_string("stagse: []\n", "a.yaml", &diags);
  EXPECT_EQ(lines(diags), std::vector<std::string>{"a.yaml:1:1: error: unknown key 'stagse' in "
                                                   "the design (did you mean 'stages'?) "
                                                   "[unknown-key]"});
}

TEST(Loader, BadEnumValueSuggests) {
  Diagnostics diags;
  load_design_from_string("signals:\n  - id: x\n    intent: hihg\n    when: event.type == \"a\"\n",
                          "a.yaml", &diags);
  EXPECT_EQ(lines(diags), std::vector<std::string>{
                              "a.yaml:3:13: error: 'intent' must be one of high, medium, low, not "
                              "'hihg' (did you mean 'high'?) [bad-value]"});
}

TEST(Loader, YamlSyntaxErrorHasPosition) {
  Diagnostics diags;
  load_design_from_string("stages: [\n  a,\nb: }\n", "a.yaml", &diags);
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].code, "yaml-syntax");
  EXPECT_EQ(diags.items()[0].where.file, "a.yaml");
  EXPECT_GT(diags.items()[0].where.line, 0);
}

TEST(Loader, ExpressionErrorsPointIntoQuotedAndBlockScalars) {
  Diagnostics diags;
  load_design_from_string(
      "definitions:\n"
      "  a:\n"
      "    expr: \"contact.titel == 'x'\"\n"
      "  b:\n"
      "    expr: |\n"
      "      score.fit > 1\n"
      "        && contact.titel == \"x\"\n",
      "a.yaml", &diags);
  auto l = lines(diags);
  ASSERT_EQ(l.size(), 2u);
  EXPECT_EQ(l[0].substr(0, l[0].find(": error")), "a.yaml:3:12");
  EXPECT_NE(l[0].find("did you mean 'contact.title'"), std::string::npos) << l[0];
  EXPECT_EQ(l[1].substr(0, l[1].find(": error")), "a.yaml:7:12");
}

TEST(Loader, ColumnsCountCharactersAfterJapaneseText) {
  // yaml-cpp counts bytes; "名刺交換" is 12 bytes but 4 characters, as an editor shows it.
  Diagnostics diags;
  load_design_from_string(
      "signals:\n"
      "  - {id: card, name_ja: \"名刺交換\", intent: high, when: \"event.typo == 'x'\"}\n",
      "a.yaml", &diags);
  auto l = lines(diags);
  ASSERT_FALSE(l.empty());
  EXPECT_EQ(l[0].substr(0, l[0].find(": error")), "a.yaml:2:54") << l[0];
}

TEST(Loader, IncludeMergesSectionsAndKeepsEachFile) {
  Diagnostics diags;
  auto d = load_design("dir/main.yaml", &diags,
                       files({{"dir/main.yaml", "include: [parts/signals.yaml]\nstages: []\n"},
                              {"dir/parts/signals.yaml",
                               "signals:\n  - id: s\n    intent: low\n    when: event.type == "
                               "\"x\"\n"}}));
  ASSERT_TRUE(d);
  EXPECT_TRUE(diags.empty()) << lines(diags).front();
  ASSERT_EQ(d->signals.size(), 1u);
  EXPECT_EQ(d->signals[0].where.to_string(), "dir/parts/signals.yaml:2:5");
  EXPECT_EQ(d->files, (std::vector<std::string>{"dir/main.yaml", "dir/parts/signals.yaml"}));
}

TEST(Loader, IncludeCycleIsReported) {
  Diagnostics diags;
  auto d =
      load_design("a.yaml", &diags,
                  files({{"a.yaml", "include: [b.yaml]\n"}, {"b.yaml", "include: [a.yaml]\n"}}));
  ASSERT_TRUE(d);
  EXPECT_EQ(lines(diags), std::vector<std::string>{"b.yaml:1:11: error: include cycle: a.yaml -> "
                                                   "b.yaml -> a.yaml [include-cycle]"});
}

TEST(Loader, MissingIncludeAndDuplicateSingletonSection) {
  Diagnostics diags;
  auto d = load_design("a.yaml", &diags,
                       files({{"a.yaml", "market: {country: JP}\ninclude: [b.yaml, c.yaml]\n"},
                              {"b.yaml", "market: {country: US}\n"}}));
  ASSERT_TRUE(d);
  EXPECT_EQ(lines(diags),
            (std::vector<std::string>{
                "b.yaml:1:1: error: section 'market' is already defined at a.yaml:1:1 "
                "[duplicate-section]",
                "a.yaml:2:19: error: cannot read included file 'c.yaml' [include-unreadable]"}));
  EXPECT_EQ(d->market.country, "JP");
}

TEST(Loader, MissingMainFileIsAStatus) {
  Diagnostics diags;
  auto d = load_design("/nonexistent/architecture.yaml", &diags);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.status().code(), ErrorCode::kNotFound);
}

TEST(Loader, WrongShapesAreErrorsNotCrashes) {
  Diagnostics diags;
  load_design_from_string("stages: 3\nsignals: {a: 1}\nmarket: [1]\nrouting:\n  - 5\n", "a.yaml",
                          &diags);
  EXPECT_EQ(diags.error_count(), 4u);
  for (const auto& d : diags.items()) EXPECT_EQ(d.code, "bad-type") << d.to_string();
}

}  // namespace
}  // namespace revarch::design
