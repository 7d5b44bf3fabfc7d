#include "design/templates.h"

#include <algorithm>

#include "design/templates_embedded.h"

namespace revarch::design {

std::vector<std::string> template_names() {
  std::vector<std::string> out;
  for (size_t i = 0; i < embedded::kFileCount; ++i) {
    std::string name = embedded::kFiles[i].template_name;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<TemplateFile> template_files(std::string_view name) {
  std::vector<TemplateFile> out;
  for (size_t i = 0; i < embedded::kFileCount; ++i) {
    const auto& f = embedded::kFiles[i];
    if (name != f.template_name) continue;
    TemplateFile t{f.file_name, {}};
    for (size_t c = 0; c < f.chunk_count; ++c) t.text += f.chunks[c];
    out.push_back(std::move(t));
  }
  std::stable_partition(out.begin(), out.end(),
                        [](const TemplateFile& t) { return t.name == "architecture.yaml"; });
  return out;
}

}  // namespace revarch::design
