// SqliteStore: derived lifecycle state (stage transitions, alerts).
#include "store/sqlite_store.h"

namespace revarch {
namespace {

constexpr const char* kSelectTransition =
    "SELECT entity_id, at, from_stage, to_stage, reason, design_version FROM stage_transitions";
constexpr const char* kSelectAlert =
    "SELECT entity_id, at, kind, severity, message, details, design_version FROM alerts";

void decode_transition(const sqlite::Stmt& s, StageTransition& t) {
  t.entity_id = s.text_at(0);
  t.at_ms = s.int_at(1);
  t.from_stage = s.text_at(2);
  t.to_stage = s.text_at(3);
  t.reason_json = s.text_at(4);
  t.design_version = s.text_at(5);
}

void decode_alert(const sqlite::Stmt& s, Alert& a) {
  a.entity_id = s.text_at(0);
  a.at_ms = s.int_at(1);
  a.kind = s.text_at(2);
  a.severity = s.text_at(3);
  a.message = s.text_at(4);
  a.details_json = s.text_at(5);
  a.design_version = s.text_at(6);
}

}  // namespace

Status SqliteStore::replace_derived(const DerivedSnapshot& snap) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  sqlite::Transaction tx(*db_);
  REVARCH_RETURN_IF_ERROR(tx.begin());
  REVARCH_RETURN_IF_ERROR(db_->exec("DELETE FROM stage_transitions; DELETE FROM alerts;"));
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt * t,
      db_->cached("INSERT INTO stage_transitions (entity_id, at, from_stage, to_stage, reason, "
                  "design_version) VALUES (?, ?, ?, ?, ?, ?)"));
  for (const StageTransition& x : snap.transitions) {
    sqlite::StmtUse use(*t);
    t->bind_text(1, x.entity_id);
    t->bind(2, x.at_ms);
    t->bind_text(3, x.from_stage);
    t->bind_text(4, x.to_stage);
    t->bind_text(5, x.reason_json);
    t->bind_text(6, x.design_version.empty() ? snap.design_version : x.design_version);
    REVARCH_RETURN_IF_ERROR(db_->run(*t));
  }
  REVARCH_ASSIGN_OR_RETURN(
      sqlite::Stmt * a,
      db_->cached("INSERT INTO alerts (entity_id, at, kind, severity, message, details, "
                  "design_version) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  for (const Alert& x : snap.alerts) {
    sqlite::StmtUse use(*a);
    a->bind_text(1, x.entity_id);
    a->bind(2, x.at_ms);
    a->bind_text(3, x.kind);
    a->bind_text(4, x.severity);
    a->bind_text(5, x.message);
    a->bind_text(6, x.details_json);
    a->bind_text(7, x.design_version.empty() ? snap.design_version : x.design_version);
    REVARCH_RETURN_IF_ERROR(db_->run(*a));
  }
  return tx.commit();
}

Result<std::vector<StageTransition>> SqliteStore::scan_transitions(const std::string& entity_id) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * s, db_->cached(std::string(kSelectTransition) +
                                                         " WHERE entity_id = ? ORDER BY at, id"));
  sqlite::StmtUse use(*s);
  s->bind_text(1, entity_id);
  std::vector<StageTransition> out;
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
    if (!row) return out;
    decode_transition(*s, out.emplace_back());
  }
}

Status SqliteStore::scan_all_transitions(const std::function<bool(const StageTransition&)>& fn) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt s,
                           db_->prepare(std::string(kSelectTransition) + " ORDER BY at, id"));
  StageTransition t;
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(s));
    if (!row) return Status::ok();
    decode_transition(s, t);
    CallbackScope scope(in_callback_);
    if (!fn(t)) return Status::ok();
  }
}

Status SqliteStore::scan_alerts(const std::function<bool(const Alert&)>& fn) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt s,
                           db_->prepare(std::string(kSelectAlert) + " ORDER BY at, id"));
  Alert a;
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(s));
    if (!row) return Status::ok();
    decode_alert(s, a);
    CallbackScope scope(in_callback_);
    if (!fn(a)) return Status::ok();
  }
}

}  // namespace revarch
