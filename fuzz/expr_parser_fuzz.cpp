// libFuzzer target: compiles arbitrary bytes as an expression against a small schema and,
// when it compiles, evaluates and traces it. Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "expr/analysis.h"
#include "expr/expr.h"
#include "expr/test_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace revarch::expr;
  static const Schema schema = testing::make_test_schema();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CompileOptions options;
  options.expected = Type::of(TypeKind::kDyn);
  options.origin.file = "fuzz.yaml";
  options.origin.line = 3;
  options.origin.column = 9;
  revarch::Diagnostics diags;
  auto program = compile(text, schema, options, &diags);
  if (!program.is_ok()) return 0;
  testing::MapActivation act(schema);
  act.set("contact.title", "部長").set("account.employees", 300).set("x", "ＡＢＣ");
  act.set_list("contact.tags", {"vip"});
  (void)program->eval(act).to_string();
  (void)program->trace(act);
  const Node& ast = program->ast();
  (void)is_satisfiable(ast);
  (void)implies(ast, ast);
  (void)may_overlap(ast, ast);
  return 0;
}
