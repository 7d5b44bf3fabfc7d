#include "text/contact_points.h"

#include <algorithm>
#include <array>
#include <utility>

#include "text/char_class.h"
#include "text/japanese.h"

namespace revarch::text {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// Host names: labels of ASCII alphanumerics, '-', or non-ASCII (IDN) bytes, separated by
/// single dots, at least two labels, the last one at least two characters and not all digits.
bool is_plausible_host(std::string_view host) {
  if (host.empty() || host.front() == '.' || host.back() == '.') return false;
  if (host.find("..") != std::string_view::npos) return false;
  const size_t last_dot = host.rfind('.');
  if (last_dot == std::string_view::npos) return false;
  const std::string_view tld = host.substr(last_dot + 1);
  if (tld.size() < 2 || std::all_of(tld.begin(), tld.end(), is_digit)) return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    return is_ascii_alnum(c) || c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
  });
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kCountryCodes = {{
    {"JP", "81"}, {"US", "1"},  {"CA", "1"},  {"GB", "44"},  {"DE", "49"},
    {"FR", "33"}, {"CN", "86"}, {"KR", "82"}, {"TW", "886"}, {"HK", "852"},
    {"SG", "65"}, {"AU", "61"}, {"IN", "91"}, {"TH", "66"},  {"VN", "84"},
    {"PH", "63"}, {"ID", "62"}, {"MY", "60"}, {"NL", "31"},  {"IT", "39"},
}};

std::string_view country_calling_code(std::string_view country) {
  for (const auto& [iso, code] : kCountryCodes) {
    if (country.size() == 2 && (country[0] | 0x20) == (iso[0] | 0x20) &&
        (country[1] | 0x20) == (iso[1] | 0x20)) {
      return code;
    }
  }
  return {};
}

/// `s` cut before an extension marker ("内線", "ext", "x", "#").
std::string_view drop_extension(std::string_view s) {
  for (std::string_view marker : {"内線", "ext", "EXT", "Ext", "x", "X", "#"}) {
    const size_t at = s.find(marker);
    if (at != std::string_view::npos && at > 0) s = s.substr(0, at);
  }
  return s;
}

/// E.164 plausibility: Japan's national significant number has 9 or 10 digits and no leading 0;
/// elsewhere the whole number has 8 to 15 digits.
bool plausible_e164(std::string_view digits) {
  if (digits.empty() || digits[0] == '0') return false;
  if (digits.starts_with("81")) {
    const std::string_view nsn = digits.substr(2);
    return (nsn.size() == 9 || nsn.size() == 10) && nsn[0] != '0';
  }
  return digits.size() >= 8 && digits.size() <= 15;
}

}  // namespace

std::optional<std::string> normalize_email(std::string_view email) {
  std::string s = nfkc(email);
  std::string_view v = trim_ascii(s);
  if (const size_t lt = v.rfind('<'); lt != std::string_view::npos && v.back() == '>') {
    v = v.substr(lt + 1, v.size() - lt - 2);  // "山田 <taro@example.jp>"
  }
  if (v.size() > 7 && std::equal(v.begin(), v.begin() + 7,
                                 "mailto:", [](char a, char b) { return (a | 0x20) == b; })) {
    v.remove_prefix(7);
  }
  v = trim_ascii(v);
  std::string out(v);
  internal::ascii_lower_in_place(out);
  const size_t at = out.find('@');
  if (at == std::string::npos || at == 0 || out.find('@', at + 1) != std::string::npos) {
    return std::nullopt;
  }
  const std::string_view local = std::string_view(out).substr(0, at);
  if (std::any_of(local.begin(), local.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == ',';
      })) {
    return std::nullopt;
  }
  if (!is_plausible_host(std::string_view(out).substr(at + 1))) return std::nullopt;
  return out;
}

std::string email_domain(std::string_view normalized_email) {
  const size_t at = normalized_email.rfind('@');
  return at == std::string_view::npos ? std::string()
                                      : std::string(normalized_email.substr(at + 1));
}

