#include "lifecycle/explain.h"

#include <cmath>
#include <map>

#include "common/time.h"
#include "lifecycle/engine_impl.h"
#include "lifecycle/features.h"
#include "lifecycle/snapshot.h"
#include "lifecycle/stage_engine.h"

namespace revarch::lifecycle {
namespace {

using nlohmann::json;

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A CRM's stage name in the design's terms, to compare the two: HubSpot lifecycle stages
// ("marketingqualifiedlead" is mql; "opportunity" is the contact stage before the deal,
// first_meeting); deal stages by whether they are closed ("Closed Won" is closed_won, any open
// stage such as "Negotiation/Review" is opportunity).
std::string crm_alias(EntityKind kind, const std::string& v) {
  if (kind == EntityKind::kDeal) {
    ClosedState c = closed_state_of_stage(v);
    return c.won ? "closed_won" : c.closed ? "closed_lost" : "opportunity";
  }
  static const std::map<std::string, std::string> kAliases = {
      {"marketingqualifiedlead", "mql"}, {"marketing qualified lead", "mql"},
      {"salesqualifiedlead", "sql"},     {"sales qualified lead", "sql"},
      {"opportunity", "first_meeting"},  {"evangelist", "advocacy"}};
  std::string l = lower(v);
  auto it = kAliases.find(l);
  return it == kAliases.end() ? l : it->second;
}

json deadline_of(const CompiledDesign& d, const design::Handoff& h, int64_t since) {
  json j = {{"handoff", h.id},
            {"to_team", h.to_team},
            {"from_stage", h.from_stage},
            {"to_stage", h.to_stage}};
  if (!h.sla) return j;
  const auto& cal = d.calendar();
  int64_t ms = h.sla->ms, deadline = since + ms;
  if (h.sla_clock == design::SlaClock::kBusinessHours) {
    deadline = cal.add_business_minutes(since, ms / 60000);
  } else if (h.sla_clock == design::SlaClock::kBusinessDays) {
    calendar::Date day = cal.local_date(since);
    for (int64_t n = ms / kDayMs; n > 0; --n) day = cal.next_business_day(day);
    deadline = cal.local_midnight_ms(day) + (since - cal.local_midnight_ms(cal.local_date(since)));
  }
  j["sla"] = std::to_string(ms / 3'600'000) + "h " + design::sla_clock_name(h.sla_clock);
  j["deadline"] = format_iso8601_utc(deadline);
  j["deadline_local"] = format_date(deadline);
  return j;
}

}  // namespace

std::optional<std::string> resolve_entity_id(const LifecycleEngine& engine, EntityKind kind,
                                             const std::string& id) {
  const EntityMap& map = engine.entities();
  if (auto e = map.find_id(id); e && map.at(*e).kind == kind) return id;
  for (const auto& [ref, e] : map.links()) {
    if (map.at(e).kind != kind) continue;
    bool same = ref.id == id || (ref.source == "salesforce" && id.size() == 15 &&
                                 ref.id.size() == 18 && ref.id.compare(0, 15, id) == 0);
    if (same) return map.at(e).id;
  }
  if (kind == EntityKind::kContact && id.find('@') != std::string::npos) {
    const auto& m = engine.impl();
    int p = m.design->prop_of("email");
    for (uint32_t e = 0; e < m.rt.size(); ++e) {
      const std::string* v = p < 0 ? nullptr : m.rt[e].prop(static_cast<PropId>(p));
      if (v && lower(*v) == lower(id)) return map.at(e).id;
    }
  }
  return std::nullopt;
}

json explain_entity(const LifecycleEngine& engine, const std::string& entity_id) {
  const auto& m = engine.impl();
  const CompiledDesign& d = *m.design;
  auto index = m.map.find_id(entity_id);
  uint32_t e = *index;
  EntityState st = *engine.entity_state(entity_id);
  ReplayContext ctx = m.context();
  const int64_t now = m.as_of;
  json doc;
  doc["entity"] = {{"id", st.id},
                   {"kind", entity_kind_name(st.kind)},
                   {"name", st.display_name},
                   {"account", st.account_id}};
  doc["as_of"] = format_iso8601_utc(now);
  doc["design_version"] = d.version();

  // Stage, with the CRM's own stage beside it.
  json stage = {{"id", st.stage}, {"substate", st.substate}, {"status", st.status}};
  if (!st.stage.empty()) {
    const design::Stage* s = d.design().find_stage(st.stage);
    stage["name"] = s->name;
    stage["name_ja"] = s->name_ja;
    stage["since"] = format_iso8601_utc(st.stage_since_ms);
    stage["days"] = st.days_in_stage;
    stage["business_days"] = st.business_days_in_stage;
    int64_t bench = benchmark_for(ctx, e, s->benchmark);
    if (bench > 0) stage["benchmark_days"] = bench / kDayMs;
  }
  doc["stage"] = stage;
  std::map<std::string, std::pair<std::string, int64_t>> crm;  // source -> (stage, at)
  json timeline = json::array();
  const EntityRt& r = m.rt[e];
  auto involved = [&](const PreparedEvent& pe) {
    if (pe.subject < 0) return false;
    if (static_cast<uint32_t>(pe.subject) == e) return true;
    for (uint32_t o : pe.related)
      if (o == e) return true;
    if (st.kind == EntityKind::kAccount)
      return std::find(r.members.begin(), r.members.end(), static_cast<uint32_t>(pe.subject)) !=
             r.members.end();
    return false;
  };
  std::vector<const PreparedEvent*> mine;
  for (uint32_t i : m.partitions[m.partition_of[e]].events)
    if (involved(m.prepared[i])) mine.push_back(&m.prepared[i]);
  for (const PreparedEvent* pe : mine) {
    json signals = json::array();
    for (uint16_t s : pe->signals) signals.push_back(d.design().signals[s].id);
    if (m.events.empty()) {  // replayed without keep_events: the compact form only
      const EventLite& lite = m.log.at(pe->event);
      const std::string_view source = m.log.name(lite.source);
      timeline.push_back(
          {{"at", format_iso8601_utc(pe->at)},
           {"source", source},
           {"type", m.log.name(lite.type)},
           {"record", std::string(source) + ":" + entity_kind_name(m.map.at(pe->subject).kind) +
                          ":" + std::string(lite.subject_id)},
           {"who", m.map.at(static_cast<uint32_t>(pe->subject)).id},
           {"signals", signals}});
      continue;
    }
    const Event& ev = m.events[pe->event];
    timeline.push_back({{"at", format_iso8601_utc(ev.occurred_at_ms)},
                        {"source", ev.source},
                        {"type", ev.type},
                        {"record", ev.subject.source + ":" + entity_kind_name(ev.subject.kind) +
                                       ":" + ev.subject.id},
                        {"source_record_id", ev.source_record_id},
                        {"who", m.map.at(static_cast<uint32_t>(pe->subject)).id},
                        {"signals", signals}});
    if (static_cast<uint32_t>(pe->subject) != e) continue;
    const char* key = st.kind == EntityKind::kDeal ? "stage" : "lifecycle_stage";
    const std::string* v = find_property(ev.properties, key);
    if (!v && ev.type == "lifecycle.changed") v = find_property(ev.properties, "stage");
    if (!v && ev.type == "record.property_changed") {
      const std::string* p = find_property(ev.properties, "property");
      if (p && *p == key) v = find_property(ev.properties, "value");
    }
    if (v && !v->empty()) crm[ev.source] = {*v, ev.occurred_at_ms};
  }
  json crm_stages = json::array();
  for (const auto& [source, value] : crm) {
    std::string ours = st.stage;
    std::string theirs = crm_alias(st.kind, value.first);
    bool agrees = theirs == ours;
    crm_stages.push_back({{"source", source},
                          {"stage", value.first},
                          {"as", theirs},
                          {"at", format_iso8601_utc(value.second)},
                          {"revarch", ours},
                          {"agrees", agrees}});
  }
  doc["crm_stages"] = crm_stages;
  doc["timeline"] = timeline;

  json transitions = json::array();
  for (const auto& t : st.transitions) {
    json reason = json::parse(t.reason_json, nullptr, false);
    transitions.push_back({{"at", format_iso8601_utc(t.at_ms)},
                           {"from", t.from_stage},
                           {"to", t.to_stage},
                           {"trigger", reason.value("trigger", "")},
                           {"criteria", reason.value("criteria", json::array())}});
  }
  doc["transitions"] = transitions;
  json alerts = json::array();
  for (const auto& a : st.alerts)
    alerts.push_back({{"at", format_iso8601_utc(a.at_ms)},
                      {"kind", a.kind},
                      {"severity", a.severity},
                      {"message", a.message}});
  doc["alerts"] = alerts;

  // Scores with their contributions.
  EntityActivation act(ctx, e, now);
  json fit_rules = json::array();
  for (const auto& rule : d.design().scoring.fit) {
    bool held = rule.when.compiled() && rule.when.program->eval_bool(act);
    fit_rules.push_back({{"when", rule.when.text}, {"points", rule.points}, {"held", held}});
  }
  std::map<std::string, double> by_signal;
  const std::vector<Hit>& hits =
      st.kind == EntityKind::kDeal && r.account >= 0 ? m.rt[r.account].hits : r.hits;
  for (const Hit& h : hits) {
    double f =
        d.half_life_ms() > 0
            ? std::exp2(-static_cast<double>(now - h.at) / static_cast<double>(d.half_life_ms()))
            : 1.0;
    by_signal[d.design().signals[h.signal].id] += d.signal_weight(h.signal) * f;
  }
  json engagement_parts = json::array();
  for (const auto& [sig, points] : by_signal)
    engagement_parts.push_back({{"signal", sig}, {"points", std::round(points * 100) / 100}});
  CommitteeSummary cs = committee(ctx, account_of(ctx, e), now);
  json health_parts = json::array();
  for (const auto& c : health_contributions(cs))
    health_parts.push_back({{"what", c.what}, {"points", std::round(c.points * 10) / 10}});
  doc["scores"] = {
      {"fit", {{"total", st.fit}, {"rules", fit_rules}}},
      {"engagement",
       {{"total", std::round(st.engagement * 100) / 100}, {"by_signal", engagement_parts}}},
      {"health", {{"total", std::round(st.health * 10) / 10}, {"parts", health_parts}}}};

  // The buying committee of the account.
  json members = json::array();
  if (int32_t a = account_of(ctx, e); a >= 0) {
    int title = d.prop_of("title"), dept = d.prop_of("department");
    for (uint32_t c : m.rt[a].members) {
      const EntityRt& cr = m.rt[c];
      const std::string* t = title < 0 ? nullptr : cr.prop(static_cast<PropId>(title));
      const std::string* dp = dept < 0 ? nullptr : cr.prop(static_cast<PropId>(dept));
      bool engaged = cr.last_activity >= 0 && cr.last_activity > now - kEngagedWindowMs;
      members.push_back(
          {{"id", m.map.at(c).id},
           {"name", m.map.at(c).display_name},
           {"title", t ? *t : ""},
           {"department", dp ? *dp : ""},
           {"seniority", seniority_text(cr.seniority)},
           {"role", role_text(cr.role)},
           {"engaged", engaged},
           {"last_signal", cr.last_activity >= 0 ? format_iso8601_utc(cr.last_activity) : ""}});
    }
    doc["committee"] = {{"account", m.map.at(static_cast<uint32_t>(a)).id},
                        {"size", cs.size},
                        {"engaged", cs.engaged},
                        {"engaged_functions", cs.engaged_functions},
                        {"decision_maker_engaged", cs.decision_maker_engaged},
                        {"members", members}};
  }

  // Who owns the next action, by when.
  json next = json::object();
  if (!st.stage.empty()) {
    const design::Stage* s = d.design().find_stage(st.stage);
    next["owner_team"] = s->owner;
    if (const design::Team* team = d.design().find_team(s->owner)) {
      next["owner_team_name"] = team->name;
      next["owner_team_name_ja"] = team->name_ja;
    }
    json handoffs = json::array();
    for (const auto& h : d.design().handoffs)
      if (h.from_stage == st.stage) handoffs.push_back(deadline_of(d, h, st.stage_since_ms));
    next["handoffs"] = handoffs;
  }
  doc["next_action"] = next;
  return doc;
}

}  // namespace revarch::lifecycle
