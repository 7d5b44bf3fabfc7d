#pragma once
// The design model: the typed form of architecture.yaml (docs/design-reference.md documents
// every key). Built by the loader (design/loader.h), read by the checker (design/checker.h) and
// by the lifecycle engine. Plain values: a Design is copyable (compiled expressions are shared,
// immutable) and safe to read from several threads once loaded.
//
// Every element keeps the SourceLocation of its key in its own file, so findings point at the
// right line even when the element came from an included file.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/source_location.h"
#include "expr/expr.h"

namespace revarch::design {

/// An expression from the design (a criterion, a rule's `when`), compiled against the standard
/// schema (design/schema.h). `program` is null when the text did not compile; the compile
/// errors were reported by the loader.
struct Criterion {
  std::string text;
  SourceLocation where;         // the expression's first character in its file
  int continuation_column = 1;  // column where lines after the first start (block scalars)
  std::shared_ptr<const expr::Program> program;

  bool present() const { return !text.empty(); }
  bool compiled() const { return program != nullptr; }
  /// The file position of a position inside the expression text.
  SourceLocation at(const expr::Position& pos) const;
};

/// A month and day without a year ("12-29").
struct MonthDay {
  int month = 0;
  int day = 0;
};

struct Closure {
  std::string name;  // "year_end", "golden_week", "obon", ...
  MonthDay from;
  MonthDay to;  // inclusive; may wrap over the year end (12-29 .. 01-03)
  bool enabled = true;
  SourceLocation where;
};

struct Market {
  std::string country = "JP";
  std::string timezone = "Asia/Tokyo";
  std::string currency = "JPY";
  int fiscal_year_start = 4;    // month, 1..12
  std::string holidays = "jp";  // "jp" or "none"
  std::vector<Closure> closures;
  int business_start_minute = 9 * 60;  // minutes after midnight, local time
  int business_end_minute = 18 * 60;
  bool present = false;
  SourceLocation where;
};

enum class SourceType { kHubspot, kSalesforce, kSansan, kEight, kGa4 };
enum class ConflictPolicy { kPrecedence, kRecency };

struct Source {
  std::string name;
  SourceType type = SourceType::kHubspot;
  bool enabled = true;
  std::vector<std::pair<std::string, std::string>> field_mappings;  // source column -> property
  SourceLocation where;
};

/// How a conflict on one canonical property is resolved.
struct FieldConflict {
  std::string property;  // "account.employees"
  ConflictPolicy policy = ConflictPolicy::kPrecedence;
  std::vector<std::string> order;  // source names, most trusted first (kPrecedence)
  SourceLocation where;
};

struct Sources {
  std::vector<Source> tools;
  ConflictPolicy default_policy = ConflictPolicy::kRecency;
  std::vector<FieldConflict> conflicts;
  bool present = false;
  SourceLocation where;
};

enum class Seniority { kExecutive, kDirector, kManager, kLead, kStaff };
enum class BuyingRole { kDecisionMaker, kInfluencer, kEvaluator, kUser };

/// One line of the title map: a title containing any of `match` (after width/case
/// normalisation) has this seniority and role. The first matching line wins.
struct TitleRule {
  std::vector<std::string> match;
  Seniority seniority = Seniority::kStaff;
  BuyingRole role = BuyingRole::kUser;
  SourceLocation where;
};

struct Identity {
  std::vector<std::string> people_keys;  // in the order they are tried
  std::vector<std::string> company_keys;
  bool normalize_width = true;     // full-width / half-width folding
  bool strip_legal_suffix = true;  // 株式会社, (株), ㈱, K.K., Co., Ltd.
  bool use_kana_reading = true;    // match person names by reading when present
  std::vector<TitleRule> titles;
  bool present = false;
  SourceLocation where;
};

enum class Intent { kHigh, kMedium, kLow };

struct Signal {
  std::string id;
  std::string name;
  std::string name_ja;
  Intent intent = Intent::kLow;
  int priority = 100;  // 1 = most urgent
  Criterion when;      // over event.*
  std::string description;
  SourceLocation where;
};

struct FitRule {
  Criterion when;
  int points = 0;
  SourceLocation where;
};

struct Scoring {
  std::vector<FitRule> fit;
  std::optional<expr::Duration> half_life;
  std::map<std::string, int> intent_weights;                // "high" -> points
  std::vector<std::pair<std::string, int>> signal_weights;  // signal id -> points
  std::vector<SourceLocation> signal_weight_where;          // parallel to signal_weights
  bool present = false;
  SourceLocation where;
};

enum class ObjectKind { kContact, kAccount, kDeal };
enum class Side { kAcquisition, kRetention };

/// Time benchmark for a stage or sub-state, optionally per segment (account.segment).
struct Benchmark {
  std::optional<expr::Duration> default_limit;
  std::vector<std::pair<std::string, expr::Duration>> segments;
  bool present() const { return default_limit.has_value() || !segments.empty(); }
};

struct Substate {
  std::string id;
  std::string name;
  std::string name_ja;
  Criterion entry;
  Benchmark benchmark;
  double stuck_factor = 1.5;
  SourceLocation where;
};

struct Stage {
  std::string id;
  std::string name;
  std::string name_ja;
  ObjectKind object = ObjectKind::kContact;
  Side side = Side::kAcquisition;
  std::string owner;  // team id
  Criterion entry;
  Criterion exit;
  std::vector<std::pair<std::string, SourceLocation>> next;  // allowed transitions
  bool terminal = false;
  bool milestone = false;
  Benchmark benchmark;
  double stuck_factor = 1.5;
  std::vector<Substate> substates;
  std::string description;
  SourceLocation where;
};

struct Definition {
  std::string name;  // "mql.japan"
  Criterion expr;
  std::string description;
  std::string owner;  // team id
  SourceLocation where;
};

enum class RouteAction {
  kAssignOwner,
  kRoundRobin,
  kTerritory,
  kQueueNextBusinessDay,
  kLogOnly,
  kAlertCsm
};
enum class SlaClock { kBusinessHours, kBusinessDays, kCalendar };

struct RoutingRule {
  std::string id;
  int priority = 100;  // rules are tried by ascending priority, then file order
  Criterion when;      // absent: always
  RouteAction action = RouteAction::kLogOnly;
  std::string owner;  // a team member, or "account_owner" / "contact_owner"
  std::string team;   // team id
  std::vector<std::pair<std::string, std::string>> territories;  // region -> team id
  std::string territory_field;  // the field holding the region (e.g. account.prefecture)
  std::optional<expr::Duration> sla;
  SlaClock sla_clock = SlaClock::kBusinessHours;
  SourceLocation where;
  SourceLocation owner_where, team_where;
};

enum class RejectPath { kRecycle, kNurture, kReturn };

struct Handoff {
  std::string id;
  std::string from_stage, to_stage;
  std::string from_team, to_team;
  std::optional<expr::Duration> sla;  // acceptance SLA
  SlaClock sla_clock = SlaClock::kBusinessHours;
  RejectPath on_reject = RejectPath::kRecycle;
  SourceLocation where;
  SourceLocation from_where, to_where, from_team_where, to_team_where;
};

struct Team {
  std::string id;
  std::string name;
  std::string name_ja;
  std::vector<std::string> members;
  SourceLocation where;
};

/// One line of the ownership map.
struct Ownership {
  std::string element;  // "stages.mql", "definitions.mql.japan", "routing.enterprise_owner"
  std::string owner;    // a team member
  std::string team;     // team id
  std::optional<expr::Duration> review_every;
  std::optional<expr::Timestamp> last_reviewed;
  SourceLocation where;
  SourceLocation element_where, owner_where, team_where;
};

struct Decision {
  std::string id;
  std::string question;
  std::string question_ja;
  std::vector<std::pair<std::string, SourceLocation>> metrics;
  std::string owner;  // team id (optional)
  SourceLocation where;
};

/// A whole design, possibly assembled from several files (`include:`).
struct Design {
  int version = 1;
  std::string name;
  std::vector<std::string> files;  // every file read, the main file first
  /// Some file was not valid YAML: the design is partial and the checker skips it.
  bool parse_failed = false;
  Market market;
  Sources sources;
  Identity identity;
  std::vector<Signal> signals;
  Scoring scoring;
  std::vector<Stage> stages;
  std::vector<Definition> definitions;
  std::vector<RoutingRule> routing;
  std::vector<Handoff> handoffs;
  std::vector<Team> teams;
  std::vector<Ownership> ownership;
  std::vector<Decision> decisions;

  const Stage* find_stage(std::string_view id) const;
  const Signal* find_signal(std::string_view id) const;
  const Definition* find_definition(std::string_view def_name) const;
  const Team* find_team(std::string_view id) const;
  /// True when `person` is a member of some team.
  bool is_member(std::string_view person) const;
};

// Names of enum values as written in the design file.
const char* source_type_name(SourceType t);
const char* seniority_name(Seniority s);
const char* buying_role_name(BuyingRole r);
const char* intent_name(Intent i);
const char* object_kind_name(ObjectKind o);
const char* side_name(Side s);
const char* route_action_name(RouteAction a);
const char* sla_clock_name(SlaClock c);
const char* reject_path_name(RejectPath r);
const char* conflict_policy_name(ConflictPolicy p);

}  // namespace revarch::design
