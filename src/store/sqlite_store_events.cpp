// SqliteStore: the event log (append, scan, count, lookup by subject).
#include <algorithm>

#include "store/event_codec.h"
#include "store/sqlite_store.h"

namespace revarch {
namespace {

constexpr const char* kInsertEvent =
    "INSERT INTO events (idempotency_key, occurred_at, source, source_record_id, original_tz, "
    "type, subject_source, subject_kind, subject_id, subject_key, related, properties, "
    "origin_file_id, origin_row, ingested_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (idempotency_key) DO NOTHING";

// Fast bulk mode: the UNIQUE index is dropped and KeySet has already ruled out a duplicate.
constexpr std::string_view kInsertEventBulk =
    std::string_view(kInsertEvent).substr(0, std::string_view(kInsertEvent).find(" ON CONFLICT"));

constexpr const char* kSelectEvent =
    "SELECT seq, idempotency_key, occurred_at, source, source_record_id, original_tz, type, "
    "subject_source, subject_kind, subject_id, related, properties, origin_file_id, origin_row, "
    "ingested_at FROM events";

// FNV-1a 64 over (source, 0, kind, 0, id): the stored subject_key. Part of the file format --
// never change it. Collisions only cost a row that the exact column check then drops.
int64_t subject_key(const SourceRef& r) {
  uint64_t h = 0xcbf29ce484222325ull;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 0x100000001b3ull;
    }
  };
  mix(r.source);
  mix(std::string_view("\0", 1));
  mix(entity_kind_name(r.kind));
  mix(std::string_view("\0", 1));
  mix(r.id);
  return static_cast<int64_t>(h);
}

// Keys in make_idempotency_key's form (32 lower-case hex digits) are stored as their 16 bytes:
// half the size in the table and in the UNIQUE index. Other keys are stored as text; SQLite
// never equates a BLOB with a TEXT, so the two forms cannot collide.
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool pack_key(std::string_view key, char (&out)[16]) {
  if (key.size() != 32) return false;
  for (size_t i = 0; i < 16; ++i) {
    int hi = hex_digit(key[2 * i]), lo = hex_digit(key[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<char>(hi << 4 | lo);
  }
  return true;
}

void unpack_key(std::string_view bytes, std::string& out) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out.resize(bytes.size() * 2);
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto b = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = kDigits[b >> 4];
    out[2 * i + 1] = kDigits[b & 0xf];
  }
}

Status invalid_event(const Event& e, size_t index, const char* what) {
  SourceLocation where;
  where.file = e.origin_file;
  where.row = e.origin_row;
  return Status(ErrorCode::kInvalidArgument,
                "event " + std::to_string(index) + " of the batch has no " + what, where);
}

Status validate(std::span<const Event> events) {
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    if (e.idempotency_key.empty()) return invalid_event(e, i, "idempotency_key");
    if (e.source.empty()) return invalid_event(e, i, "source");
    if (e.type.empty()) return invalid_event(e, i, "type");
  }
  return Status::ok();
}

/// Appends " AND column IN (?, ?, ...)" for a non-empty list.
void add_in_list(std::string& sql, const char* column, size_t n) {
  if (n == 0) return;
  sql += " AND ";
  sql += column;
  sql += " IN (";
  for (size_t i = 0; i < n; ++i) sql += i ? ", ?" : "?";
  sql += ")";
}

std::string where_clause(const EventFilter& f) {
  std::string sql = " WHERE seq > ?";
  add_in_list(sql, "source", f.sources.size());
  add_in_list(sql, "type", f.types.size());
  if (f.subject) {
    sql += " AND subject_key = ? AND subject_source = ? AND subject_kind = ? AND subject_id = ?";
  }
  if (f.from_ms) sql += " AND occurred_at >= ?";
  if (f.until_ms) sql += " AND occurred_at < ?";
  return sql;
}

