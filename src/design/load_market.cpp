// market: country, time zone, currency, fiscal year, business calendar and hours.
#include <cctype>

#include "design/load_sections.h"

namespace revarch::design {
namespace {

bool two_digits(const std::string& s, size_t at, int* out) {
  if (at + 2 > s.size() || !std::isdigit(static_cast<unsigned char>(s[at])) ||
      !std::isdigit(static_cast<unsigned char>(s[at + 1])))
    return false;
  *out = (s[at] - '0') * 10 + (s[at + 1] - '0');
  return true;
}

std::optional<MonthDay> month_day_of(Reader& r, const YAML::Node& n) {
  auto s = r.string_of(n, "a month-day");
  if (!s) return std::nullopt;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  MonthDay md;
  if (s->size() == 5 && (*s)[2] == '-' && two_digits(*s, 0, &md.month) &&
      two_digits(*s, 3, &md.day) && md.month >= 1 && md.month <= 12 && md.day >= 1 &&
      md.day <= kDays[md.month - 1])
    return md;
  r.error("bad-value", "'" + *s + "' is not a month-day MM-DD (e.g. \"12-29\")", n);
  return std::nullopt;
}

// "09:00" -> 540
std::optional<int> clock_of(Reader& r, const YAML::Node& n) {
  auto s = r.string_of(n, "a time of day");
  if (!s) return std::nullopt;
  int h = 0, m = 0;
  if (s->size() == 5 && (*s)[2] == ':' && two_digits(*s, 0, &h) && two_digits(*s, 3, &m) &&
      h <= 24 && m < 60 && h * 60 + m <= 24 * 60)
    return h * 60 + m;
  r.error("bad-value", "'" + *s + "' is not a time of day HH:MM", n);
  return std::nullopt;
}

void load_closures(Reader& r, const YAML::Node& n, std::vector<Closure>* out) {
  if (!r.expect_seq(n, "'closures'")) return;
  for (const auto& item : n) {
    if (!r.expect_map(item, "a closure")) continue;
    r.check_keys(item, {"name", "from", "to", "enabled"}, "a closure");
    Closure c;
    c.where = r.loc(item);
    r.read_string(item, "name", &c.name, true);
    r.read_bool(item, "enabled", &c.enabled);
    if (item["from"]) {
      if (auto md = month_day_of(r, item["from"])) c.from = *md;
    } else {
      r.error("missing-key", "missing required key 'from'", item);
    }
    if (item["to"]) {
      if (auto md = month_day_of(r, item["to"])) c.to = *md;
    } else {
      r.error("missing-key", "missing required key 'to'", item);
    }
    out->push_back(std::move(c));
  }
}

}  // namespace

void load_market(Reader& r, const YAML::Node& n, Market* out) {
  out->present = true;
  out->where = r.loc(n);
  if (!r.expect_map(n, "'market'")) return;
  r.check_keys(
      n, {"country", "timezone", "currency", "fiscal_year_start", "calendar", "business_hours"},
      "market");
  r.read_string(n, "country", &out->country);
  r.read_string(n, "timezone", &out->timezone);
  r.read_string(n, "currency", &out->currency);
  r.read_int(n, "fiscal_year_start", &out->fiscal_year_start, 1, 12);
  if (YAML::Node cal = n["calendar"]; cal && r.expect_map(cal, "'calendar'")) {
    r.check_keys(cal, {"holidays", "closures"}, "calendar");
    std::string holidays;
    if (r.read_string(cal, "holidays", &holidays)) {
      if (holidays == "jp" || holidays == "none")
        out->holidays = holidays;
      else
        r.error("bad-value", "'holidays' must be one of jp, none, not '" + holidays + "'",
                cal["holidays"]);
    }
    if (cal["closures"]) load_closures(r, cal["closures"], &out->closures);
  }
  if (YAML::Node bh = n["business_hours"]; bh && r.expect_map(bh, "'business_hours'")) {
    r.check_keys(bh, {"start", "end"}, "business_hours");
    if (bh["start"])
      if (auto m = clock_of(r, bh["start"])) out->business_start_minute = *m;
    if (bh["end"])
      if (auto m = clock_of(r, bh["end"])) out->business_end_minute = *m;
    if (out->business_end_minute <= out->business_start_minute)
      r.error("bad-value", "business hours must end after they start", bh);
  }
}

}  // namespace revarch::design
