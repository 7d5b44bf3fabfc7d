#pragma once
// Lifecycle case files: a small event log with its entities and the design to replay it
// through, written by hand (tests/lifecycle/<case>/case.yaml; docs/lifecycle.md shows the
// format). Used by the golden-timeline tests and the property tests.

#include <string>
#include <vector>

#include "common/status.h"
#include "lifecycle/engine.h"
#include "lifecycle/entity_map.h"

namespace revarch::lifecycle {

struct CaseFile {
  std::string design_path;  // resolved against the case file's folder
  EntityMap map{true};      // listed entities; unlisted records become implicit entities
  std::vector<Event> events;
};

/// Reads a case file. kNotFound / kIo when unreadable, kParse (with the file and line) when a
/// key is missing or a value is malformed.
Result<CaseFile> load_case(const std::string& path);

/// Loads a design file and prepares it for replay; kInvalidDesign with the first error when
/// the design has errors (all of them are appended to `diags` when given).
Result<std::shared_ptr<const CompiledDesign>> load_compiled_design(const std::string& path,
                                                                   Diagnostics* diags = nullptr);

/// The readable summary the golden files hold: per entity with a stage, its stage, sub-state
/// and status, then each transition and alert with its time (UTC).
std::string golden_text(const DerivedState& state);

}  // namespace revarch::lifecycle
