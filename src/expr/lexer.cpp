#include "expr/lexer.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "expr/time_text.h"

namespace revarch::expr {
namespace {

bool is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ident_char(char c) {
  return is_ident_start(c) || is_digit(c);
}
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  LexResult run() {
    LexResult out;
    while (true) {
      skip_space();
      Token t;
      t.pos = pos_;
      if (at_end()) {
        t.end_offset = pos_.offset;
        out.tokens.push_back(std::move(t));
        return out;
      }
      if (!next(t)) {
        out.error = std::move(error_);
        return out;
      }
      t.end_offset = pos_.offset;
      t.text = s_.substr(static_cast<size_t>(t.pos.offset),
                         static_cast<size_t>(t.end_offset - t.pos.offset));
      out.tokens.push_back(std::move(t));
    }
  }

 private:
  bool at_end() const { return static_cast<size_t>(pos_.offset) >= s_.size(); }
  char peek(size_t ahead = 0) const {
    size_t i = static_cast<size_t>(pos_.offset) + ahead;
    return i < s_.size() ? s_[i] : '\0';
  }
  // Advances one byte, keeping line and code-point column.
  void advance() {
    char c = s_[static_cast<size_t>(pos_.offset)];
    ++pos_.offset;
    if (c == '\n') {
      ++pos_.line;
      pos_.column = 1;
    } else if (at_end() || (static_cast<unsigned char>(peek()) & 0xC0) != 0x80) {
      ++pos_.column;  // the last byte of a code point
    }
  }
  void advance(int n) {
    for (int i = 0; i < n; ++i) advance();
  }
  bool fail(Position where, std::string message) {
    error_ = LexError{where, std::move(message)};
    return false;
  }

  void skip_space() {
    while (!at_end()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (c == '/' && peek(1) == '/') {
        while (!at_end() && peek() != '\n') advance();
      } else {
        return;
      }
    }
  }

  bool next(Token& t) {
    char c = peek();
    if (is_ident_start(c)) {
      while (!at_end() && is_ident_char(peek())) advance();
      t.kind = Tok::kIdent;
      return true;
    }
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return number(t);
    if (c == '"' || c == '\'') return string(t);
    return punct(t);
  }

  bool punct(Token& t) {
    char c = peek(), d = peek(1);
    struct Two {
      char a, b;
      Tok kind;
    };
    static constexpr Two kTwo[] = {{'=', '=', Tok::kEq},  {'!', '=', Tok::kNe},
                                   {'<', '=', Tok::kLe},  {'>', '=', Tok::kGe},
                                   {'&', '&', Tok::kAnd}, {'|', '|', Tok::kOr}};
    for (const auto& two : kTwo) {
      if (c == two.a && d == two.b) {
        advance(2);
        t.kind = two.kind;
        return true;
      }
    }
    struct One {
      char a;
      Tok kind;
    };
    static constexpr One kOne[] = {
        {'(', Tok::kLParen}, {')', Tok::kRParen}, {'[', Tok::kLBracket}, {']', Tok::kRBracket},
        {',', Tok::kComma},  {'.', Tok::kDot},    {'?', Tok::kQuestion}, {':', Tok::kColon},
        {'!', Tok::kNot},    {'<', Tok::kLt},     {'>', Tok::kGt},       {'+', Tok::kPlus},
        {'-', Tok::kMinus},  {'*', Tok::kStar},   {'/', Tok::kSlash},    {'%', Tok::kPercent}};
    for (const auto& one : kOne) {
      if (c == one.a) {
        advance();
        t.kind = one.kind;
        return true;
      }
    }
    if (c == '=') return fail(pos_, "unexpected '=' (did you mean '=='?)");
    if (c == '&') return fail(pos_, "unexpected '&' (did you mean '&&'?)");
    if (c == '|') return fail(pos_, "unexpected '|' (did you mean '||'?)");
    // Show the whole code point, not a lone byte.
    size_t start = static_cast<size_t>(pos_.offset), len = 1;
    while (start + len < s_.size() && (static_cast<unsigned char>(s_[start + len]) & 0xC0) == 0x80)
      ++len;
    return fail(pos_, "unexpected character '" + std::string(s_.substr(start, len)) + "'");
  }