void bind_filter(sqlite::Stmt& s, const EventFilter& f) {
  int i = 1;
  s.bind(i++, f.after_seq);
  for (const auto& v : f.sources) s.bind_text(i++, v);
  for (const auto& v : f.types) s.bind_text(i++, v);
  if (f.subject) {
    s.bind(i++, subject_key(*f.subject));
    s.bind_text(i++, f.subject->source);
    s.bind(i++, static_cast<int64_t>(f.subject->kind));
    s.bind_text(i++, f.subject->id);
  }
  if (f.from_ms) s.bind(i++, *f.from_ms);
  if (f.until_ms) s.bind(i++, *f.until_ms);
}

/// Fills `e` from the current row of a kSelectEvent statement, reusing its storage.
bool decode_row(const sqlite::Stmt& s, const std::vector<std::string>& files, Event& e) {
  e.seq = s.int_at(0);
  if (s.is_blob(1)) {
    unpack_key(s.blob_at(1), e.idempotency_key);
  } else {
    e.idempotency_key = s.text_at(1);
  }
  e.occurred_at_ms = s.int_at(2);
  e.source = s.text_at(3);
  e.source_record_id = s.text_at(4);
  e.original_tz = s.text_at(5);
  e.type = s.text_at(6);
  e.subject.source = s.text_at(7);
  int64_t kind = s.int_at(8);
  if (kind < 0 || kind > static_cast<int64_t>(EntityKind::kVisitor)) return false;
  e.subject.kind = static_cast<EntityKind>(kind);
  e.subject.id = s.text_at(9);
  if (!codec::decode_refs(s.blob_at(10), e.related)) return false;
  if (!codec::decode_properties(s.blob_at(11), e.properties)) return false;
  auto file_id = static_cast<size_t>(s.int_at(12));
  if (file_id >= files.size()) return false;
  e.origin_file = files[file_id];
  e.origin_row = s.int_at(13);
  e.ingested_at_ms = s.int_at(14);
  return true;
}

}  // namespace

Status SqliteStore::insert_event(sqlite::Stmt& stmt, const Event& e, int64_t now, bool* inserted) {
  char packed[16];
  bool is_packed = pack_key(e.idempotency_key, packed);
  std::string_view packed_view(packed, sizeof packed);
  if (bulk_keys_valid_ && !(is_packed ? bulk_keys_.insert_packed(packed_view)
                                      : bulk_keys_.insert_text(e.idempotency_key))) {
    *inserted = false;
    return Status::ok();
  }
  REVARCH_ASSIGN_OR_RETURN(int64_t file_id, intern_origin_file(e.origin_file));
  related_buf_.clear();
  props_buf_.clear();
  codec::encode_refs(e.related, related_buf_);
  codec::encode_properties(e.properties, props_buf_);
  sqlite::StmtUse use(stmt);
  if (is_packed) {
    stmt.bind_blob(1, packed_view);
  } else {
    stmt.bind_text(1, e.idempotency_key);
  }
  stmt.bind(2, e.occurred_at_ms);
  stmt.bind_text(3, e.source);
  stmt.bind_text(4, e.source_record_id);
  stmt.bind_text(5, e.original_tz);
  stmt.bind_text(6, e.type);
  stmt.bind_text(7, e.subject.source);
  stmt.bind(8, static_cast<int64_t>(e.subject.kind));
  stmt.bind_text(9, e.subject.id);
  stmt.bind(10, subject_key(e.subject));
  stmt.bind_blob(11, related_buf_);
  stmt.bind_blob(12, props_buf_);
  stmt.bind(13, file_id);
  stmt.bind(14, e.origin_row);
  stmt.bind(15, now);
  REVARCH_RETURN_IF_ERROR(db_->run(stmt));
  *inserted = db_->changes() == 1;
  return Status::ok();
}

