// Behaviour of the event log through the Store interface (a PostgreSQL back-end must pass the
// same tests), plus a few SQLite specifics.
#include "store/sqlite_store.h"

#include <gtest/gtest.h>

#include "store/store_test_util.h"

namespace revarch {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions opts;
    opts.now_ms = [] { return int64_t{1750000000000}; };
    auto s = open_store("sqlite:" + dir_.file("ws.db"), opts);
    ASSERT_TRUE(s.is_ok()) << s.status().to_string();
    store_ = std::move(s).value();
  }

  std::vector<Event> scan(const EventFilter& f = {}) {
    std::vector<Event> out;
    Status st = store_->scan_events(f, [&](const Event& e) {
      out.push_back(e);
      return true;
    });
    EXPECT_TRUE(st.is_ok()) << st.to_string();
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, ScanInSeqOrderFollowsAppendsNotTime) {
  std::vector<Event> in = {testing::sample_event(3), testing::sample_event(1),
                           testing::sample_event(2)};
  ASSERT_TRUE(store_->append(in).is_ok());
  auto by_time = scan();
  ASSERT_EQ(by_time.size(), 3u);
  EXPECT_EQ(by_time[0].source_record_id, "rec-1");
  EXPECT_EQ(by_time[2].source_record_id, "rec-3");
  EventFilter f;
  f.seq_order = true;
  auto by_seq = scan(f);
  ASSERT_EQ(by_seq.size(), 3u);
  EXPECT_EQ(by_seq[0].source_record_id, "rec-3");
  EXPECT_EQ(by_seq[1].source_record_id, "rec-1");
  EXPECT_EQ(by_seq[2].source_record_id, "rec-2");
  EXPECT_LT(by_seq[0].seq, by_seq[1].seq);
  EXPECT_LT(by_seq[1].seq, by_seq[2].seq);
  f.sources = {"salesforce"};  // the other filters still apply
  EXPECT_TRUE(scan(f).empty());
}

TEST_F(StoreTest, AppendThenScanRoundTripsEveryField) {
  Event in = testing::sample_event(7);
  AppendStats stats;
  stats.record_seqs = true;
  ASSERT_TRUE(store_->append({&in, 1}, &stats).is_ok());
  EXPECT_EQ(stats.appended, 1);
  ASSERT_EQ(stats.seqs.size(), 1u);
  auto got = scan();
  ASSERT_EQ(got.size(), 1u);
  Event expected = in;
  expected.seq = stats.seqs[0];
  expected.ingested_at_ms = 1750000000000;
  EXPECT_EQ(got[0].seq, expected.seq);
  EXPECT_EQ(got[0].source, expected.source);
  EXPECT_EQ(got[0].source_record_id, expected.source_record_id);
  EXPECT_EQ(got[0].idempotency_key, expected.idempotency_key);
  EXPECT_EQ(got[0].occurred_at_ms, expected.occurred_at_ms);
  EXPECT_EQ(got[0].original_tz, expected.original_tz);
  EXPECT_EQ(got[0].type, expected.type);
  EXPECT_EQ(got[0].subject, expected.subject);
  EXPECT_EQ(got[0].related, expected.related);
  EXPECT_EQ(got[0].properties, expected.properties);
  EXPECT_EQ(got[0].origin_file, expected.origin_file);
  EXPECT_EQ(got[0].origin_row, expected.origin_row);
  EXPECT_EQ(got[0].ingested_at_ms, expected.ingested_at_ms);
}

TEST_F(StoreTest, SameEventsTwiceAddNothing) {
  std::vector<Event> batch;
  for (int i = 0; i < 50; ++i) batch.push_back(testing::sample_event(i));
  batch.push_back(batch[3]);  // a repeat inside the batch
  AppendStats first, second;
  ASSERT_TRUE(store_->append(batch, &first).is_ok());
  EXPECT_EQ(first.appended, 50);
  EXPECT_EQ(first.duplicates, 1);
  ASSERT_TRUE(store_->append(batch, &second).is_ok());
  EXPECT_EQ(second.appended, 0);
  EXPECT_EQ(second.duplicates, 51);
  EXPECT_EQ(store_->count_events({}).value(), 50);
}

