#pragma once
// Loading a design: YAML -> design::Design, with every problem reported as a compiler-style
// diagnostic (file:line:col). Expressions are compiled against the standard schema while
// loading, so an unknown field or a type error is found here, never at run time.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/diagnostic.h"
#include "common/status.h"
#include "design/model.h"

namespace revarch::design {

/// Reads a file's whole content; nullopt when it cannot be read.
using FileReader = std::function<std::optional<std::string>(const std::string& path)>;

struct LoadOptions {
  /// How files are read (the main file when loading by path, and every `include:`). Default:
  /// the file system.
  FileReader read_file;
};

/// Loads the design in `path` and the files it includes (relative to the including file).
/// Returns an error Status (kNotFound / kIo) only when `path` itself cannot be read. Otherwise
/// returns the Design, as complete as the input allowed, and appends every problem found to
/// `*diags` (YAML syntax, unknown keys, wrong types and values, expression errors, include
/// cycles); the design is usable only when `diags` has no errors. `diags` must not be null.
/// File names in locations are `path` as given and include paths joined to its folder.
Result<Design> load_design(const std::string& path, Diagnostics* diags,
                           const LoadOptions& options = {});

/// Loads a design from `text`, naming it `virtual_filename` in locations. Includes are read
/// through options.read_file (default: the file system, relative to virtual_filename).
/// Never fails as a whole: problems go to `*diags`.
Design load_design_from_string(std::string_view text, const std::string& virtual_filename,
                               Diagnostics* diags, const LoadOptions& options = {});

}  // namespace revarch::design
