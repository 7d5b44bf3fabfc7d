#include <utility>

#include "expr/checker.h"
#include "expr/eval_nodes.h"
#include "expr/expr.h"
#include "expr/lower.h"
#include "expr/parser.h"

namespace revarch::expr {

struct Program::Impl {
  struct Clause {
    std::string text;
    ENodePtr node;  // lowered with tracing
  };
  std::string source;
  std::unique_ptr<Node> ast;
  ENodePtr root;
  std::vector<Clause> clauses;
};

namespace {

SourceLocation locate(const CompileOptions& o, Position p) {
  SourceLocation loc = o.origin;
  int first_line = o.origin.line > 0 ? o.origin.line : 1;
  int first_column = o.origin.column > 0 ? o.origin.column : 1;
  loc.line = first_line + p.line - 1;
  loc.column = (p.line == 1 ? first_column : o.continuation_column) + p.column - 1;
  return loc;
}

// The top-level operands of the root's && or || chain (the root itself otherwise).
void collect_clauses(const Node& n, Op op, std::vector<const Node*>& out) {
  if (n.kind == NodeKind::kBinary && n.op == op) {
    collect_clauses(*n.children[0], op, out);
    collect_clauses(*n.children[1], op, out);
  } else {
    out.push_back(&n);
  }
}

}  // namespace

Value Activation::call(FunctionSlot, std::span<const Value>) const {
  return {};
}
Timestamp Activation::now() const {
  return Timestamp{0};
}

const char* op_text(Op op) {
  switch (op) {
    case Op::kNone: return "";
    case Op::kNot: return "!";
    case Op::kNeg: return "-";
    case Op::kAnd: return "&&";
    case Op::kOr: return "||";
    case Op::kEq: return "==";
    case Op::kNe: return "!=";
    case Op::kLt: return "<";
    case Op::kLe: return "<=";
    case Op::kGt: return ">";
    case Op::kGe: return ">=";
    case Op::kIn: return "in";
    case Op::kAdd: return "+";
    case Op::kSub: return "-";
    case Op::kMul: return "*";
    case Op::kDiv: return "/";
    case Op::kMod: return "%";
  }
  return "";
}

Program::Program() : impl_(std::make_unique<Impl>()) {}
Program::~Program() = default;
Program::Program(Program&&) noexcept = default;
Program& Program::operator=(Program&&) noexcept = default;
Program::Program(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Value Program::eval(const Activation& act) const {
  EvalCtx ctx{act};
  return impl_->root->eval(ctx);
}

bool Program::eval_bool(const Activation& act) const {
  EvalCtx ctx{act};
  return impl_->root->test(ctx) == Truth::kTrue;
}

std::vector<ClauseTrace> Program::trace(const Activation& act) const {
  std::vector<ClauseTrace> out;
  for (const auto& clause : impl_->clauses) {
    ClauseTrace t;
    t.text = clause.text;
    EvalCtx ctx{act, &t.seen};
    t.held = truth(clause.node->eval(ctx)) == Truth::kTrue;
    out.push_back(std::move(t));
  }
  return out;
}

const std::string& Program::source() const {
  return impl_->source;
}
const Node& Program::ast() const {
  return *impl_->ast;
}
Type Program::type() const {
  return impl_->ast->type;
}

Result<Program> compile(std::string_view text, const Schema& schema, const CompileOptions& options,
                        Diagnostics* diags) {
  auto impl = std::make_unique<Program::Impl>();
  impl->source = std::string(text);
  ParseResult parsed = parse(impl->source, schema);
  if (parsed.error) {
    SourceLocation where = locate(options, parsed.error->pos);
    if (diags != nullptr) diags->error("syntax", parsed.error->message, where);
    return Status(ErrorCode::kParse, parsed.error->message, where);
  }
  impl->ast = std::move(parsed.root);
  std::vector<CheckError> errors = check(*impl->ast, schema, options.expected);
  if (!errors.empty()) {
    if (diags != nullptr) {
      for (const auto& e : errors) diags->error(e.code, e.message, locate(options, e.pos));
    }
    return Status(ErrorCode::kType, errors.front().message, locate(options, errors.front().pos));
  }
  impl->root = lower(*impl->ast, LowerOptions{impl->source, false});
  const Node& root = *impl->ast;
  std::vector<const Node*> clauses;
  Op chain = root.kind == NodeKind::kBinary && (root.op == Op::kAnd || root.op == Op::kOr)
                 ? root.op
                 : Op::kNone;
  collect_clauses(root, chain, clauses);
  for (const Node* c : clauses) {
    auto begin = static_cast<size_t>(c->pos.offset);
    auto end = static_cast<size_t>(c->end_offset);
    impl->clauses.push_back(
        {impl->source.substr(begin, end - begin), lower(*c, LowerOptions{impl->source, true})});
  }
  return Program(std::move(impl));
}

}  // namespace revarch::expr
