// Throughput of the Japanese text normalisers: company-name keys, person-name keys, readings and
// corporate-number validation over 1M synthetic inputs each (the variety of real data: full-width
// Latin, U+3000, legal forms before and after, half-width katakana, variant kanji).
// Usage: text_bench [count]   (default 1000000)

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "text/ids.h"
#include "text/japanese.h"

namespace {

using revarch::text::corporate_number_check_digit;

template <typename F>
double per_second(size_t n, F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  const std::chrono::duration<double> s = std::chrono::steady_clock::now() - start;
  return static_cast<double>(n) / s.count();
}

std::vector<std::string> company_names(size_t n, std::mt19937& rng) {
  const std::vector<std::string> forms_before = {"株式会社", "(株)", "㈱",      "株式会社　",
                                                 "",         "",     "有限会社"};
  const std::vector<std::string> forms_after = {"株式会社", "（株）", "㍿", " Co., Ltd.",
                                                " K.K.",    "",       ""};
  const std::vector<std::string> parts = {
      "ＡＢＣ", "サカタ", "のタネ", "髙島", "商事", "ﾃｸﾉ",  "ホールディングス", "Tokyo",
      "　",     "-",      "ｼｽﾃﾑｽﾞ", "日本", "電機", "渡邊", "セブン‐イレブン",  "Ｊａｐａｎ"};
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    std::string s = rng() % 2 ? forms_before[rng() % forms_before.size()] : "";
    const size_t k = 2 + rng() % 3;
    for (size_t j = 0; j < k; ++j) s += parts[rng() % parts.size()];
    if (s.size() < 40 && rng() % 2) s += forms_after[rng() % forms_after.size()];
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> person_names(size_t n, std::mt19937& rng) {
  const std::vector<std::string> family = {"山田", "髙橋", "渡邉",   "佐藤",
                                           "齋藤", "山﨑", "ヤマダ", "ﾀｶﾊｼ"};
  const std::vector<std::string> given = {"太郎", "花子", "一郎", "タロウ", "ﾊﾅｺ", "Taro", "陽菜"};
  const std::vector<std::string> seps = {"\u3000", " ", "", "  "};
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(family[rng() % family.size()] + seps[rng() % seps.size()] +
                  given[rng() % given.size()]);
  }
  return out;
}

std::vector<std::string> corporate_numbers(size_t n, std::mt19937& rng) {
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    std::string base(12, '0');
    for (char& c : base) c = static_cast<char>('0' + rng() % 10);
    const int check = corporate_number_check_digit(base);
    // Every tenth number has a wrong check digit, as typos in real data would.
    out.push_back(std::to_string(i % 10 == 0 ? (check + 1) % 10 : check) + base);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1'000'000;
  std::mt19937 rng(42);
  const auto companies = company_names(n, rng);
  const auto people = person_names(n, rng);
  const auto numbers = corporate_numbers(n, rng);
  size_t sink = 0;

  const double company_rate = per_second(n, [&] {
    for (const auto& s : companies) sink += revarch::text::normalize_company_name(s).size();
  });
  const double person_rate = per_second(n, [&] {
    for (const auto& s : people) sink += revarch::text::normalize_person_name(s).size();
  });
  const double kana_rate = per_second(n, [&] {
    for (const auto& s : people) sink += revarch::text::kana_fold(s).size();
  });
  size_t valid = 0;
  const double number_rate = per_second(n, [&] {
    for (const auto& s : numbers) valid += revarch::text::is_valid_corporate_number(s);
  });
  const double normalize_number_rate = per_second(n, [&] {
    for (const auto& s : numbers) valid += revarch::text::normalize_corporate_number(s).has_value();
  });

  std::printf("inputs per benchmark:          %zu\n", n);
  std::printf("normalize_company_name:        %.0f names/s\n", company_rate);
  std::printf("normalize_person_name:         %.0f names/s\n", person_rate);
  std::printf("kana_fold:                     %.0f names/s\n", kana_rate);
  std::printf("is_valid_corporate_number:     %.0f numbers/s\n", number_rate);
  std::printf("normalize_corporate_number:    %.0f numbers/s\n", normalize_number_rate);
  std::printf("(checksum %zu, valid %zu)\n", sink, valid);
  return 0;
}
