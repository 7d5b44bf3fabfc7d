// The GA4 fast path: reads the fields of Ga4Row straight from a line of JSON text, validating the
// whole line as JSON on the way, without building a DOM. Anything unusual (escaped strings or
// non-trivial numbers among the fields read are fine: their text comes from nlohmann) makes it
// give up so that the caller parses the line with nlohmann instead.
#include <iterator>
#include <nlohmann/json.hpp>

#include "connectors/ga4_row.h"
#include "text/utf8.h"

namespace revarch::connectors::ga4 {
namespace {

constexpr int kMaxDepth = 64;

enum class Kind { kString, kNumber, kTrue, kFalse, kNull, kObject, kArray };

struct Value {
  Kind kind = Kind::kNull;
  std::string_view raw;  // string: the body between the quotes; number: the token
  bool simple = true;    // string without escapes; number written as a small unsigned integer
};

class Parser {
 public:
  explicit Parser(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

  bool row(Ga4Row& out);

 private:
  void ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool eat(char c) {
    ws();
    if (p_ < end_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  bool at(char c) {
    ws();
    return p_ < end_ && *p_ == c;
  }

  // Four hex digits at p_ (consumed), or -1.
  int hex4() {
    if (end_ - p_ < 4) return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      const int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  }
  bool string(std::string_view& body, bool& simple);
  bool number(std::string_view& raw, bool& simple);
  bool literal(std::string_view word);
  bool value(Value& v, int depth);  // any value; objects and arrays are skipped
  bool skip(int depth) {
    Value v;
    return value(v, depth);
  }
  // Members of an object whose '{' was read: calls member(key) with the parser at the value;
  // member must consume it. Keys with escapes are refused.
  template <typename Member>
  bool members(Member member);
  // The text of a scalar (Ga4Row's rules) into `out`; false when nlohmann refuses it.
  static bool text(const Value& v, std::string& out);
  // A field holding an object of interesting scalars: `fields` get the text of their keys (""
  // when absent or when the value is not an object).
  bool object_fields(int depth,
                     std::initializer_list<std::pair<std::string_view, std::string*>> fields);
  bool event_params(Ga4Row& out);
  bool param(Ga4Row& out);

  const char* p_;
  const char* end_;
};

bool Parser::string(std::string_view& body, bool& simple) {
  if (!eat('"')) return false;
  const char* start = p_;
  simple = true;
  while (p_ < end_) {
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      body = std::string_view(start, static_cast<size_t>(p_ - start));
      ++p_;
      return true;
    }
    if (c < 0x20) return false;
    if (c == '\\') {
      simple = false;
      if (++p_ == end_) return false;
      const char e = *p_++;
      if (e == 'u') {
        // A high surrogate must be followed by an escaped low one; a lone low one is an error.
        int unit = hex4();
        if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) return false;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
          p_ += 2;
          unit = hex4();
          if (unit < 0xDC00 || unit > 0xDFFF) return false;
        }
      } else if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' &&
                 e != 'r' && e != 't') {
        return false;
      }
      continue;
    }
    ++p_;
  }
  return false;
}

bool Parser::number(std::string_view& raw, bool& simple) {
  ws();
  const char* start = p_;
  auto digits = [&] {
    const char* d = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return p_ - d;
  };
  simple = true;
  if (p_ < end_ && *p_ == '-') {
    ++p_;
    simple = false;
  }
  if (p_ < end_ && *p_ == '0') {
    ++p_;
  } else if (digits() == 0) {
    return false;
  }
  if (p_ < end_ && *p_ == '.') {
    ++p_;
    simple = false;
    if (digits() == 0) return false;
  }
  if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_;
    simple = false;
    if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (digits() == 0) return false;
  }
  raw = std::string_view(start, static_cast<size_t>(p_ - start));
  if (raw.size() > 18) simple = false;  // may not fit in int64: let nlohmann decide
  return true;
}

bool Parser::literal(std::string_view word) {
  if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
    return false;
  p_ += word.size();
  return true;
}

bool Parser::value(Value& v, int depth) {
  ws();
  if (p_ == end_) return false;
  switch (*p_) {
    case '"': v.kind = Kind::kString; return string(v.raw, v.simple);
    case 't': v.kind = Kind::kTrue; return literal("true");
    case 'f': v.kind = Kind::kFalse; return literal("false");
    case 'n': v.kind = Kind::kNull; return literal("null");
    case '{': {
      if (depth >= kMaxDepth) return false;
      ++p_;
      v.kind = Kind::kObject;
      return members([&](std::string_view) { return skip(depth + 1); });
    }
    case '[': {
      if (depth >= kMaxDepth) return false;
      ++p_;
      v.kind = Kind::kArray;
      if (eat(']')) return true;
      do {
        if (!skip(depth + 1)) return false;
      } while (eat(','));
      return eat(']');
    }
    default: v.kind = Kind::kNumber; return number(v.raw, v.simple);
  }
}

