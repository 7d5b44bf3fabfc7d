#include "lifecycle/compiled_design.h"

#include <algorithm>
#include <cassert>
#include <fstream>
#include <sstream>

#include "design/schema.h"
#include "store/hash.h"
#include "text/japanese.h"

namespace revarch::lifecycle {
namespace {

using expr::TypeKind;

struct FieldRow {
  const char* path;
  FieldSource source;
  const char* prop;  // canonical property key, or nullptr for computed
  Computed computed;
};

constexpr FieldRow kRows[] = {
    {"contact.email", FieldSource::kContact, "email", Computed::kNone},
    {"contact.title", FieldSource::kContact, "title", Computed::kNone},
    {"contact.department", FieldSource::kContact, "department", Computed::kNone},
    {"contact.country", FieldSource::kContact, "country", Computed::kNone},
    {"contact.seniority", FieldSource::kComputed, nullptr, Computed::kSeniority},
    {"contact.role", FieldSource::kComputed, nullptr, Computed::kRole},
    {"contact.lifecycle_stage", FieldSource::kContact, "lifecycle_stage", Computed::kNone},
    {"contact.lead_status", FieldSource::kContact, "lead_status", Computed::kNone},
    {"contact.created_at", FieldSource::kContact, "created_at", Computed::kNone},
    {"contact.original_source", FieldSource::kContact, "original_source", Computed::kNone},
    {"contact.owner", FieldSource::kContact, "owner_id", Computed::kNone},
    {"contact.opted_out", FieldSource::kContact, "opted_out", Computed::kNone},
    {"account.name", FieldSource::kAccount, "company_name", Computed::kNone},
    {"account.domain", FieldSource::kAccount, "domain", Computed::kNone},
    {"account.corporate_number", FieldSource::kAccount, "corporate_number", Computed::kNone},
    {"account.employees", FieldSource::kAccount, "employees", Computed::kNone},
    {"account.annual_revenue", FieldSource::kAccount, "annual_revenue", Computed::kNone},
    {"account.industry", FieldSource::kAccount, "industry", Computed::kNone},
    {"account.country", FieldSource::kAccount, "country", Computed::kNone},
    {"account.prefecture", FieldSource::kAccount, "prefecture", Computed::kNone},
    {"account.segment", FieldSource::kAccount, "segment", Computed::kNone},
    {"account.owner", FieldSource::kAccount, "owner_id", Computed::kNone},
    {"account.is_customer", FieldSource::kComputed, nullptr, Computed::kIsCustomer},
    {"deal.amount", FieldSource::kDeal, "amount", Computed::kNone},
    {"deal.stage", FieldSource::kDeal, "stage", Computed::kNone},
    {"deal.probability", FieldSource::kDeal, "probability", Computed::kNone},
    {"deal.close_date", FieldSource::kDeal, "close_date", Computed::kNone},
    {"deal.created_at", FieldSource::kDeal, "created_at", Computed::kNone},
    {"deal.is_closed", FieldSource::kDeal, "is_closed", Computed::kNone},
    {"deal.is_won", FieldSource::kDeal, "is_won", Computed::kNone},
    {"deal.type", FieldSource::kDeal, "deal_type", Computed::kNone},
    {"deal.pipeline", FieldSource::kDeal, "pipeline", Computed::kNone},
    {"deal.requirements_shared", FieldSource::kDeal, "requirements_shared", Computed::kNone},
    {"deal.budget_status", FieldSource::kDeal, "budget_status", Computed::kNone},
    {"score.fit", FieldSource::kComputed, nullptr, Computed::kFit},
    {"score.engagement", FieldSource::kComputed, nullptr, Computed::kEngagement},
    {"score.health", FieldSource::kComputed, nullptr, Computed::kHealth},
    {"committee.size", FieldSource::kComputed, nullptr, Computed::kCommitteeSize},
    {"committee.engaged", FieldSource::kComputed, nullptr, Computed::kCommitteeEngaged},
    {"committee.engaged_functions", FieldSource::kComputed, nullptr, Computed::kCommitteeFunctions},
    {"committee.decision_maker_engaged", FieldSource::kComputed, nullptr,
     Computed::kDecisionMakerEngaged},
    {"committee.executive_engaged", FieldSource::kComputed, nullptr, Computed::kExecutiveEngaged},
    {"event.type", FieldSource::kComputed, nullptr, Computed::kEventType},
    {"event.source", FieldSource::kComputed, nullptr, Computed::kEventSource},
    {"event.channel", FieldSource::kEvent, "channel", Computed::kNone},
    {"event.campaign", FieldSource::kEvent, "campaign", Computed::kNone},
    {"event.form", FieldSource::kEvent, "form", Computed::kNone},
    {"event.page_location", FieldSource::kEvent, "page_location", Computed::kNone},
    {"event.event_name", FieldSource::kEvent, "event_name", Computed::kNone},
    {"event.subject", FieldSource::kEvent, "subject", Computed::kNone},
    {"event.stage", FieldSource::kEvent, "stage", Computed::kNone},
    {"event.occurred_at", FieldSource::kComputed, nullptr, Computed::kEventOccurredAt},
};

struct FnRow {
  const char* name;
  Fn fn;
};
constexpr FnRow kFns[] = {
    {"signals.count", Fn::kSignalsCount},
    {"signals.count_intent", Fn::kSignalsCountIntent},
    {"signals.last", Fn::kSignalsLast},
    {"days_in_stage", Fn::kDaysInStage},
    {"business_days_in_stage", Fn::kBusinessDaysInStage},
    {"days_since", Fn::kDaysSince},
    {"business_days_since", Fn::kBusinessDaysSince},
    {"def", Fn::kDef},
    {"stage.is", Fn::kStageIs},
    {"in_substate", Fn::kInSubstate},
};

int kind_slot(EntityKind k) {
  switch (k) {
    case EntityKind::kContact: return 0;
    case EntityKind::kAccount: return 1;
    case EntityKind::kDeal: return 2;
    default: return -1;
  }
}

EntityKind kind_of(design::ObjectKind o) {
  switch (o) {
    case design::ObjectKind::kContact: return EntityKind::kContact;
    case design::ObjectKind::kAccount: return EntityKind::kAccount;
    case design::ObjectKind::kDeal: return EntityKind::kDeal;
  }
  return EntityKind::kContact;
}

// Integer and duration literals of an expression: the thresholds time can cross.
void collect_literals(const expr::Node& n, std::vector<int64_t>* out) {
  if (n.kind == expr::NodeKind::kLiteral) {
    if (n.literal.kind() == TypeKind::kDuration) {
      out->push_back(n.literal.as_duration().ms);
    } else if (n.literal.kind() == TypeKind::kInt) {
      int64_t v = n.literal.as_int();
      if (v >= 0 && v <= 3650) {  // as days: "days_in_stage() > 90" flips after 91 days
        out->push_back(v * kDayMs);
        out->push_back((v + 1) * kDayMs);
      }
    }
  }
  for (const auto& c : n.children) collect_literals(*c, out);
}

void add_benchmark(const design::Benchmark& b, double factor, std::vector<int64_t>* out) {
  auto add = [&](int64_t ms) {
    out->push_back(ms + 1);
    out->push_back(static_cast<int64_t>(static_cast<double>(ms) * factor) + 1);
  };
  if (b.default_limit) add(b.default_limit->ms);
  for (const auto& [seg, d] : b.segments) add(d.ms);
}

void sort_unique(std::vector<int64_t>* v) {
  std::erase_if(*v, [](int64_t x) { return x <= 0; });
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

std::string title_key(std::string_view s) {
  std::string t = text::normalize_text(s);
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t;
}

}  // namespace

CompiledDesign::CompiledDesign(std::shared_ptr<const design::Design> design, std::string version)
    : design_(std::move(design)),
      version_(std::move(version)),
      calendar_(calendar_of(design_->market)) {
  bind_fields();
  // Signals and scoring.
  const auto& sc = design_->scoring;
  half_life_ms_ = sc.half_life ? sc.half_life->ms : 0;
  for (const auto& s : design_->signals) {
    double w = s.intent == design::Intent::kHigh     ? 30
               : s.intent == design::Intent::kMedium ? 10
                                                     : 3;
    if (auto it = sc.intent_weights.find(design::intent_name(s.intent));
        it != sc.intent_weights.end())
      w = it->second;
    for (const auto& [id, points] : sc.signal_weights)
      if (id == s.id) w = points;
    weights_.push_back(w);
  }
  for (const auto& rule : design_->identity.titles) {
    std::vector<std::string> keys;
    for (const auto& m : rule.match) keys.push_back(title_key(m));
    title_keys_.push_back(std::move(keys));
  }
  for (size_t i = 0; i < design_->signals.size(); ++i)
    signal_ids_.emplace(design_->signals[i].id, static_cast<int>(i));  // the first of a name
  for (size_t i = 0; i < design_->definitions.size(); ++i)
    definition_ids_.emplace(design_->definitions[i].name, static_cast<int>(i));
  for (const auto& d : design_->definitions) {
    auto v = offsets_of(d.expr);
    definition_offsets_.insert(definition_offsets_.end(), v.begin(), v.end());
  }
  plan_stages();
}

void CompiledDesign::bind_fields() {
  const expr::Schema& schema = design::standard_schema();
  bindings_.resize(schema.fields().size());
  for (const auto& f : schema.fields()) {
    FieldBinding b;
    b.type = f.type.kind;
    for (const auto& row : kRows) {
      if (f.path != row.path) continue;
      b.source = row.source;
      b.computed = row.computed;
      if (row.prop) {
        auto [it, added] = prop_ids_.emplace(row.prop, static_cast<PropId>(prop_keys_.size()));
        if (added) prop_keys_.emplace_back(row.prop);
        b.prop = it->second;
        entity_prop_.resize(prop_keys_.size(), false);
        if (row.source != FieldSource::kEvent) {
          entity_prop_[b.prop] = true;
          entity_fields_.emplace(row.path, b);
        }
      }
    }
    bindings_[f.slot] = b;
  }
  functions_.assign(schema.functions().size(), Fn::kUnknown);
  for (const auto& f : schema.functions())
    for (const auto& row : kFns)
      if (f.name == row.name) functions_[f.slot] = row.fn;
}

std::vector<int64_t> CompiledDesign::offsets_of(const design::Criterion& c) const {
  std::vector<int64_t> out;
  if (!c.compiled()) return out;
  collect_literals(c.program->ast(), &out);
  if (c.text.find("def(") != std::string::npos)
    out.insert(out.end(), definition_offsets_.begin(), definition_offsets_.end());
  if (c.text.find("committee.") != std::string::npos) out.push_back(kEngagedWindowMs + 1);
  return out;
}

void CompiledDesign::plan_stages() {
  for (const auto& s : design_->stages) {
    int k = kind_slot(kind_of(s.object));
    StagePlan p;
    p.stage = &s;
    plans_[k].push_back(std::move(p));
  }
  for (auto& plans : plans_) {
    for (size_t i = 0; i < plans.size(); ++i) {
      StagePlan& p = plans[i];
      const design::Stage& s = *p.stage;
      for (const auto& [id, where] : s.next) {
        for (size_t j = 0; j < plans.size(); ++j)
          if (plans[j].stage->id == id) p.next.push_back(static_cast<int>(j));
      }
      if (s.next.empty() && !s.terminal && i + 1 < plans.size())
        p.next.push_back(static_cast<int>(i + 1));
      std::vector<int64_t> w = offsets_of(s.exit);
      for (int j : p.next) {
        auto v = offsets_of(plans[j].stage->entry);
        w.insert(w.end(), v.begin(), v.end());
      }
      add_benchmark(s.benchmark, s.stuck_factor, &w);
      for (const auto& sub : s.substates) {
        auto v = offsets_of(sub.entry);
        w.insert(w.end(), v.begin(), v.end());
        add_benchmark(sub.benchmark, sub.stuck_factor, &w);
      }
      sort_unique(&w);
      p.wake_offsets = std::move(w);
    }
    for (auto& p : plans) p.root = true;
    for (const auto& p : plans)
      for (int j : p.next) plans[j].root = false;
    bool any_root = false;
    for (const auto& p : plans) any_root = any_root || p.root;
    if (!any_root && !plans.empty()) plans.front().root = true;
  }
}

const FieldBinding* CompiledDesign::entity_field(std::string_view path) const {
  auto it = entity_fields_.find(std::string(path));
  return it == entity_fields_.end() ? nullptr : &it->second;
}

int CompiledDesign::prop_of(std::string_view key) const {
  auto it = prop_ids_.find(std::string(key));
  return it == prop_ids_.end() ? -1 : it->second;
}

const std::vector<StagePlan>& CompiledDesign::plans(EntityKind kind) const {
  static const std::vector<StagePlan> kEmpty;
  int k = kind_slot(kind);
  return k < 0 ? kEmpty : plans_[k];
}

int CompiledDesign::stage_index(EntityKind kind, std::string_view id) const {
  const auto& p = plans(kind);
  for (size_t i = 0; i < p.size(); ++i)
    if (p[i].stage->id == id) return static_cast<int>(i);
  return -1;
}

std::optional<EntityKind> CompiledDesign::stage_kind(std::string_view id) const {
  for (EntityKind k : {EntityKind::kContact, EntityKind::kAccount, EntityKind::kDeal})
    if (stage_index(k, id) >= 0) return k;
  return std::nullopt;
}

namespace {

// Criteria name signals and definitions by string literals, looked up on every evaluation. A
// small per-thread cache keyed by the literal's address answers most lookups without hashing;
// a hit is confirmed against the name itself, so a reused address never gives a wrong index.
template <typename Names>
int cached_index(const void* owner, std::string_view name,
                 const std::unordered_map<std::string_view, int>& ids, const Names& names) {
  struct Slot {
    const void* owner = nullptr;
    const char* data = nullptr;
    int index = -1;
  };
  thread_local Slot cache[128];
  Slot& slot = cache[(reinterpret_cast<uintptr_t>(name.data()) >> 3) & 127];
  if (slot.owner == owner && slot.data == name.data() && slot.index >= 0 &&
      static_cast<size_t>(slot.index) < names.size() && names[slot.index] == name)
    return slot.index;
  auto it = ids.find(name);
  int index = it == ids.end() ? -1 : it->second;
  if (index >= 0) slot = Slot{owner, name.data(), index};
  return index;
}

struct SignalNames {
  const std::vector<design::Signal>& v;
  size_t size() const { return v.size(); }
  std::string_view operator[](size_t i) const { return v[i].id; }
};
struct DefinitionNames {
  const std::vector<design::Definition>& v;
  size_t size() const { return v.size(); }
  std::string_view operator[](size_t i) const { return v[i].name; }
};

}  // namespace

int CompiledDesign::signal_index(std::string_view id) const {
  return cached_index(this, id, signal_ids_, SignalNames{design_->signals});
}

int CompiledDesign::intent_index(std::string_view intent) const {
  if (intent == "high") return 0;
  if (intent == "medium") return 1;
  if (intent == "low") return 2;
  return -1;
}

int CompiledDesign::signal_intent(int signal) const {
  return static_cast<int>(design_->signals[signal].intent);
}

int CompiledDesign::definition_index(std::string_view name) const {
  return cached_index(this, name, definition_ids_, DefinitionNames{design_->definitions});
}

std::pair<int, int> CompiledDesign::classify_title(std::string_view title) const {
  if (title.empty()) return {-1, -1};
  std::string key = title_key(title);
  const auto& rules = design_->identity.titles;
  for (size_t i = 0; i < rules.size(); ++i)
    for (const auto& m : title_keys_[i])
      if (!m.empty() && key.find(m) != std::string::npos)
        return {static_cast<int>(rules[i].seniority), static_cast<int>(rules[i].role)};
  return {-1, -1};
}

Result<std::string> design_version_of(const design::Design& design) {
  ContentHasher h;
  for (const auto& f : design.files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) return Status(ErrorCode::kIo, "cannot read design file " + f);
    std::ostringstream ss;
    ss << in.rdbuf();
    h.update_part(ss.str());
  }
  return h.hex128();
}

calendar::BusinessCalendar calendar_of(const design::Market& m) {
  calendar::BusinessCalendarConfig c;
  c.japanese_holidays = m.holidays == "jp";
  if (m.present) {
    c.closures.clear();
    for (const auto& cl : m.closures) {
      if (!cl.enabled) continue;
      c.closures.push_back(
          {{static_cast<unsigned>(cl.from.month), static_cast<unsigned>(cl.from.day)},
           {static_cast<unsigned>(cl.to.month), static_cast<unsigned>(cl.to.day)},
           cl.name});
    }
  }
  c.business_start_minute = m.business_start_minute;
  c.business_end_minute = m.business_end_minute;
  c.utc_offset_minutes = m.timezone == "Asia/Tokyo" ? 9 * 60 : 0;
  return calendar::BusinessCalendar(c);
}

}  // namespace revarch::lifecycle
