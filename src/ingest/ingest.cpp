#include "ingest/ingest.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <system_error>

#include "connectors/connectors.h"
#include "identity/chunk_prefetch.h"
#include "identity/resolver.h"

namespace revarch::ingest {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr size_t kQuarantineSample = 5;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

bool dropped(const QuarantinedRow& row) {
  const std::string kKept = "(kept)";
  return row.reason.size() < kKept.size() ||
         row.reason.compare(row.reason.size() - kKept.size(), kKept.size(), kKept) != 0;
}

/// Batches a connector's output into store transactions and counts what happened.
class StoreSink : public connectors::EventSink {
 public:
  StoreSink(Store& store, size_t batch_size, Progress progress,
            const std::function<void(const Progress&)>& on_progress)
      : store_(store),
        batch_size_(batch_size),
        progress_(std::move(progress)),
        on_progress_(on_progress) {
    events_.reserve(batch_size_);
  }

  void on_event(Event&& event) override {
    ++counts_.read;
    events_.push_back(std::move(event));
    if (events_.size() >= batch_size_) flush();
  }

  void on_quarantine(QuarantinedRow&& row) override {
    if (dropped(row)) {
      ++counts_.quarantined;
      ++counts_.read;
    }
    if (sample_.size() < kQuarantineSample) sample_.push_back(row);
    rows_.push_back(std::move(row));
    if (rows_.size() >= 1000) flush();
  }

  /// Writes what is buffered; the first store error is kept and later writes are skipped.
  void flush() {
    auto start = Clock::now();
    if (status_.is_ok() && !rows_.empty()) status_ = store_.quarantine(rows_);
    rows_.clear();
    if (status_.is_ok() && !events_.empty()) {
      AppendStats stats;
      status_ = store_.append(events_, &stats);
      counts_.accepted += stats.appended;
      counts_.duplicates += stats.duplicates;
    }
    events_.clear();
    store_seconds_ += seconds_since(start);
    report();
  }

  const IngestCounts& counts() const { return counts_; }
  /// Seconds spent inside the store's append and quarantine calls.
  double store_seconds() const { return store_seconds_; }
  const Status& status() const { return status_; }
  std::vector<QuarantinedRow> take_sample() { return std::move(sample_); }

 private:
  void report() {
    if (!on_progress_) return;
    auto now = Clock::now();
    if (now - last_report_ < std::chrono::milliseconds(100)) return;
    last_report_ = now;
    progress_.records = counts_.read;
    on_progress_(progress_);
  }

  Store& store_;
  size_t batch_size_;
  Progress progress_;
  const std::function<void(const Progress&)>& on_progress_;
  Clock::time_point last_report_{};
  std::vector<Event> events_;
  std::vector<QuarantinedRow> rows_;
  std::vector<QuarantinedRow> sample_;
  IngestCounts counts_;
  Status status_;
  double store_seconds_ = 0;
};

void add_to_sources(std::vector<SourceSummary>& sources, const FileSummary& file) {
  auto it = std::find_if(sources.begin(), sources.end(),
                         [&](const SourceSummary& s) { return s.source == file.source; });
  if (it == sources.end()) it = sources.insert(sources.end(), SourceSummary{file.source, 0, {}});
  ++it->files;
  it->counts.read += file.counts.read;
  it->counts.accepted += file.counts.accepted;
  it->counts.duplicates += file.counts.duplicates;
  it->counts.quarantined += file.counts.quarantined;
}

bool skipped_entry(const fs::path& p) {
  std::string name = p.filename().string();
  return name.empty() || name[0] == '.' || name == "truth";
}

/// The source of `path`, from its name and first bytes (decompressed when gzip).
Result<connectors::SourceKind> detect(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return Status(ErrorCode::kIo, "cannot open " + path);
  std::string head(64 * 1024, '\0');
  int n = gzread(f, head.data(), static_cast<unsigned>(head.size()));
  gzclose(f);
  if (n < 0) return Status(ErrorCode::kIo, "cannot read " + path);
  head.resize(static_cast<size_t>(n));
  std::optional<connectors::SourceKind> kind = connectors::detect_source(path, head);
  if (!kind) {
    return Status(ErrorCode::kUnsupported,
                  "cannot tell which tool exported " + path + " (give --source)");
  }
  return *kind;
}

/// Reads one file into the store. A Status that is not ok means the store failed.
Status ingest_one(Store& store, const std::string& path, int index, int count,
                  const IngestOptions& options, FileSummary& out, IngestPhases& phases) {
  out.path = path;
  std::optional<connectors::SourceKind> kind = options.source;
  if (!kind) {
    Result<connectors::SourceKind> detected = detect(path);
    if (!detected.is_ok()) {
      out.status = detected.status();
      return Status::ok();
    }
    kind = *detected;
  }
  out.source = connectors::source_kind_name(*kind);

  connectors::ConnectorOptions copts;
  if (auto it = options.connector_options.find(*kind); it != options.connector_options.end()) {
    copts = it->second;
  }
  Result<FileFingerprint> fingerprint = fingerprint_file(path);
  if (!fingerprint.is_ok()) {
    out.status = fingerprint.status();
    return Status::ok();
  }
  REVARCH_ASSIGN_OR_RETURN(int64_t run, store.begin_ingest_run(out.source, *fingerprint));

  Progress progress{path, index, count, 0, static_cast<int64_t>(fingerprint->size), 0};
  StoreSink sink(store, options.batch_size, progress, options.on_progress);
  auto start = Clock::now();
  Status read = connectors::read_export(path, kind, copts, sink);
  if (read.code() == ErrorCode::kParse && sink.counts().read > 0) {
    // The file is damaged from some point on (a quote never closed, a truncated gzip): what came
    // before it is in, and the damaged tail is quarantined rather than failing the file.
    QuarantinedRow tail;
    tail.source = out.source;
    tail.file = copts.file_label.empty() ? path : copts.file_label;
    tail.line = read.where().line;
    tail.reason = read.message() + "; the file is read up to this point";
    sink.on_quarantine(std::move(tail));
    read = Status::ok();
  }
  out.status = read;
  sink.flush();
  phases.store_writes += sink.store_seconds();
  phases.connectors += seconds_since(start) - sink.store_seconds();
  out.counts = sink.counts();
  out.quarantine_sample = sink.take_sample();
  REVARCH_RETURN_IF_ERROR(sink.status());
  return store.finish_ingest_run(run, out.counts, out.status.is_ok());
}

// Compressed exports (a Salesforce Data Export ZIP, gzip'd GA4 days) hold about five times
// their size in text: 67 MB of ZIP is 325 MB of CSV in the large demo world.
constexpr int64_t kCompressedRatio = 5;

bool compressed(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".zip" || ext == ".gz";
}

// The input's size as text, for the bulk-load decision.
int64_t text_bytes(const std::vector<std::string>& paths) {
  int64_t total = 0;
  for (const auto& p : paths) {
    std::error_code ec;
    auto size = static_cast<int64_t>(fs::file_size(p, ec));
    if (!ec) total += compressed(p) ? size * kCompressedRatio : size;
  }
  return total;
}

}  // namespace

