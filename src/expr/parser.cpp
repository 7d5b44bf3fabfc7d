#include "expr/parser.h"

#include <utility>

#include "expr/builtins.h"

namespace revarch::expr {
namespace {

constexpr int kMaxDepth = 100;

using NodePtr = std::unique_ptr<Node>;

Op binary_op(Tok t) {
  switch (t) {
    case Tok::kOr: return Op::kOr;
    case Tok::kAnd: return Op::kAnd;
    case Tok::kEq: return Op::kEq;
    case Tok::kNe: return Op::kNe;
    case Tok::kLt: return Op::kLt;
    case Tok::kLe: return Op::kLe;
    case Tok::kGt: return Op::kGt;
    case Tok::kGe: return Op::kGe;
    case Tok::kPlus: return Op::kAdd;
    case Tok::kMinus: return Op::kSub;
    case Tok::kStar: return Op::kMul;
    case Tok::kSlash: return Op::kDiv;
    case Tok::kPercent: return Op::kMod;
    default: return Op::kNone;
  }
}

// Binding power of binary operators; 0 for tokens that are not binary operators.
int precedence(const Token& t) {
  switch (t.kind) {
    case Tok::kOr: return 1;
    case Tok::kAnd: return 2;
    case Tok::kEq:
    case Tok::kNe:
    case Tok::kLt:
    case Tok::kLe:
    case Tok::kGt:
    case Tok::kGe: return 3;
    case Tok::kIdent: return t.text == "in" ? 3 : 0;
    case Tok::kPlus:
    case Tok::kMinus: return 4;
    case Tok::kStar:
    case Tok::kSlash:
    case Tok::kPercent: return 5;
    default: return 0;
  }
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, const Schema& schema)
      : toks_(std::move(tokens)), schema_(schema) {}

  ParseResult run() {
    ParseResult out;
    NodePtr root = expression();
    if (root && peek().kind != Tok::kEnd) fail_unexpected("an operator or end of expression");
    if (error_) {
      out.error = std::move(error_);
    } else {
      out.root = std::move(root);
    }
    return out;
  }

 private:
  const Token& peek(size_t ahead = 0) const {
    size_t i = std::min(i_ + ahead, toks_.size() - 1);
    return toks_[i];
  }
  const Token& take() {
    const Token& t = toks_[i_];
    if (i_ + 1 < toks_.size()) ++i_;
    last_end_ = t.end_offset;
    return t;
  }
  bool is_keyword(const Token& t, std::string_view kw) const {
    return t.kind == Tok::kIdent && t.text == kw;
  }
  NodePtr fail(Position where, std::string message) {
    if (!error_) error_ = LexError{where, std::move(message)};
    return nullptr;
  }
  NodePtr fail_unexpected(const std::string& expected) {
    const Token& t = peek();
    std::string got = t.kind == Tok::kEnd ? "end of expression" : "'" + std::string(t.text) + "'";
    return fail(t.pos, "expected " + expected + ", found " + got);
  }
  bool expect(Tok kind) {
    if (peek().kind != kind) {
      fail_unexpected(token_name(kind));
      return false;
    }
    take();
    return true;
  }

  static NodePtr make(NodeKind kind, Position pos) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    n->pos = pos;
    return n;
  }
  NodePtr finish(NodePtr n) {
    n->end_offset = last_end_;
    return n;
  }

  NodePtr expression() {
    if (++depth_ > kMaxDepth) return fail(peek().pos, "expression is nested too deeply");
    NodePtr cond = binary(1);
    if (cond && peek().kind == Tok::kQuestion) {
      take();
      NodePtr yes = expression();
      if (!yes || !expect(Tok::kColon)) return nullptr;
      NodePtr no = expression();
      if (!no) return nullptr;
      auto n = make(NodeKind::kTernary, cond->pos);
      n->children.push_back(std::move(cond));
      n->children.push_back(std::move(yes));
      n->children.push_back(std::move(no));
      cond = finish(std::move(n));
    }
    --depth_;
    return cond;
  }

  // Precedence climbing; every binary operator is left-associative.
  NodePtr binary(int min_prec) {
    NodePtr lhs = unary();
    while (lhs) {
      const Token& t = peek();
      int prec = precedence(t);
      if (prec == 0 || prec < min_prec) break;
      Op op = t.kind == Tok::kIdent ? Op::kIn : binary_op(t.kind);
      take();
      NodePtr rhs = binary(prec + 1);
      if (!rhs) return nullptr;
      auto n = make(NodeKind::kBinary, lhs->pos);
      n->op = op;
      n->children.push_back(std::move(lhs));
      n->children.push_back(std::move(rhs));
      lhs = finish(std::move(n));
    }
    return lhs;
  }

  NodePtr unary() {
    const Token& t = peek();
    if (t.kind != Tok::kNot && t.kind != Tok::kMinus) return postfix();
    if (++depth_ > kMaxDepth) return fail(t.pos, "expression is nested too deeply");
    Position pos = t.pos;
    Op op = t.kind == Tok::kNot ? Op::kNot : Op::kNeg;
    take();
    NodePtr operand = unary();
    --depth_;
    if (!operand) return nullptr;
    auto n = make(NodeKind::kUnary, pos);
    n->op = op;
    n->children.push_back(std::move(operand));
    return finish(std::move(n));
  }

