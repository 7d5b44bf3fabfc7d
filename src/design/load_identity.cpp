// identity: match keys for people and companies, name matching, and the title map.
#include "design/load_sections.h"

namespace revarch::design {
namespace {

constexpr EnumTable<Seniority> kSeniorities = {{"executive", Seniority::kExecutive},
                                               {"director", Seniority::kDirector},
                                               {"manager", Seniority::kManager},
                                               {"lead", Seniority::kLead},
                                               {"staff", Seniority::kStaff}};
constexpr EnumTable<BuyingRole> kRoles = {{"decision_maker", BuyingRole::kDecisionMaker},
                                          {"influencer", BuyingRole::kInfluencer},
                                          {"evaluator", BuyingRole::kEvaluator},
                                          {"user", BuyingRole::kUser}};

void load_keys(Reader& r, const YAML::Node& n, const char* what,
               const std::vector<std::string>& allowed, std::vector<std::string>* out) {
  if (!r.expect_map(n, what)) return;
  r.check_keys(n, {"keys"}, what);
  std::vector<std::pair<std::string, SourceLocation>> keys;
  r.read_string_list(n, "keys", &keys);
  for (auto& [key, where] : keys) {
    bool ok = false;
    for (const auto& a : allowed) ok = ok || a == key;
    if (ok) {
      out->push_back(key);
      continue;
    }
    std::string msg = "unknown match key '" + key + "' in " + what;
    std::string hint = closest_match(key, allowed);
    if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
    r.error("bad-value", msg, where);
  }
}

void load_titles(Reader& r, const YAML::Node& n, std::vector<TitleRule>* out) {
  if (!r.expect_seq(n, "'titles'")) return;
  for (const auto& item : n) {
    if (!r.expect_map(item, "a title rule")) continue;
    r.check_keys(item, {"match", "seniority", "role"}, "a title rule");
    TitleRule t;
    t.where = r.loc(item);
    if (!r.read_string_list(item, "match", &t.match))
      r.error("missing-key", "missing required key 'match'", item);
    r.read_enum(item, "seniority", &t.seniority, kSeniorities, true);
    r.read_enum(item, "role", &t.role, kRoles, true);
    out->push_back(std::move(t));
  }
}

}  // namespace

void load_identity(Reader& r, const YAML::Node& n, Identity* out) {
  out->present = true;
  out->where = r.loc(n);
  if (!r.expect_map(n, "'identity'")) return;
  r.check_keys(n, {"people", "companies", "name_matching", "titles"}, "identity");
  if (n["people"])
    load_keys(r, n["people"], "people", {"email", "crm_id", "card_id", "phone", "name_company"},
              &out->people_keys);
  if (n["companies"])
    load_keys(r, n["companies"], "companies", {"corporate_number", "domain", "crm_id", "name"},
              &out->company_keys);
  if (YAML::Node nm = n["name_matching"]; nm && r.expect_map(nm, "'name_matching'")) {
    r.check_keys(nm, {"normalize_width", "strip_legal_suffix", "use_kana_reading"},
                 "name_matching");
    r.read_bool(nm, "normalize_width", &out->normalize_width);
    r.read_bool(nm, "strip_legal_suffix", &out->strip_legal_suffix);
    r.read_bool(nm, "use_kana_reading", &out->use_kana_reading);
  }
  if (n["titles"]) load_titles(r, n["titles"], &out->titles);
}

}  // namespace revarch::design
