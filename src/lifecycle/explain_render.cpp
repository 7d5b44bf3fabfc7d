// render_explain: the human form of an explain document.
#include <sstream>

#include "lifecycle/explain.h"

namespace revarch::lifecycle {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  if (!j.contains(key)) return "";
  const json& v = j[key];
  return v.is_string() ? v.get<std::string>() : v.dump();
}

void row(std::ostringstream& out, const std::string& label, const std::string& value) {
  out << "  " << label;
  for (size_t i = label.size(); i < 18; ++i) out << ' ';
  out << value << "\n";
}

void render_criteria(std::ostringstream& out, const json& criteria, const std::string& indent) {
  for (const auto& c : criteria) {
    out << indent << str(c, "role") << " of " << str(c, "of") << ": " << str(c, "text")
        << (c.value("held", false) ? "  [held]" : "  [did not hold]") << "\n";
    for (const auto& cl : c.value("clauses", json::array())) {
      out << indent << "  " << (cl.value("held", false) ? "✓ " : "✗ ") << str(cl, "text");
      std::string seen;
      for (const auto& kv : cl.value("seen", json::array()))
        seen += (seen.empty() ? "" : ", ") + kv[0].get<std::string>() + " = " +
                kv[1].get<std::string>();
      if (!seen.empty()) out << "    (" << seen << ")";
      out << "\n";
    }
    if (c.contains("definitions"))
      for (const auto& [name, def] : c["definitions"].items())
        render_criteria(out, json::array({def}), indent + "    ");
  }
}

// "* P-…  宮島 海星  人事部 部長  director, decision_maker": empty parts are left out, the
// department when the title already names it; an unmapped title says so.
std::string member_line(const json& m) {
  std::string line = std::string("  ") + (m.value("engaged", false) ? "* " : "  ") + str(m, "id");
  std::string name = str(m, "name"), title = str(m, "title"), dept = str(m, "department");
  if (!name.empty()) line += "  " + name;
  std::string position = title;
  if (!dept.empty() && title.find(dept) == std::string::npos)
    position = title.empty() ? dept : dept + " " + title;
  if (!position.empty()) line += "  " + position;
  std::string seniority = str(m, "seniority"), role = str(m, "role");
  if (!seniority.empty() || !role.empty()) {
    line += "  " + seniority + (!seniority.empty() && !role.empty() ? ", " : "") + role;
  } else if (!title.empty()) {
    line += "  (title not in the title map)";
  }
  return line + "\n";
}

}  // namespace

std::string render_explain(const json& doc) {
  std::ostringstream out;
  const json& ent = doc["entity"];
  out << str(ent, "kind") << " " << str(ent, "id");
  if (!str(ent, "name").empty()) out << "  " << str(ent, "name");
  out << "\n";
  if (!str(ent, "account").empty()) row(out, "account", str(ent, "account"));
  row(out, "as of", str(doc, "as_of"));
  const json& st = doc["stage"];
  std::string stage = str(st, "id").empty() ? "(none)" : str(st, "id");
  if (!str(st, "substate").empty()) stage += " / " + str(st, "substate");
  if (st.contains("name_ja")) stage += "  (" + str(st, "name_ja") + ")";
  row(out, "stage", stage);
  if (st.contains("since"))
    row(out, "in stage since",
        str(st, "since") + "  " + str(st, "days") + " days, " + str(st, "business_days") +
            " business days");
  if (st.contains("benchmark_days"))
    row(out, "benchmark", str(st, "benchmark_days") + " days  status: " + str(st, "status"));
  for (const auto& c : doc["crm_stages"])
    row(out, "CRM " + str(c, "source"),
        str(c, "stage") + (str(c, "as") != str(c, "stage") ? " (= " + str(c, "as") + ")" : "") +
            "  vs revarch " + str(c, "revarch") +
            (c.value("agrees", false) ? "  (agrees)" : "  ** DISAGREES **"));
  const json& next = doc["next_action"];
  if (next.contains("owner_team")) {
    row(out, "owner",
        str(next, "owner_team") + (next.contains("owner_team_name_ja")
                                       ? " (" + str(next, "owner_team_name_ja") + ")"
                                       : ""));
    for (const auto& h : next["handoffs"])
      row(out, "hand-off",
          str(h, "handoff") + " to " + str(h, "to_team") + " by " + str(h, "deadline") + " (SLA " +
              str(h, "sla") + ")");
  }
  out << "\nScores\n";
  const json& sc = doc["scores"];
  row(out, "fit", str(sc["fit"], "total"));
  for (const auto& r : sc["fit"]["rules"])
    if (r.value("held", false))
      out << "      +" << str(r, "points") << "  " << str(r, "when") << "\n";
  row(out, "engagement", str(sc["engagement"], "total"));
  for (const auto& p : sc["engagement"]["by_signal"])
    out << "      " << str(p, "points") << "  " << str(p, "signal") << "\n";
  row(out, "health", str(sc["health"], "total"));
  for (const auto& p : sc["health"]["parts"])
    out << "      " << str(p, "points") << "  " << str(p, "what") << "\n";
  if (doc.contains("committee")) {
    const json& c = doc["committee"];
    out << "\nBuying committee of " << str(c, "account") << ": " << str(c, "engaged") << " of "
        << str(c, "size") << " engaged, " << str(c, "engaged_functions") << " functions, "
        << (c.value("decision_maker_engaged", false) ? "decision-maker engaged"
                                                     : "no decision-maker engaged")
        << "\n";
    for (const auto& m : c["members"]) out << member_line(m);
  }
  out << "\nTransitions\n";
  for (const auto& t : doc["transitions"]) {
    out << "  " << str(t, "at") << "  " << (str(t, "from").empty() ? "-" : str(t, "from")) << " -> "
        << str(t, "to") << "   (" << str(t, "trigger") << ")\n";
    render_criteria(out, t["criteria"], "      ");
  }
  if (!doc["alerts"].empty()) {
    out << "\nAlerts\n";
    for (const auto& a : doc["alerts"])
      out << "  " << str(a, "at") << "  " << str(a, "severity") << "  " << str(a, "message")
          << "\n";
  }
  out << "\nTimeline\n";
  for (const auto& ev : doc["timeline"]) {
    out << "  " << str(ev, "at") << "  " << str(ev, "type") << "  " << str(ev, "record");
    if (str(ev, "who") != str(ent, "id")) out << "  (" << str(ev, "who") << ")";
    if (!ev["signals"].empty()) out << "  signals: " << ev["signals"].dump();
    out << "\n";
  }
  return out.str();
}

}  // namespace revarch::lifecycle
