#pragma once
// The fixed vocabulary of the demo world: parts of invented company names, industries,
// prefectures, titles, departments, events and web pages. Constant tables; thread-safe.

#include <span>
#include <string_view>

namespace revarch::demo {

/// A word with its romanisation ("北斗", "Hokuto").
struct Word {
  std::string_view ja;
  std::string_view romaji;
};

/// The last part of a company name, tied to an industry.
struct NameSuffix {
  std::string_view ja;
  std::string_view romaji;
  int industry;  // index into industries()
};

struct Industry {
  std::string_view hubspot;     // HubSpot industry label
  std::string_view salesforce;  // Salesforce Industry picklist value
};

struct Prefecture {
  std::string_view ja;       // "東京都"
  std::string_view en;       // "Tokyo"
  std::string_view city;     // a city or ward in it
  std::string_view postal3;  // first three digits of its postal codes
  double weight;             // share of companies
};

/// A job title. seniority: 7 = head of the company ... 0 = staff.
struct Title {
  std::string_view ja;
  std::string_view en;  // English title some cards and CRMs use
  int seniority;
};

struct Department {
  std::string_view ja;
  std::string_view en;
};

std::span<const Word> name_prefixes();  // 北斗, 大和, 富士, ...
std::span<const Word> name_middles();   // テクノ, 総合, ... (never empty: keeps names unreal)
std::span<const NameSuffix> name_suffixes();
std::span<const Industry> industries();
std::span<const Prefecture> prefectures();
std::span<const Title> titles();
std::span<const Department> departments();
std::span<const std::string_view> trade_shows();  // "Japan IT Week 春", ...
std::span<const std::string_view> seminars();     // "稟議を通すDX投資の進め方", ...

/// A page of the vendor's web site: path and title.
struct Page {
  std::string_view path;
  std::string_view title;
};
std::span<const Page> content_pages();  // blog, case studies, product pages

inline constexpr std::string_view kVendorHost = "www.revarch-demo.jp";

}  // namespace revarch::demo