template <typename Member>
bool Parser::members(Member member) {
  if (eat('}')) return true;
  do {
    std::string_view key;
    bool simple = true;
    if (!string(key, simple) || !simple || !eat(':') || !member(key)) return false;
  } while (eat(','));
  return eat('}');
}

bool Parser::text(const Value& v, std::string& out) {
  switch (v.kind) {
    case Kind::kString:
    case Kind::kNumber: {
      if (v.simple) {
        out.assign(v.raw);
        return true;
      }
      // Escapes, negative, fractional or huge numbers: exactly what the DOM path would give.
      std::string token =
          v.kind == Kind::kString ? "\"" + std::string(v.raw) + "\"" : std::string(v.raw);
      nlohmann::json j = nlohmann::json::parse(token, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) return false;
      out = text_of(j);
      return true;
    }
    case Kind::kTrue: out = "true"; return true;
    case Kind::kFalse: out = "false"; return true;
    default: out.clear(); return true;
  }
}

bool Parser::object_fields(
    int depth, std::initializer_list<std::pair<std::string_view, std::string*>> fields) {
  for (const auto& f : fields) f.second->clear();
  if (!at('{')) return skip(depth);
  if (depth >= kMaxDepth) return false;
  ++p_;
  return members([&](std::string_view key) {
    for (const auto& [name, target] : fields) {
      if (key == name) {
        Value v;
        return value(v, depth + 1) && text(v, *target);
      }
    }
    return skip(depth + 1);
  });
}

// One element of event_params (depth 3).
bool Parser::param(Ga4Row& out) {
  if (!at('{')) return skip(3);
  ++p_;
  std::string key;
  bool value_object = false;
  std::string kinds[4];  // string_value, int_value, double_value, float_value
  bool ok = members([&](std::string_view k) {
    if (k == "key") {
      Value v;
      return value(v, 4) && text(v, key);
    }
    if (k == "value") {
      value_object = at('{');
      return object_fields(4, {{"string_value", &kinds[0]},
                               {"int_value", &kinds[1]},
                               {"double_value", &kinds[2]},
                               {"float_value", &kinds[3]}});
    }
    return skip(4);
  });
  if (!ok) return false;
  if (key.empty() || !value_object) return true;
  for (std::string& v : kinds) {
    if (!v.empty()) {
      out.params.emplace_back(std::move(key), std::move(v));
      break;
    }
  }
  return true;
}

bool Parser::event_params(Ga4Row& out) {
  out.params.clear();
  if (!at('[')) return skip(2);
  ++p_;
  if (eat(']')) return true;
  do {
    if (!param(out)) return false;
  } while (eat(','));
  return eat(']');
}

bool Parser::row(Ga4Row& out) {
  if (!eat('{')) return false;
  std::string* scalars[] = {&out.event_name,        &out.event_timestamp, &out.user_pseudo_id,
                            &out.client_id,         &out.user_id,         &out.bundle,
                            &out.batch_event_index, &out.batch_page_id,   &out.batch_ordering_id};
  static constexpr std::string_view kScalarNames[] = {
      "event_name",        "event_timestamp", "user_pseudo_id",
      "client_id",         "user_id",         "event_bundle_sequence_id",
      "batch_event_index", "batch_page_id",   "batch_ordering_id"};
  for (std::string* s : scalars) s->clear();
  for (std::string& c : out.columns) c.clear();
  out.params.clear();
  for (std::string* s : {&out.cts_source, &out.cts_medium, &out.cts_campaign, &out.cts_gclid,
                         &out.first_source, &out.first_medium, &out.first_name, &out.country,
                         &out.region, &out.city, &out.device_category}) {
    s->clear();
  }
  bool ok = members([&](std::string_view key) {
    for (size_t i = 0; i < std::size(kScalarNames); ++i) {
      if (key == kScalarNames[i]) {
        Value v;
        return value(v, 2) && text(v, *scalars[i]);
      }
    }
    for (size_t i = 0; i < kParamNames.size(); ++i) {
      if (key == kParamNames[i]) {
        Value v;
        return value(v, 2) && text(v, out.columns[i]);
      }
    }
    if (key == "event_params") return event_params(out);
    if (key == "collected_traffic_source") {
      return object_fields(2, {{"manual_source", &out.cts_source},
                               {"manual_medium", &out.cts_medium},
                               {"manual_campaign_name", &out.cts_campaign},
                               {"gclid", &out.cts_gclid}});
    }
    if (key == "traffic_source") {
      return object_fields(2, {{"source", &out.first_source},
                               {"medium", &out.first_medium},
                               {"name", &out.first_name}});
    }
    if (key == "geo") {
      return object_fields(
          2, {{"country", &out.country}, {"region", &out.region}, {"city", &out.city}});
    }
    if (key == "device") return object_fields(2, {{"category", &out.device_category}});
    return skip(2);
  });
  ws();
  return ok && p_ == end_;
}

}  // namespace

bool from_text(std::string_view line, Ga4Row& out) {
  if (!text::is_valid_utf8(line)) return false;  // nlohmann rejects it: the DOM path reports it
  return Parser(line).row(out);
}

}  // namespace revarch::connectors::ga4
