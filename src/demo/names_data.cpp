#include "demo/names_data.h"

#include <yaml-cpp/yaml.h>

#include <cassert>

#include "demo/cp932.h"

namespace revarch::demo {
namespace {

Status read_list(const YAML::Node& node, const char* what, Cp932Codec& codec,
                 std::vector<NameEntry>* out) {
  if (!node || !node.IsSequence()) {
    return Status(ErrorCode::kParse, std::string("names.yml: missing list ") + what);
  }
  for (const auto& item : node) {
    if (!item.IsSequence() || item.size() != 4) {
      return Status(ErrorCode::kParse,
                    std::string("names.yml: an entry of ") + what +
                        " is not [kanji, hiragana, "
                        "katakana, romaji]",
                    SourceLocation{"names.yml", item.Mark().line + 1, item.Mark().column + 1});
    }
    NameEntry e{item[0].as<std::string>(), item[1].as<std::string>(), item[2].as<std::string>(),
                item[3].as<std::string>()};
    if (codec.representable(e.kanji) && codec.representable(e.katakana) &&
        codec.representable(e.hiragana)) {
      out->push_back(std::move(e));
    }
  }
  if (out->empty()) return Status(ErrorCode::kParse, std::string("names.yml: empty list ") + what);
  return Status::ok();
}

}  // namespace

Result<NameTables> parse_name_tables(std::string_view yaml_text) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& e) {
    return Status(ErrorCode::kParse, std::string("names.yml: ") + e.msg,
                  SourceLocation{"names.yml", e.mark.line + 1, e.mark.column + 1});
  }
  NameTables t;
  Cp932Codec codec;
  try {
    REVARCH_RETURN_IF_ERROR(read_list(root["last_name"], "last_name", codec, &t.family));
    const YAML::Node first = root["first_name"];
    if (!first || !first.IsMap()) return Status(ErrorCode::kParse, "names.yml: no first_name");
    REVARCH_RETURN_IF_ERROR(read_list(first["male"], "first_name.male", codec, &t.male));
    REVARCH_RETURN_IF_ERROR(read_list(first["female"], "first_name.female", codec, &t.female));
  } catch (const YAML::Exception& e) {
    return Status(ErrorCode::kParse, std::string("names.yml: ") + e.msg,
                  SourceLocation{"names.yml", e.mark.line + 1, e.mark.column + 1});
  }
  return t;
}

const NameTables& embedded_name_tables() {
  static const NameTables tables = [] {
    Result<NameTables> r = parse_name_tables(embedded_names_yml());
    assert(r.is_ok() && "embedded names.yml does not parse");
    return std::move(r).value();
  }();
  return tables;
}

}  // namespace revarch::demo