Status SqliteStore::append(std::span<const Event> events, AppendStats* stats) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_RETURN_IF_ERROR(validate(events));
  AppendStats local;
  if (stats != nullptr) local.record_seqs = stats->record_seqs;
  int64_t now = now_ms();
  Status st = [&]() -> Status {
    sqlite::Transaction tx(*db_);
    REVARCH_RETURN_IF_ERROR(tx.begin());
    REVARCH_RETURN_IF_ERROR(choose_dedup());
    REVARCH_ASSIGN_OR_RETURN(
        sqlite::Stmt * stmt,
        db_->cached(bulk_keys_valid_ ? std::string(kInsertEventBulk) : std::string(kInsertEvent)));
    for (const Event& e : events) {
      bool inserted = false;
      REVARCH_RETURN_IF_ERROR(insert_event(*stmt, e, now, &inserted));
      ++(inserted ? local.appended : local.duplicates);
      if (local.record_seqs) local.seqs.push_back(inserted ? db_->last_insert_rowid() : 0);
    }
    return tx.commit();
  }();
  if (!st.is_ok()) {
    origin_file_ids_.clear();  // ids interned in the rolled-back transaction are gone
    // The set may hold keys of the rolled-back events: fall back to the UNIQUE index.
    bulk_keys_valid_ = false;
    bulk_keys_.clear();
    return st;
  }
  if (stats != nullptr) *stats = std::move(local);
  return Status::ok();
}

Status SqliteStore::scan_events_locked(const EventFilter& filter,
                                       const std::function<bool(const Event&)>& fn) {
  REVARCH_RETURN_IF_ERROR(end_bulk_load_locked());
  REVARCH_ASSIGN_OR_RETURN(std::vector<std::string> files, load_origin_files());
  std::string sql = std::string(kSelectEvent) + where_clause(filter) +
                    (filter.seq_order ? " ORDER BY seq" : " ORDER BY occurred_at, seq");
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt s, db_->prepare(sql));
  bind_filter(s, filter);
  Event e;
  while (true) {
    REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(s));
    if (!row) return Status::ok();
    if (!decode_row(s, files, e)) {
      SourceLocation where;
      where.file = db_->path();
      return Status(ErrorCode::kCorrupt, "undecodable event seq " + std::to_string(s.int_at(0)),
                    where);
    }
    CallbackScope scope(in_callback_);
    if (!fn(e)) return Status::ok();
  }
}

Status SqliteStore::scan_events(const EventFilter& filter,
                                const std::function<bool(const Event&)>& fn) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  return scan_events_locked(filter, fn);
}

Result<int64_t> SqliteStore::count_events(const EventFilter& filter) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_RETURN_IF_ERROR(end_bulk_load_locked());
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt s,
                           db_->prepare("SELECT count(*) FROM events" + where_clause(filter)));
  bind_filter(s, filter);
  REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(s));
  return row ? s.int_at(0) : int64_t{0};
}

Result<std::vector<Event>> SqliteStore::events_for_subjects(std::span<const SourceRef> refs) {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  std::vector<Event> out;
  // One scan per distinct ref keeps each lookup on the subject index; then merge by order.
  for (size_t i = 0; i < refs.size(); ++i) {
    if (std::find(refs.begin(), refs.begin() + static_cast<ptrdiff_t>(i), refs[i]) !=
        refs.begin() + static_cast<ptrdiff_t>(i)) {
      continue;
    }
    EventFilter f;
    f.subject = refs[i];
    REVARCH_RETURN_IF_ERROR(scan_events_locked(f, [&out](const Event& e) {
      out.push_back(e);
      return true;
    }));
  }
  std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) {
    return a.occurred_at_ms != b.occurred_at_ms ? a.occurred_at_ms < b.occurred_at_ms
                                                : a.seq < b.seq;
  });
  return out;
}

Result<int64_t> SqliteStore::last_seq() {
  Lock lock;
  REVARCH_RETURN_IF_ERROR(enter(lock));
  REVARCH_ASSIGN_OR_RETURN(sqlite::Stmt * s,
                           db_->cached("SELECT coalesce(max(seq), 0) FROM events"));
  sqlite::StmtUse use(*s);
  REVARCH_ASSIGN_OR_RETURN(bool row, db_->step(*s));
  return row ? s->int_at(0) : int64_t{0};
}

}  // namespace revarch