TEST_F(StoreTest, KeysOfAnyFormRoundTripAndStayDistinct) {
  // A key in make_idempotency_key's form is stored packed; others as text. A text key that
  // spells the same bytes must not be taken for the packed one.
  std::vector<Event> batch = {testing::sample_event(1), testing::sample_event(2),
                              testing::sample_event(3)};
  batch[1].idempotency_key = "webhook:3029365631";
  batch[2].idempotency_key = std::string(16, 'a');
  std::string hex;
  for (int i = 0; i < 16; ++i) hex += "61";  // the bytes of 16 'a'
  Event packed = testing::sample_event(4);
  packed.idempotency_key = hex;
  batch.push_back(packed);
  AppendStats stats;
  ASSERT_TRUE(store_->append(batch, &stats).is_ok());
  EXPECT_EQ(stats.appended, 4);
  auto got = scan();
  ASSERT_EQ(got.size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(got[i].idempotency_key, batch[i].idempotency_key);
  ASSERT_TRUE(store_->append(batch, &stats).is_ok());
  EXPECT_EQ(stats.duplicates, 4);
}

TEST_F(StoreTest, BulkLoadStillDeduplicatesAndScansInOrder) {
  ASSERT_TRUE(store_->begin_bulk_load().is_ok());
  std::vector<Event> batch;
  for (int i : {9, 2, 5, 2}) batch.push_back(testing::sample_event(i));
  AppendStats stats;
  ASSERT_TRUE(store_->append(batch, &stats).is_ok());
  EXPECT_EQ(stats.duplicates, 1);
  auto got = scan();  // ends the bulk load
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].source_record_id, "rec-2");
  EXPECT_EQ(got[2].source_record_id, "rec-9");
  ASSERT_TRUE(store_->end_bulk_load().is_ok());
  EventFilter f;
  f.subject = SourceRef{"hubspot", EntityKind::kContact, "c5"};
  EXPECT_EQ(store_->count_events(f).value(), 1);
}

TEST_F(StoreTest, ScanIsInOccurrenceOrderThenSeq) {
  std::vector<Event> batch;
  for (int i : {5, 1, 3}) batch.push_back(testing::sample_event(i));
  Event tie = testing::sample_event(100);
  tie.occurred_at_ms = batch[1].occurred_at_ms;  // same time as event 1, appended later
  batch.push_back(tie);
  ASSERT_TRUE(store_->append(batch).is_ok());
  auto got = scan();
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].source_record_id, "rec-1");
  EXPECT_EQ(got[1].source_record_id, "rec-100");
  EXPECT_EQ(got[2].source_record_id, "rec-3");
  EXPECT_EQ(got[3].source_record_id, "rec-5");
  EXPECT_LT(got[0].seq, got[1].seq);
}

TEST_F(StoreTest, FiltersBySourceTypeSubjectTimeAndSeq) {
  std::vector<Event> batch;
  for (int i = 0; i < 20; ++i) {
    batch.push_back(testing::sample_event(i, i % 2 ? "salesforce" : "hubspot",
                                          i % 4 == 0 ? "card.exchanged" : "record.upsert"));
  }
  ASSERT_TRUE(store_->append(batch).is_ok());
  EventFilter by_source;
  by_source.sources = {"salesforce"};
  EXPECT_EQ(store_->count_events(by_source).value(), 10);
  EventFilter by_type;
  by_type.types = {"card.exchanged"};
  EXPECT_EQ(store_->count_events(by_type).value(), 5);
  EventFilter by_subject;
  by_subject.subject = SourceRef{"hubspot", EntityKind::kContact, "c2"};
  auto got = scan(by_subject);
  ASSERT_EQ(got.size(), 2u);  // events 2 and 12
  EXPECT_EQ(got[0].source_record_id, "rec-2");
  EXPECT_EQ(got[1].source_record_id, "rec-12");
  EventFilter by_time;
  by_time.from_ms = batch[5].occurred_at_ms;
  by_time.until_ms = batch[8].occurred_at_ms;
  EXPECT_EQ(store_->count_events(by_time).value(), 3);
  EventFilter after;
  after.after_seq = 15;
  EXPECT_EQ(store_->count_events(after).value(), 5);
  EXPECT_EQ(store_->last_seq().value(), 20);
}

TEST_F(StoreTest, ScanStopsWhenCallbackReturnsFalse) {
  std::vector<Event> batch;
  for (int i = 0; i < 10; ++i) batch.push_back(testing::sample_event(i));
  ASSERT_TRUE(store_->append(batch).is_ok());
  int seen = 0;
  ASSERT_TRUE(store_->scan_events({}, [&](const Event&) { return ++seen < 4; }).is_ok());
  EXPECT_EQ(seen, 4);
}

TEST_F(StoreTest, EventsForSubjectsMergesInOrder) {
  std::vector<Event> batch;
  for (int i = 0; i < 30; ++i) batch.push_back(testing::sample_event(i));
  ASSERT_TRUE(store_->append(batch).is_ok());
  std::vector<SourceRef> refs = {{"hubspot", EntityKind::kContact, "c7"},
                                 {"hubspot", EntityKind::kContact, "c1"},
                                 {"hubspot", EntityKind::kContact, "c7"},
                                 {"hubspot", EntityKind::kAccount, "c1"}};
  auto got = store_->events_for_subjects(refs);
  ASSERT_TRUE(got.is_ok());
  std::vector<std::string> ids;
  for (const Event& e : *got) ids.push_back(e.source_record_id);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"rec-1", "rec-7", "rec-11", "rec-17", "rec-21", "rec-27"}));
}

