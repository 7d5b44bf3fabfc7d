#include "text/ids.h"

#include <algorithm>

#include "text/japanese.h"

namespace revarch::text {
namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

constexpr std::string_view kSuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

}  // namespace

int corporate_number_check_digit(std::string_view base12) {
  if (base12.size() != 12 || !all_digits(base12)) return -1;
  int sum = 0;
  for (int n = 1; n <= 12; ++n) {  // n counts from the right
    const int digit = base12[12 - n] - '0';
    sum += digit * (n % 2 == 1 ? 1 : 2);
  }
  return 9 - sum % 9;
}

bool is_valid_corporate_number(std::string_view s) {
  if (s.size() != 13 || !all_digits(s)) return false;
  return corporate_number_check_digit(s.substr(1)) == s[0] - '0';
}

std::optional<std::string> normalize_corporate_number(std::string_view s) {
  std::string digits;
  for (char c : normalize_text(s)) {
    if (c == '-' || c == ' ') continue;
    digits.push_back(c);
  }
  if (!is_valid_corporate_number(digits)) return std::nullopt;
  return digits;
}

std::optional<std::string> salesforce_id18(std::string_view id) {
  if ((id.size() != 15 && id.size() != 18) || !std::all_of(id.begin(), id.end(), is_alnum)) {
    return std::nullopt;
  }
  std::string out(id.substr(0, 15));
  for (size_t chunk = 0; chunk < 3; ++chunk) {
    unsigned bits = 0;
    for (size_t j = 0; j < 5; ++j) {
      const char c = out[chunk * 5 + j];
      if (c >= 'A' && c <= 'Z') bits |= 1u << j;
    }
    out.push_back(kSuffixAlphabet[bits]);
  }
  if (id.size() == 18) {
    for (size_t k = 15; k < 18; ++k) {
      char given = id[k];
      if (given >= 'a' && given <= 'z') given = static_cast<char>(given - 32);
      if (given != out[k]) return std::nullopt;
    }
  }
  return out;
}

bool is_salesforce_id(std::string_view id) {
  return salesforce_id18(id).has_value();
}

std::string_view salesforce_key_prefix(std::string_view id) {
  return id.size() < 3 ? std::string_view() : id.substr(0, 3);
}

}  // namespace revarch::text