bool IngestSummary::any_file_failed() const {
  return std::any_of(files.begin(), files.end(),
                     [](const FileSummary& f) { return !f.status.is_ok(); });
}

int64_t IngestSummary::quarantined() const {
  int64_t n = 0;
  for (const auto& s : sources) n += s.counts.quarantined;
  return n;
}

Result<std::vector<std::string>> expand_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      return Status(ErrorCode::kNotFound, "no such file or directory: " + p);
    }
    if (!fs::is_directory(st)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (skipped_entry(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) found.push_back(it->path().string());
    }
    if (ec) return Status(ErrorCode::kIo, "cannot list " + p + ": " + ec.message());
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

Result<IdentitySummary> resolve_identity(Store& store, const identity::IdentityConfig& config) {
  IdentitySummary summary;
  auto start = Clock::now();
  identity::IdentityResolver resolver(config);
  // The resolver takes events in any order (resolver.h): read the log as it is stored.
  EventFilter all;
  all.seq_order = true;
  REVARCH_RETURN_IF_ERROR(store.scan_events(all, [&](const Event& e) {
    resolver.add(e);
    return true;
  }));
  summary.scan_seconds = seconds_since(start);
  start = Clock::now();
  identity::IdentityResult result = resolver.resolve();
  summary.resolve_seconds = seconds_since(start);
  start = Clock::now();
  REVARCH_RETURN_IF_ERROR(
      store.replace_identity_chunked(identity::prefetch_chunks(result.snapshot_chunks())));
  summary.store_seconds = seconds_since(start);
  summary.records = static_cast<int64_t>(result.record_count());
  for (const auto& e : result.entities()) {
    switch (e.type) {
      case identity::EntityType::kPerson: ++summary.people; break;
      case identity::EntityType::kCompany: ++summary.companies; break;
      case identity::EntityType::kDeal: ++summary.deals; break;
    }
  }
  return summary;
}

Result<IngestSummary> ingest_files(Store& store, const std::vector<std::string>& paths,
                                   const IngestOptions& options) {
  auto start = Clock::now();
  IngestSummary summary;
  int count = static_cast<int>(paths.size());
  // A large load skips per-row index maintenance and rebuilds the indexes once at the end.
  bool bulk = text_bytes(paths) >= options.bulk_load_bytes;
  if (bulk) REVARCH_RETURN_IF_ERROR(store.begin_bulk_load());
  for (int i = 0; i < count; ++i) {
    FileSummary file;
    REVARCH_RETURN_IF_ERROR(ingest_one(store, paths[i], i, count, options, file, summary.phases));
    if (!file.source.empty()) add_to_sources(summary.sources, file);
    summary.files.push_back(std::move(file));
  }
  auto phase = Clock::now();
  if (bulk) REVARCH_RETURN_IF_ERROR(store.end_bulk_load());
  summary.phases.index_build = seconds_since(phase);
  if (options.resolve_identity) {
    phase = Clock::now();
    REVARCH_ASSIGN_OR_RETURN(summary.identity, resolve_identity(store, options.identity));
    summary.phases.identity = seconds_since(phase);
  }
  REVARCH_ASSIGN_OR_RETURN(summary.events_in_log, store.count_events({}));
  summary.seconds = seconds_since(start);
  return summary;
}

}  // namespace revarch::ingest
