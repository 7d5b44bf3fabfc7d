#include "identity/metrics.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <vector>

#include "text/ids.h"

namespace revarch::identity {
namespace {

uint64_t pairs(uint64_t n) {
  return n * (n - 1) / 2;
}

PairwiseScore score(const IdentityResult& result, const GroundTruth::Map& truth, bool companies) {
  PairwiseScore s;
  std::map<std::pair<std::string, std::string>, uint64_t> cells;  // (predicted, true) -> n
  std::map<std::string, uint64_t> predicted, actual;
  for (const auto& [key, true_id] : truth) {
    ++s.records;
    // key = source|kind|id
    size_t a = key.find('|');
    size_t b = key.find('|', a + 1);
    SourceRef ref{key.substr(0, a), parse_entity_kind(key.substr(a + 1, b - a - 1)).value(),
                  key.substr(b + 1)};
    // In a company truth, a person record (a card) stands for the company it names.
    const ResolvedEntity* e = companies && group_of(ref.kind) == Group::kPerson
                                  ? result.employer_of(ref)
                                  : result.entity_of(ref);
    std::string pred = e != nullptr ? e->id : std::string("unresolved|").append(key);
    if (e == nullptr) ++s.unresolved;
    ++cells[{pred, true_id}];
    ++predicted[pred];
    ++actual[true_id];
  }
  for (const auto& [k, n] : cells) s.correct_pairs += pairs(n);
  for (const auto& [k, n] : predicted) s.predicted_pairs += pairs(n);
  for (const auto& [k, n] : actual) s.true_pairs += pairs(n);
  if (s.predicted_pairs > 0) s.precision = double(s.correct_pairs) / double(s.predicted_pairs);
  if (s.true_pairs > 0) s.recall = double(s.correct_pairs) / double(s.true_pairs);
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

// One CSV line into fields: commas, double quotes with "" escapes. Quoted fields do not span
// lines (truth files hold ids, not free text).
std::vector<std::string> split_csv(std::string_view line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

std::optional<EntityKind> kind_from_text(std::string_view k) {
  if (auto parsed = parse_entity_kind(k)) return parsed;
  if (k == "lead" || k == "card" || k == "person" || k == "people") return EntityKind::kContact;
  if (k == "user_pseudo_id" || k == "anonymous_user_pseudo_id") return EntityKind::kVisitor;
  if (k == "company" || k == "companies" || k == "organization") return EntityKind::kAccount;
  if (k == "opportunity") return EntityKind::kDeal;
  return std::nullopt;
}

int column(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == n) return static_cast<int>(i);
    }
  }
  return -1;
}

}  // namespace

std::string truth_key(const SourceRef& ref) {
  std::string id = ref.id;
  if (ref.source == "salesforce") {
    if (auto id18 = text::salesforce_id18(ref.id)) id = *id18;
  }
  std::string key(ref.source);
  return key.append("|").append(entity_kind_name(ref.kind)).append("|").append(id);
}

IdentityMetrics evaluate(const IdentityResult& result, const GroundTruth& truth) {
  return IdentityMetrics{score(result, truth.people, false), score(result, truth.companies, true)};
}

Status load_truth_csv(const std::string& path, EntityKind default_kind, GroundTruth::Map& into) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot read ground truth", SourceLocation{path});
  std::string line;
  int line_no = 0;
  int source_col = -1, kind_col = -1, id_col = -1, truth_col = -1;
  size_t needed = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (line.empty()) continue;
    std::vector<std::string> f = split_csv(line);
    if (source_col < 0) {
      for (auto& h : f) {
        for (auto& ch : h) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      }
      source_col = column(f, {"source"});
      kind_col = column(f, {"kind", "record_kind", "record_type", "type"});
      id_col = column(f, {"source_record_id", "record_id", "source_id", "id"});
      truth_col = column(f, {"true_id", "entity_id", "truth_id", "person_id", "company_id"});
      if (source_col < 0 || id_col < 0 || truth_col < 0) {
        return Status(ErrorCode::kParse,
                      "ground truth header needs source, source_record_id and true_id",
                      SourceLocation{path, line_no, 1});
      }
      needed = static_cast<size_t>(std::max({source_col, kind_col, id_col, truth_col})) + 1;
      continue;
    }
    if (f.size() < needed) {
      return Status(ErrorCode::kParse,
                    std::string("row has ").append(std::to_string(f.size())).append(" fields"),
                    SourceLocation{path, line_no, 1});
    }
    EntityKind kind = default_kind;
    if (kind_col >= 0 && !f[kind_col].empty()) {
      std::string text = f[kind_col];
      for (auto& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      auto k = kind_from_text(text);
      if (!k) {
        return Status(ErrorCode::kParse,
                      std::string("unknown kind '").append(f[kind_col]).append("'"),
                      SourceLocation{path, line_no, kind_col + 1});
      }
      kind = *k;
    }
    into[truth_key(SourceRef{f[source_col], kind, f[id_col]})] = f[truth_col];
  }
  if (source_col < 0) {
    return Status(ErrorCode::kParse, "empty ground truth file", SourceLocation{path});
  }
  return Status::ok();
}

Result<GroundTruth> load_ground_truth(const std::string& dir) {
  GroundTruth truth;
  namespace fs = std::filesystem;
  std::string people = (fs::path(dir) / "people.csv").string();
  std::string companies = (fs::path(dir) / "companies.csv").string();
  bool any = false;
  if (fs::exists(people)) {
    REVARCH_RETURN_IF_ERROR(load_truth_csv(people, EntityKind::kContact, truth.people));
    any = true;
  }
  if (fs::exists(companies)) {
    REVARCH_RETURN_IF_ERROR(load_truth_csv(companies, EntityKind::kAccount, truth.companies));
    any = true;
  }
  if (!any) {
    return Status(ErrorCode::kNotFound, "no people.csv or companies.csv", SourceLocation{dir});
  }
  return truth;
}

}  // namespace revarch::identity
