#include "lifecycle/case_file.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "common/time.h"
#include "design/loader.h"

namespace revarch::lifecycle {
namespace {

Status parse_error(const std::string& path, const YAML::Node& n, const std::string& msg) {
  return Status(ErrorCode::kParse, msg,
                SourceLocation{path, n.Mark().line + 1, n.Mark().column + 1});
}

// "source/kind/id"; the id may contain '/'.
std::optional<SourceRef> parse_ref(const std::string& text) {
  auto a = text.find('/');
  if (a == std::string::npos) return std::nullopt;
  auto b = text.find('/', a + 1);
  if (b == std::string::npos) return std::nullopt;
  auto kind = parse_entity_kind(text.substr(a + 1, b - a - 1));
  if (!kind) return std::nullopt;
  return SourceRef{text.substr(0, a), *kind, text.substr(b + 1)};
}

}  // namespace

Result<CaseFile> load_case(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Status(ErrorCode::kNotFound, "cannot read case file " + path);
  } catch (const YAML::Exception& e) {
    return Status(ErrorCode::kParse, e.msg,
                  SourceLocation{path, e.mark.line + 1, e.mark.column + 1});
  }
  CaseFile c;
  if (!root["design"]) return parse_error(path, root, "missing key 'design'");
  c.design_path =
      (std::filesystem::path(path).parent_path() / root["design"].as<std::string>()).string();
  for (const auto& ent : root["entities"]) {
    auto kind = parse_entity_kind(ent["kind"].as<std::string>("contact"));
    if (!kind || !ent["id"]) return parse_error(path, ent, "an entity needs an id and a kind");
    uint32_t index =
        c.map.add_entity(ent["id"].as<std::string>(), *kind, ent["name"].as<std::string>(""));
    for (const auto& r : ent["refs"]) {
      auto ref = parse_ref(r.as<std::string>());
      if (!ref) return parse_error(path, r, "a ref is written source/kind/id");
      c.map.add_link(*ref, index);
    }
  }
  for (const auto& ev : root["events"]) {
    Event e;
    auto at = parse_iso8601_ms(ev["at"].as<std::string>(""));
    auto subject = parse_ref(ev["subject"].as<std::string>(""));
    if (!at || !subject || !ev["type"])
      return parse_error(path, ev, "an event needs at (ISO-8601), type and subject");
    e.occurred_at_ms = *at;
    e.type = ev["type"].as<std::string>();
    e.subject = *subject;
    e.source = ev["source"].as<std::string>(subject->source);
    e.source_record_id = ev["id"].as<std::string>(subject->id);
    for (const auto& r : ev["related"]) {
      auto ref = parse_ref(r.as<std::string>());
      if (!ref) return parse_error(path, r, "a ref is written source/kind/id");
      e.related.push_back(*ref);
    }
    for (auto it = ev["props"].begin(); it != ev["props"].end(); ++it)
      e.properties.emplace_back(it->first.as<std::string>(), it->second.as<std::string>());
    e.idempotency_key =
        make_idempotency_key({e.source, e.type, e.subject.id, ev["at"].as<std::string>()});
    c.events.push_back(std::move(e));
  }
  return c;
}

Result<std::shared_ptr<const CompiledDesign>> load_compiled_design(const std::string& path,
                                                                   Diagnostics* diags) {
  Diagnostics local;
  Diagnostics* d = diags ? diags : &local;
  REVARCH_ASSIGN_OR_RETURN(design::Design loaded, design::load_design(path, d));
  if (d->has_errors())
    return Status(ErrorCode::kInvalidDesign, "the design has errors (run revarch check)",
                  SourceLocation{path});
  REVARCH_ASSIGN_OR_RETURN(std::string version, design_version_of(loaded));
  return std::make_shared<const CompiledDesign>(
      std::make_shared<const design::Design>(std::move(loaded)), version);
}

std::string golden_text(const DerivedState& state) {
  std::string out;
  for (const EntityState& e : state.entities) {
    if (e.stage.empty()) continue;
    out += e.id + " " + entity_kind_name(e.kind) + " stage=" + e.stage;
    if (!e.substate.empty()) out += " sub=" + e.substate;
    if (!e.status.empty()) out += " status=" + e.status;
    out += "\n";
    for (const auto& t : e.transitions)
      out += "  " + format_iso8601_utc(t.at_ms) + " " +
             (t.from_stage.empty() ? "-" : t.from_stage) + " -> " + t.to_stage + "\n";
    for (const auto& a : e.alerts)
      out += "  " + format_iso8601_utc(a.at_ms) + " alert " + a.kind + "\n";
  }
  return out;
}

}  // namespace revarch::lifecycle