  bool number(Token& t) {
    size_t start = static_cast<size_t>(pos_.offset);
    bool is_double = false;
    while (is_digit(peek())) advance();
    if (peek() == '.' && is_digit(peek(1))) {
      is_double = true;
      advance();
      while (is_digit(peek())) advance();
    }
    if ((peek() == 'e' || peek() == 'E') &&
        (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
      is_double = true;
      advance(2);
      while (is_digit(peek())) advance();
    }
    std::string digits(s_.substr(start, static_cast<size_t>(pos_.offset) - start));
    if (is_ident_start(peek())) return duration(t, digits, is_double);
    if (is_double) {
      t.kind = Tok::kDouble;
      t.double_value = std::strtod(digits.c_str(), nullptr);
      return true;
    }
    errno = 0;
    t.kind = Tok::kInt;
    t.int_value = std::strtoll(digits.c_str(), nullptr, 10);
    if (errno == ERANGE) return fail(t.pos, "integer literal '" + digits + "' is out of range");
    return true;
  }

  bool duration(Token& t, const std::string& digits, bool is_double) {
    Position unit_pos = pos_;
    size_t start = static_cast<size_t>(pos_.offset);
    while (is_ident_char(peek())) advance();
    std::string unit(s_.substr(start, static_cast<size_t>(pos_.offset) - start));
    int64_t unit_ms = duration_unit_ms(unit);
    if (unit_ms == 0)
      return fail(unit_pos, "unknown duration unit '" + unit + "' (use w, d, h, m, s or ms)");
    double amount = std::strtod(digits.c_str(), nullptr);
    double ms = amount * static_cast<double>(unit_ms);
    if (!(ms < 9.0e18)) return fail(t.pos, "duration '" + digits + unit + "' is out of range");
    (void)is_double;
    t.kind = Tok::kDuration;
    t.int_value = static_cast<int64_t>(std::llround(ms));
    return true;
  }

  bool escape(std::string& out) {
    Position at = pos_;
    advance();  // the backslash
    if (at_end()) return fail(at, "unterminated string literal");
    char c = peek();
    advance();
    switch (c) {
      case 'n': out += '\n'; return true;
      case 't': out += '\t'; return true;
      case 'r': out += '\r'; return true;
      case '0': out += '\0'; return true;
      case '\\':
      case '"':
      case '\'':
      case '/': out += c; return true;
      case 'x':
      case 'u':
      case 'U': {
        int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        uint32_t cp = 0;
        for (int i = 0; i < n; ++i) {
          int h = hex_value(peek());
          if (h < 0)
            return fail(at, std::string("bad escape '\\") + c + "': expected " + std::to_string(n) +
                                " hex digits");
          cp = cp * 16 + static_cast<uint32_t>(h);
          advance();
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
          return fail(at, "escape is not a valid Unicode code point");
        append_utf8(out, cp);
        return true;
      }
      default: return fail(at, std::string("unknown escape '\\") + c + "'");
    }
  }

  bool string(Token& t) {
    char quote = peek();
    advance();
    std::string out;
    while (true) {
      if (at_end() || peek() == '\n') return fail(t.pos, "unterminated string literal");
      char c = peek();
      if (c == quote) {
        advance();
        break;
      }
      if (c == '\\') {
        if (!escape(out)) return false;
        continue;
      }
      out += c;
      advance();
    }
    t.kind = Tok::kString;
    t.text_value = std::move(out);
    return true;
  }

  std::string_view s_;
  Position pos_;
  LexError error_;
};

}  // namespace

LexResult lex(std::string_view text) {
  return Lexer(text).run();
}

std::string token_name(Tok t) {
  switch (t) {
    case Tok::kEnd: return "end of expression";
    case Tok::kIdent: return "identifier";
    case Tok::kInt: return "integer";
    case Tok::kDouble: return "number";
    case Tok::kString: return "string";
    case Tok::kDuration: return "duration";
    case Tok::kLParen: return "'('";
    case Tok::kRParen: return "')'";
    case Tok::kLBracket: return "'['";
    case Tok::kRBracket: return "']'";
    case Tok::kComma: return "','";
    case Tok::kDot: return "'.'";
    case Tok::kQuestion: return "'?'";
    case Tok::kColon: return "':'";
    case Tok::kNot: return "'!'";
    case Tok::kAnd: return "'&&'";
    case Tok::kOr: return "'||'";
    case Tok::kEq: return "'=='";
    case Tok::kNe: return "'!='";
    case Tok::kLt: return "'<'";
    case Tok::kLe: return "'<='";
    case Tok::kGt: return "'>'";
    case Tok::kGe: return "'>='";
    case Tok::kPlus: return "'+'";
    case Tok::kMinus: return "'-'";
    case Tok::kStar: return "'*'";
    case Tok::kSlash: return "'/'";
    case Tok::kPercent: return "'%'";
  }
  return "token";
}

}  // namespace revarch::expr