bool is_free_mail_domain(std::string_view domain) {
  static constexpr std::array<std::string_view, 32> kFree = {
      "aol.com",        "au.com",        "docomo.ne.jp",   "excite.co.jp",   "ezweb.ne.jp",
      "gmail.com",      "gmx.com",       "googlemail.com", "hotmail.co.jp",  "hotmail.com",
      "i.softbank.jp",  "icloud.com",    "infoseek.jp",    "live.jp",        "live.com",
      "mac.com",        "me.com",        "msn.com",        "nifty.com",      "ocn.ne.jp",
      "outlook.com",    "outlook.jp",    "proton.me",      "protonmail.com", "rakuten.jp",
      "softbank.ne.jp", "yahoo.co.jp",   "yahoo.com",      "ybb.ne.jp",      "ymail.com",
      "zoho.com",       "biglobe.ne.jp",
  };
  return std::find(kFree.begin(), kFree.end(), domain) != kFree.end();
}

std::optional<std::string> normalize_phone(std::string_view phone,
                                           std::string_view default_country) {
  const std::string_view cc = country_calling_code(default_country);
  if (cc.empty()) return std::nullopt;
  const std::string text = normalize_text(phone);
  std::string digits;
  bool plus = false;
  std::string_view v = drop_extension(text);
  if (v.size() >= 3 && (v[0] | 0x20) == 't' && (v[1] | 0x20) == 'e' && (v[2] | 0x20) == 'l') {
    v.remove_prefix(3);  // "TEL 03-...", "tel:+81-..."
    if (!v.empty() && (v.front() == ':' || v.front() == '.')) v.remove_prefix(1);
  }
  for (size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (is_digit(c)) {
      digits.push_back(c);
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (v.substr(i, 3) == "(0)" && plus) {
      i += 2;  // "+81 (0)3-...": the trunk 0 in parentheses is not dialled from abroad
    } else if (c != '-' && c != ' ' && c != '(' && c != ')' && c != '.' && c != '/') {
      return std::nullopt;
    }
  }
  std::string e164;
  const bool jp = cc == "81";
  if (plus) {
    e164 = digits;
    if (e164.starts_with("810")) e164.erase(2, 1);  // "+81 03-..." written with the trunk 0
  } else if (digits.starts_with("00")) {
    e164 = digits.substr(2);  // international prefix used outside Japan
  } else if (jp && digits.starts_with("010")) {
    e164 = digits.substr(3);  // Japan's international prefix
  } else if (digits.starts_with("0")) {
    e164 = std::string(cc) + digits.substr(1);
  } else if (jp && digits.starts_with("81") && (digits.size() == 11 || digits.size() == 12)) {
    e164 = digits;  // country code without '+'
  } else if (jp && (digits.size() == 9 || digits.size() == 10)) {
    e164 = "81" + digits;  // a spreadsheet dropped the leading 0
  } else {
    return std::nullopt;
  }
  if (!plausible_e164(e164)) return std::nullopt;
  return "+" + e164;
}

std::optional<std::string> normalize_domain(std::string_view url_or_host) {
  std::string s = nfkc(url_or_host);
  internal::ascii_lower_in_place(s);
  std::string_view v = trim_ascii(s);
  if (const size_t scheme = v.find("://"); scheme != std::string_view::npos) {
    v.remove_prefix(scheme + 3);
  } else if (v.starts_with("//")) {
    v.remove_prefix(2);
  }
  v = v.substr(0, v.find_first_of("/?#"));
  if (const size_t at = v.rfind('@'); at != std::string_view::npos) v.remove_prefix(at + 1);
  if (const size_t colon = v.rfind(':'); colon != std::string_view::npos) {
    const std::string_view port = v.substr(colon + 1);
    if (!std::all_of(port.begin(), port.end(), is_digit)) return std::nullopt;
    v = v.substr(0, colon);
  }
  if (v.ends_with('.')) v.remove_suffix(1);
  if (v.starts_with("www.")) v.remove_prefix(4);
  if (!is_plausible_host(v)) return std::nullopt;
  return std::string(v);
}

}  // namespace revarch::text
