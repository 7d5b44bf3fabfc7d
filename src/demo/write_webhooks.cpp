// HubSpot webhook deliveries: JSON arrays of events from the last weeks of the world, one
// delivery repeated (a retry), as hubspot/webhooks/delivery-NNNN.json.
#include <fmt/format.h>

#include "demo/render.h"
#include "demo/rng.h"
#include "demo/writers.h"

namespace revarch::demo {
namespace {

constexpr int64_t kPortalId = 891472211;
constexpr int64_t kAppId = 7906213;
constexpr size_t kPerDelivery = 25;
constexpr size_t kMaxEvents = 200;

struct Hook {
  std::string body;  // the event object without attemptNumber
};

std::string event_json(int64_t event_id, int64_t sub_id, std::string_view type, int64_t at_ms,
                       uint64_t object_id, std::string_view extra) {
  return fmt::format(
      "{{\"eventId\":{},\"subscriptionId\":{},\"portalId\":{},\"appId\":{},\"occurredAt\":{},"
      "\"subscriptionType\":\"{}\",\"objectId\":{}{}}}",
      event_id, sub_id, kPortalId, kAppId, at_ms, type, object_id, extra);
}

}  // namespace

void write_hubspot_webhooks(const World& w, const std::filesystem::path& root,
                            WriterReport& report) {
  Rng rng(stream_key(w.seed, 140));
  std::vector<std::string> events;
  const uint16_t since = kLastDay - 45;
  for (uint32_t pi = 0; pi < w.people.size() && events.size() < kMaxEvents; ++pi) {
    const Person& p = w.people[pi];
    if (!(p.sources & kInHubSpot) || p.known_day < since) continue;
    const int64_t at =
        unix_seconds(p.known_day, rng.range(9 * 3600, 19 * 3600)) * 1000 + rng.range(0, 999);
    const uint64_t id = hubspot_contact_id(pi, 0);
    events.push_back(event_json(3029365000 + static_cast<int64_t>(events.size()), 686627,
                                "contact.creation", at, id,
                                ",\"changeFlag\":\"NEW\","
                                "\"changeSource\":\"FORM\""));
    events.push_back(
        event_json(3029365000 + static_cast<int64_t>(events.size()), 686628,
                   "contact.propertyChange", at + 1500, id,
                   fmt::format(",\"propertyName\":\"lifecyclestage\",\"propertyValue\":"
                               "\"lead\",\"changeSource\":\"FORM\",\"sourceId\":"
                               "\"userId:{}\"",
                               hubspot_owner_id(p.owner))));
  }
  for (uint32_t di = 0; di < w.deals.size() && events.size() < kMaxEvents + 20; ++di) {
    if (!w.deals[di].in_hubspot) continue;
    const auto path = deal_path(w, di);
    if (path.back().day < since) continue;
    const int64_t at = unix_seconds(path.back().day, rng.range(9 * 3600, 19 * 3600)) * 1000;
    std::string value(path.back().stage == "Closed Won"    ? "closedwon"
                      : path.back().stage == "Closed Lost" ? "closedlost"
                                                           : "contractsent");
    events.push_back(
        event_json(3029365000 + static_cast<int64_t>(events.size()), 686629, "deal.propertyChange",
                   at, hubspot_deal_id(di),
                   fmt::format(",\"propertyName\":\"dealstage\",\"propertyValue\":\"{}\","
                               "\"changeSource\":\"CRM_UI\"",
                               value)));
  }
  // Deliveries do not keep order: shuffle within the list deterministically.
  for (size_t i = events.size(); i > 1; --i)
    std::swap(events[i - 1], events[rng.below(static_cast<uint32_t>(i))]);
  std::vector<std::vector<std::string>> deliveries;
  for (size_t i = 0; i < events.size(); i += kPerDelivery) {
    deliveries.emplace_back(
        events.begin() + static_cast<std::ptrdiff_t>(i),
        events.begin() + static_cast<std::ptrdiff_t>(std::min(events.size(), i + kPerDelivery)));
  }
  if (!deliveries.empty()) deliveries.push_back(deliveries.front());  // the retry of delivery 1
  for (size_t k = 0; k < deliveries.size(); ++k) {
    const bool retry = k + 1 == deliveries.size() && deliveries.size() > 1;
    std::string body = "[";
    for (size_t i = 0; i < deliveries[k].size(); ++i) {
      if (i > 0) body += ",\n ";
      body += retry ? "{\"attemptNumber\":1," : "{\"attemptNumber\":0,";
      body.append(deliveries[k][i], 1);
    }
    body += "]\n";
    auto st = write_small_file(root, fmt::format("hubspot/webhooks/delivery-{:04d}.json", k + 1),
                               body, deliveries[k].size());
    if (!st.is_ok()) {
      report.status = st.status();
      return;
    }
    report.files.push_back(std::move(st).value());
  }
}

}  // namespace revarch::demo
