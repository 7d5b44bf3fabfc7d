#pragma once
// The standard schema: every field and domain function a design's expressions may use
// (docs/design-reference.md, "Expression schema", lists each with its meaning). The lifecycle
// engine supplies the values (expr::Activation) by slot.

#include "expr/schema.h"

namespace revarch::design {

/// The one standard schema, built on first use. Thread-safe; lives for the whole program.
const expr::Schema& standard_schema();

// Names of the domain functions whose string arguments the checker resolves.
inline constexpr const char* kFnSignalsCount = "signals.count";
inline constexpr const char* kFnSignalsCountIntent = "signals.count_intent";
inline constexpr const char* kFnSignalsLast = "signals.last";
inline constexpr const char* kFnDef = "def";
inline constexpr const char* kFnStageIs = "stage.is";
inline constexpr const char* kFnInSubstate = "in_substate";

}  // namespace revarch::design