TEST_F(StoreTest, InvalidEventRejectsTheWholeBatch) {
  std::vector<Event> batch = {testing::sample_event(1), testing::sample_event(2)};
  batch[1].idempotency_key.clear();
  Status st = store_->append(batch);
  EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(st.where().row, batch[1].origin_row);
  EXPECT_EQ(store_->count_events({}).value(), 0);
}

TEST_F(StoreTest, CallingBackFromAScanFails) {
  Event e = testing::sample_event(1);
  ASSERT_TRUE(store_->append({&e, 1}).is_ok());
  Status inner;
  ASSERT_TRUE(store_
                  ->scan_events({},
                                [&](const Event&) {
                                  inner = store_->count_events({}).status();
                                  return true;
                                })
                  .is_ok());
  EXPECT_EQ(inner.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store_->count_events({}).is_ok());
}

TEST_F(StoreTest, MetaKeepsLastValue) {
  EXPECT_FALSE(store_->get_meta("design_hash").value().has_value());
  ASSERT_TRUE(store_->set_meta("design_hash", "abc").is_ok());
  ASSERT_TRUE(store_->set_meta("design_hash", "def").is_ok());
  EXPECT_EQ(store_->get_meta("design_hash").value(), "def");
}

TEST_F(StoreTest, IngestRunsRecogniseTheSameContent) {
  FileFingerprint fp{"/in/contacts.csv", 1234, std::string(64, 'a')};
  auto run = store_->begin_ingest_run("hubspot", fp);
  ASSERT_TRUE(run.is_ok());
  EXPECT_FALSE(store_->find_ingest_run("hubspot", fp.content_hash).value().has_value());
  IngestCounts counts{10, 7, 2, 1};
  ASSERT_TRUE(store_->finish_ingest_run(*run, counts, true).is_ok());
  auto found = store_->find_ingest_run("hubspot", fp.content_hash);
  ASSERT_TRUE(found.is_ok() && found->has_value());
  EXPECT_EQ((*found)->id, *run);
  EXPECT_EQ((*found)->file, fp);
  EXPECT_EQ((*found)->counts, counts);
  EXPECT_EQ((*found)->status, "ok");
  EXPECT_FALSE(store_->find_ingest_run("salesforce", fp.content_hash).value().has_value());
  EXPECT_EQ(store_->finish_ingest_run(999, counts, true).code(), ErrorCode::kNotFound);
  auto failed = store_->begin_ingest_run("hubspot", fp);
  ASSERT_TRUE(store_->finish_ingest_run(*failed, {}, false).is_ok());
  auto runs = store_->list_ingest_runs();
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[1].status, "failed");
}

TEST_F(StoreTest, QuarantineKeepsEachBadRowOnce) {
  std::vector<QuarantinedRow> rows = {
      {"hubspot", "a.csv", 3, 4, "Email", "not an email address", "x,y,z"},
      {"sansan", "b.csv", 9, 9, "", "wrong number of fields", "a,b"}};
  ASSERT_TRUE(store_->quarantine(rows).is_ok());
  ASSERT_TRUE(store_->quarantine(rows).is_ok());
  EXPECT_EQ(store_->count_quarantine().value(), 2);
  std::vector<QuarantinedRow> got;
  ASSERT_TRUE(store_
                  ->scan_quarantine("hubspot",
                                    [&](const QuarantinedRow& q) {
                                      got.push_back(q);
                                      return true;
                                    })
                  .is_ok());
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], rows[0]);
}

TEST(OpenStore, ChoosesTheBackEndByUrl) {
  testing::TempDir dir;
  EXPECT_TRUE(open_store(dir.file("plain.db")).is_ok());
  EXPECT_TRUE(open_store("sqlite:" + dir.file("prefixed.db")).is_ok());
  EXPECT_EQ(open_store("postgres://localhost/revarch").status().code(), ErrorCode::kUnsupported);
  EXPECT_EQ(open_store("mysql://localhost/x").status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(open_store(dir.file("no/such/dir/x.db")).status().code(), ErrorCode::kIo);
}

TEST(OpenStore, DataSurvivesReopening) {
  testing::TempDir dir;
  {
    auto s = open_store(dir.file("ws.db"));
    ASSERT_TRUE(s.is_ok());
    std::vector<Event> batch = {testing::sample_event(1), testing::sample_event(2)};
    ASSERT_TRUE((*s)->append(batch).is_ok());
  }
  auto s = open_store(dir.file("ws.db"));
  ASSERT_TRUE(s.is_ok());
  EXPECT_EQ((*s)->count_events({}).value(), 2);
  Event again = testing::sample_event(3);
  AppendStats stats;
  stats.record_seqs = true;
  ASSERT_TRUE((*s)->append({&again, 1}, &stats).is_ok());
  EXPECT_EQ(stats.seqs, std::vector<int64_t>{3});
}

}  // namespace
}  // namespace revarch