  NodePtr postfix() {
    NodePtr n = primary();
    while (n && peek().kind == Tok::kDot) {
      take();
      if (peek().kind != Tok::kIdent) return fail_unexpected("a method name");
      const Token& name = take();
      Builtin b;
      if (!find_builtin(name.text, b)) {
        return fail(name.pos, "unknown method '" + std::string(name.text) + "'");
      }
      if (peek().kind != Tok::kLParen) {
        return fail(peek().pos, "expected '(' after method '" + std::string(name.text) + "'");
      }
      auto call = make(NodeKind::kCall, n->pos);
      call->name = std::string(name.text);
      call->builtin = true;
      call->method_call = true;
      call->children.push_back(std::move(n));
      if (!arguments(*call)) return nullptr;
      n = finish(std::move(call));
    }
    return n;
  }

  // Parses "(a, b, ...)" appending to `call`'s children.
  bool arguments(Node& call) {
    if (!expect(Tok::kLParen)) return false;
    if (peek().kind != Tok::kRParen) {
      while (true) {
        NodePtr arg = expression();
        if (!arg) return false;
        call.children.push_back(std::move(arg));
        if (peek().kind != Tok::kComma) break;
        take();
      }
    }
    return expect(Tok::kRParen);
  }

  NodePtr literal(const Token& t) {
    auto n = make(NodeKind::kLiteral, t.pos);
    switch (t.kind) {
      case Tok::kInt: n->literal = Value(t.int_value); break;
      case Tok::kDouble: n->literal = Value(t.double_value); break;
      case Tok::kDuration: n->literal = Value(Duration{t.int_value}); break;
      case Tok::kString:
        n->literal_text = t.text_value;
        n->literal = Value(std::string_view(n->literal_text));
        break;
      default: break;
    }
    take();
    return finish(std::move(n));
  }

  NodePtr primary() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::kInt:
      case Tok::kDouble:
      case Tok::kDuration:
      case Tok::kString: return literal(t);
      case Tok::kLParen: {
        take();
        NodePtr inner = expression();
        if (!inner || !expect(Tok::kRParen)) return nullptr;
        return inner;
      }
      case Tok::kLBracket: return list();
      case Tok::kIdent: return identifier();
      default: return fail_unexpected("an expression");
    }
  }

  NodePtr list() {
    auto n = make(NodeKind::kList, peek().pos);
    take();
    if (peek().kind != Tok::kRBracket) {
      while (true) {
        NodePtr item = expression();
        if (!item) return nullptr;
        n->children.push_back(std::move(item));
        if (peek().kind != Tok::kComma) break;
        take();
        if (peek().kind == Tok::kRBracket) break;  // trailing comma
      }
    }
    if (!expect(Tok::kRBracket)) return nullptr;
    return finish(std::move(n));
  }

  NodePtr identifier() {
    const Token& first = peek();
    Position pos = first.pos;
    if (is_keyword(first, "true") || is_keyword(first, "false") || is_keyword(first, "null")) {
      auto n = make(NodeKind::kLiteral, pos);
      if (first.text != "null") n->literal = Value(first.text == "true");
      take();
      return finish(std::move(n));
    }
    if (is_keyword(first, "in")) return fail_unexpected("an expression");
    // A dotted chain: contact.title, signals.count, contact.title.contains
    std::string path(take().text);
    int prefix_end = last_end_;
    std::string prefix;
    std::string last = path;
    while (peek().kind == Tok::kDot && peek(1).kind == Tok::kIdent) {
      take();
      prefix = path;
      prefix_end = last_end_;
      last = std::string(take().text);
      path += "." + last;
    }
    if (peek().kind != Tok::kLParen) {
      auto n = make(NodeKind::kField, pos);
      n->name = std::move(path);
      return finish(std::move(n));
    }
    auto call = make(NodeKind::kCall, pos);
    Builtin b;
    if (schema_.find_function(path) != nullptr || !find_builtin(last, b)) {
      call->name = std::move(path);  // a domain function (the checker reports unknown ones)
    } else {
      call->name = last;
      call->builtin = true;
      if (!prefix.empty()) {
        auto receiver = make(NodeKind::kField, pos);
        receiver->name = std::move(prefix);
        receiver->end_offset = prefix_end;
        call->method_call = true;
        call->children.push_back(std::move(receiver));
      }
    }
    if (!arguments(*call)) return nullptr;
    return finish(std::move(call));
  }

  std::vector<Token> toks_;
  const Schema& schema_;
  size_t i_ = 0;
  int last_end_ = 0;
  int depth_ = 0;
  std::optional<LexError> error_;
};

}  // namespace

ParseResult parse(std::string_view text, const Schema& schema) {
  LexResult lexed = lex(text);
  if (lexed.error) {
    ParseResult out;
    out.error = std::move(lexed.error);
    return out;
  }
  return Parser(std::move(lexed.tokens), schema).run();
}

}  // namespace revarch::expr
