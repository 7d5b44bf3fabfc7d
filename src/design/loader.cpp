#include "design/loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "design/load_sections.h"
#include "design/yaml_reader.h"

namespace revarch::design {
namespace {

std::optional<std::string> read_from_disk(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return ss.str();
}

std::string join_path(const std::string& including_file, const std::string& include) {
  std::filesystem::path inc(include);
  if (inc.is_absolute()) return inc.lexically_normal().generic_string();
  std::filesystem::path dir = std::filesystem::path(including_file).parent_path();
  return (dir / inc).lexically_normal().generic_string();
}

// Sections that appear once; the others (lists and maps of named elements) are concatenated
// across included files.
bool is_singleton(const std::string& key) {
  return key == "market" || key == "sources" || key == "identity" || key == "scoring";
}

class Loader {
 public:
  Loader(Design* design, Diagnostics* diags, const LoadOptions& options)
      : design_(design), diags_(diags), read_(options.read_file) {
    if (!read_) read_ = read_from_disk;
  }

  void load(std::string_view text, const std::string& file) {
    stack_.push_back(file);
    loaded_.insert(file);
    design_->files.push_back(file);
    load_document(text, file);
    stack_.pop_back();
  }

 private:
  void load_document(std::string_view text, const std::string& file) {
    Reader r(file, text, diags_);
    YAML::Node root;
    try {
      root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
      SourceLocation where{file, e.mark.line + 1, e.mark.column + 1};
      if (e.mark.line < 0) where = SourceLocation{file};
      diags_->error("yaml-syntax", "YAML syntax: " + e.msg, where);
      design_->parse_failed = true;
      return;
    }
    if (root.IsNull() || !root.IsDefined()) return;
    if (!r.expect_map(root, "a design file")) return;
    r.check_keys(root,
                 {"version", "name", "include", "market", "sources", "identity", "signals",
                  "scoring", "stages", "definitions", "routing", "handoffs", "owners", "decisions"},
                 "the design");
    // The including file's elements come first, then each included file's, in order.
    for (auto it = root.begin(); it != root.end(); ++it) {
      if (!it->first.IsScalar()) continue;
      const std::string key = it->first.Scalar();
      if (key == "include") continue;
      try {
        load_section(r, key, it->first, it->second);
      } catch (const YAML::Exception& e) {
        r.error("bad-type", "cannot read section '" + key + "': " + e.msg, it->second);
      }
    }
    if (root["include"]) load_includes(r, root["include"], file);
  }

  void load_section(Reader& r, const std::string& key, const YAML::Node& key_node,
                    const YAML::Node& n) {
    if (is_singleton(key)) {
      auto [it, inserted] = singletons_.emplace(key, r.loc(key_node));
      if (!inserted) {
        r.error("duplicate-section",
                "section '" + key + "' is already defined at " + it->second.to_string(), key_node);
        return;
      }
    }
    if (key == "version") {
      auto v = r.int_of(n, "'version'");
      if (v && *v != 1)
        r.error("bad-value", "unsupported design version " + std::to_string(*v) + " (expected 1)",
                n);
      else if (v && stack_.size() == 1)
        design_->version = *v;
    } else if (key == "name") {
      auto s = r.string_of(n, "'name'");
      if (s && design_->name.empty()) design_->name = *s;
    } else if (key == "market") {
      load_market(r, n, &design_->market);
    } else if (key == "sources") {
      load_sources(r, n, &design_->sources);
    } else if (key == "identity") {
      load_identity(r, n, &design_->identity);
    } else if (key == "signals") {
      load_signals(r, n, &design_->signals);
    } else if (key == "scoring") {
      load_scoring(r, n, &design_->scoring);
    } else if (key == "stages") {
      load_stages(r, n, &design_->stages);
    } else if (key == "definitions") {
      load_definitions(r, n, &design_->definitions);
    } else if (key == "routing") {
      load_routing(r, n, &design_->routing);
    } else if (key == "handoffs") {
      load_handoffs(r, n, &design_->handoffs);
    } else if (key == "owners") {
      load_owners(r, n, design_);
    } else if (key == "decisions") {
      load_decisions(r, n, &design_->decisions);
    }
  }

  void load_includes(Reader& r, const YAML::Node& list, const std::string& file) {
    if (!r.expect_seq(list, "'include'")) return;
    for (const auto& item : list) {
      auto name = r.string_of(item, "an include");
      if (!name) continue;
      std::string path = join_path(file, *name);
      if (std::find(stack_.begin(), stack_.end(), path) != stack_.end()) {
        std::string chain;
        for (const auto& f : stack_) chain += f + " -> ";
        r.error("include-cycle", "include cycle: " + chain + path, item);
        continue;
      }
      if (loaded_.count(path)) continue;  // already merged through another include
      auto text = read_(path);
      if (!text) {
        r.error("include-unreadable", "cannot read included file '" + path + "'", item);
        continue;
      }
      load(*text, path);
    }
  }

  Design* design_;
  Diagnostics* diags_;
  FileReader read_;
  std::vector<std::string> stack_;
  std::set<std::string> loaded_;
  std::map<std::string, SourceLocation> singletons_;
};

}  // namespace

Result<Design> load_design(const std::string& path, Diagnostics* diags,
                           const LoadOptions& options) {
  FileReader read = options.read_file ? options.read_file : FileReader(read_from_disk);
  std::error_code ec;
  auto text = read(path);
  if (!text) {
    bool exists = std::filesystem::exists(path, ec);
    return Status(
        exists ? ErrorCode::kIo : ErrorCode::kNotFound,
        exists ? "cannot read design '" + path + "'" : "design file '" + path + "' does not exist",
        SourceLocation{path});
  }
  return load_design_from_string(*text, path, diags, options);
}

Design load_design_from_string(std::string_view text, const std::string& virtual_filename,
                               Diagnostics* diags, const LoadOptions& options) {
  Design design;
  Loader loader(&design, diags, options);
  loader.load(text, virtual_filename);
  return design;
}

}  // namespace revarch::design
