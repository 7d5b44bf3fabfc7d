#pragma once
// The design templates `revarch init` starts from, embedded in the binary at build time from
// examples/<template>/*.yaml. Read-only static data: thread-safe.

#include <string>
#include <string_view>
#include <vector>

namespace revarch::design {

struct TemplateFile {
  std::string name;  // file name inside the workspace, e.g. "architecture.yaml"
  std::string text;
};

/// Names of the embedded templates, sorted ("global-saas", "japan-enterprise").
std::vector<std::string> template_names();

/// The files of template `name` (architecture.yaml first); empty when there is no such
/// template.
std::vector<TemplateFile> template_files(std::string_view name);

}  // namespace revarch::design
