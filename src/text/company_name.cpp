// Company names: legal forms (FORMATS.md "Legal forms") removed for display and for matching.
//
// All matching runs on the normalize_text form with ASCII lower-cased, which keeps byte offsets,
// so a range found in the lower-cased copy can be cut from the display text.

#include <array>
#include <string_view>
#include <vector>

#include "text/char_class.h"
#include "text/japanese.h"
#include "text/utf8.h"

namespace revarch::text {
namespace {

// Longest first where one form is a prefix of another (医療法人社団 before 医療法人).
constexpr std::array<std::string_view, 25> kWrittenForms = {
    "特定非営利活動法人", "地方独立行政法人", "有限責任事業組合", "一般社団法人",
    "一般財団法人",       "公益社団法人",     "公益財団法人",     "医療法人社団",
    "医療法人財団",       "社会福祉法人",     "独立行政法人",     "国立大学法人",
    "医療法人",           "学校法人",         "宗教法人",         "npo法人",
    "株式会社",           "有限会社",         "合同会社",         "合名会社",
    "合資会社",           "相互会社",         "社団法人",         "財団法人",
    "特殊法人",
};

// Abbreviations written in parentheses: (株) -- also what NFKC makes of ㈱ ㈲ ㈴ ㈾ and （株）.
constexpr std::array<std::string_view, 19> kParenthesisedForms = {
    "株",   "有",   "同",  "名", "資", "一社", "一財", "公社", "公財", "医",
    "社福", "特非", "npo", "学", "宗", "医社", "医財", "合",   "相",
};

using Tokens = std::vector<std::string_view>;
// English forms as lower-case word sequences; punctuation between words is ignored.
const std::vector<Tokens>& english_forms() {
  static const std::vector<Tokens> forms = {
      {"co", "ltd"},
      {"co", "limited"},
      {"company", "limited"},
      {"kabushiki", "kaisha"},
      {"kabushiki", "gaisha"},
      {"k", "k"},
      {"g", "k"},
      {"co", "inc"},
      {"kabushikigaisha"},
      {"kabushikikaisha"},
      {"ltd"},
      {"limited"},
      {"inc"},
      {"incorporated"},
      {"corp"},
      {"corporation"},
      {"llc"},
      {"kk"},
      {"gk"},
      {"co"},
  };
  return forms;
}
// Forms that may also stand before the name ("Kabushiki Kaisha Toshiba").
const std::vector<Tokens>& leading_english_forms() {
  static const std::vector<Tokens> forms = {
      {"kabushiki", "kaisha"}, {"kabushiki", "gaisha"}, {"kabushikigaisha"}, {"kabushikikaisha"}};
  return forms;
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_word_gap(char c) {
  return c == ' ' || c == '.' || c == ',' || c == '&';
}

bool starts_with_at(std::string_view s, size_t pos, std::string_view word) {
  return s.substr(pos, word.size()) == word;
}

size_t skip_spaces(std::string_view s, size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

/// Length of the Japanese legal form starting at `pos` of `low` ("株式会社", "(株)", "( 株 )"), 0
/// when none starts there.
size_t japanese_form_at(std::string_view low, size_t pos) {
  if (pos >= low.size()) return 0;
  // Every form starts with '(', 'n' (npo法人) or a 3-byte kanji: compare only where one could.
  const auto lead = static_cast<unsigned char>(low[pos]);
  if (lead != '(' && lead != 'n' && (lead < 0xE4 || lead > 0xE9)) return 0;
  for (std::string_view f : kWrittenForms) {
    if (starts_with_at(low, pos, f)) return f.size();
  }
  if (pos >= low.size() || low[pos] != '(') return 0;
  const size_t inner = skip_spaces(low, pos + 1);
  for (std::string_view f : kParenthesisedForms) {
    if (!starts_with_at(low, inner, f)) continue;
    const size_t close = skip_spaces(low, inner + f.size());
    if (close < low.size() && low[close] == ')') return close + 1 - pos;
  }
  return 0;
}

/// Length of the Japanese legal form ending at low.size(), 0 when none.
size_t japanese_form_before_end(std::string_view low) {
  for (std::string_view f : kWrittenForms) {
    if (low.ends_with(f)) return f.size();
  }
  if (low.empty() || low.back() != ')') return 0;
  const size_t open = low.rfind('(');
  if (open == std::string_view::npos) return 0;
  const size_t n = japanese_form_at(low, open);
  return n == low.size() - open ? n : 0;
}

struct Word {
  size_t begin, end;
};

std::vector<Word> ascii_words(std::string_view s) {
  std::vector<Word> words;
  for (size_t i = 0; i < s.size();) {
    if (!is_ascii_alnum(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && is_ascii_alnum(s[j])) ++j;
    words.push_back({i, j});
    i = j;
  }
  return words;
}

bool only_gaps(std::string_view s, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    if (!is_word_gap(s[i])) return false;
  }
  return true;
}

/// Offset where a trailing English form (with the gaps after it) starts in `low`; npos if none.
size_t english_form_suffix(std::string_view low) {
  size_t last = low.size();
  while (last > 0 && is_word_gap(low[last - 1])) --last;
  if (last == 0 || !is_ascii_alnum(low[last - 1])) return std::string_view::npos;  // fast path
  const std::vector<Word> words = ascii_words(low);
  for (const Tokens& form : english_forms()) {
    if (form.size() > words.size()) continue;
    const size_t first = words.size() - form.size();
    bool match = only_gaps(low, words.back().end, low.size());
    for (size_t k = 0; match && k < form.size(); ++k) {
      const Word& w = words[first + k];
      match = low.substr(w.begin, w.end - w.begin) == form[k] &&
              (k == 0 || only_gaps(low, words[first + k - 1].end, w.begin));
    }
    if (match) return words[first].begin;
  }
  return std::string_view::npos;
}

/// Length of a leading English form (and the gaps after it) of `low`; 0 if none.
size_t english_form_prefix(std::string_view low) {
  if (!low.starts_with('k')) return 0;  // every leading form is "kabushiki..."
  const std::vector<Word> words = ascii_words(low);
  for (const Tokens& form : leading_english_forms()) {
    if (form.size() > words.size() || !only_gaps(low, 0, words[0].begin)) continue;
    bool match = true;
    for (size_t k = 0; match && k < form.size(); ++k) {
      const Word& w = words[k];
      match = low.substr(w.begin, w.end - w.begin) == form[k] &&
              (k == 0 || only_gaps(low, words[k - 1].end, w.begin));
    }
    if (match) return words[form.size() - 1].end;
  }
  return 0;
}

bool is_edge_separator(std::string_view s, size_t pos) {
  return s[pos] == ' ' || s[pos] == ',' || starts_with_at(s, pos, "・");
}

/// [begin, end) of `low` left once legal forms and separators at both ends are removed.
std::pair<size_t, size_t> core_range(std::string_view low) {
  size_t b = 0, e = low.size();
  for (bool changed = true; changed && b < e;) {
    changed = false;
    const std::string_view cur = low.substr(b, e - b);
    if (is_edge_separator(low, b)) {
      b += starts_with_at(low, b, "・") ? std::string_view("・").size() : 1;
      changed = true;
    } else if (cur.back() == ' ' || cur.back() == ',' || cur.back() == '&') {
      --e, changed = true;
    } else if (cur.ends_with("・")) {
      e -= std::string_view("・").size(), changed = true;
    } else if (size_t n = japanese_form_at(cur, 0)) {
      b += n, changed = true;
    } else if (size_t m = japanese_form_before_end(cur)) {
      e -= m, changed = true;
    } else if (size_t p = english_form_prefix(cur); p > 0 && p < cur.size()) {
      b += p, changed = true;
    } else if (size_t s = english_form_suffix(cur); s != std::string_view::npos && s > 0) {
      e = b + s, changed = true;
    }
  }
  return {b, std::max(b, e)};
}

}  // namespace

std::string strip_legal_form(std::string_view utf8) {
  const std::string text = normalize_text(utf8);
  std::string low = text;
  internal::ascii_lower_in_place(low);
  const auto [b, e] = core_range(low);
  return text.substr(b, e - b);
}

std::string normalize_company_name(std::string_view utf8) {
  std::string low = normalize_text(utf8);
  internal::ascii_lower_in_place(low);
  const auto [b, e] = core_range(low);
  const std::string_view core = std::string_view(low).substr(b, e - b);
  std::string key;
  key.reserve(core.size());
  for (size_t i = 0; i < core.size();) {
    if (size_t n = japanese_form_at(core, i)) {  // a form inside: "ABC株式会社 東京支店"
      i += n;
      continue;
    }
    const char32_t cp = next_code_point(core, i);
    if (internal::is_space(cp) || internal::is_punctuation(cp) || internal::is_middle_dot(cp)) {
      continue;
    }
    append_utf8(key, internal::to_lower(cp));
  }
  return key;
}

}  // namespace revarch::text
