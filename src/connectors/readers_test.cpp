#include <gtest/gtest.h>
#include <zlib.h>

#include "connectors/byte_source.h"
#include "connectors/csv_reader.h"
#include "connectors/encoding.h"
#include "connectors/ndjson_reader.h"
#include "connectors/test_util.h"

namespace revarch::connectors {
namespace {

// Hands out its bytes `step` at a time, to split sequences across chunks.
class TrickleSource : public ByteSource {
 public:
  TrickleSource(std::string bytes, size_t step) : bytes_(std::move(bytes)), step_(step) {}
  Result<size_t> read(char* buffer, size_t capacity) override {
    size_t n = std::min({capacity, step_, bytes_.size() - pos_});
    std::copy_n(bytes_.data() + pos_, n, buffer);
    pos_ += n;
    return n;
  }

 private:
  std::string bytes_;
  size_t step_;
  size_t pos_ = 0;
};

std::string read_all(ByteSource& src) {
  std::string out;
  char buf[7];
  while (true) {
    Result<size_t> n = src.read(buf, sizeof buf);
    EXPECT_TRUE(n.is_ok());
    if (!n.is_ok() || *n == 0) break;
    out.append(buf, *n);
  }
  return out;
}

std::vector<std::vector<std::string>> parse_csv(std::string text, size_t step = 1 << 20) {
  CsvReader reader(std::make_unique<TrickleSource>(std::move(text), step));
  std::vector<std::vector<std::string>> rows;
  CsvRecord rec;
  while (true) {
    Result<bool> more = reader.next(rec);
    EXPECT_TRUE(more.is_ok()) << more.status().to_string();
    if (!more.is_ok() || !*more) break;
    rows.push_back(rec.fields);
  }
  return rows;
}

TEST(Encoding, DetectsBomsUtf8AndCp932) {
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBF"
                            "a,b",
                            true),
            Encoding::kUtf8Bom);
  EXPECT_EQ(detect_encoding("\xFF\xFE"
                            "a\0",
                            true),
            Encoding::kUtf16Le);
  EXPECT_EQ(detect_encoding("\xFE\xFF", true), Encoding::kUtf16Be);
  EXPECT_EQ(detect_encoding("会社名", true), Encoding::kUtf8);
  EXPECT_EQ(detect_encoding("\x89\xEF\x8E\xD0\x96\xBC", true), Encoding::kCp932);  // 会社名
  // A UTF-8 sequence cut at the end of the head is not held against UTF-8.
  EXPECT_EQ(detect_encoding(std::string("会社名").substr(0, 7), false), Encoding::kUtf8);
}

TEST(Encoding, Cp932MapsWindowsCharacters) {
  // ～ (0x8160) － (0x817C) ① (0x8740) ㈱ (0x878A) as Windows maps them.
  Result<std::string> s = to_utf8("\x81\x60\x81\x7C\x87\x40\x87\x8A");
  ASSERT_TRUE(s.is_ok());
  EXPECT_EQ(*s, "～－①㈱");
  Result<std::string> back = utf8_to_cp932("～－①㈱");
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(*back, "\x81\x60\x81\x7C\x87\x40\x87\x8A");
}

TEST(Encoding, StreamsSplitSequencesOneByteAtATime) {
  std::string utf8 = "会社名,株式会社サンプル\n";
  Result<std::string> sjis = utf8_to_cp932(utf8);
  ASSERT_TRUE(sjis.is_ok());
  for (const std::string& in : {*sjis, "\xEF\xBB\xBF" + utf8, utf8}) {
    auto src = utf8_decoding_source(std::make_unique<TrickleSource>(in, 1));
    EXPECT_EQ(read_all(*src), utf8);
  }
  std::string utf16le(
      "\xFF\xFE"
      "a\0,\0"
      "\x1A\x4F",
      8);  // "a,会"
  auto src = utf8_decoding_source(std::make_unique<TrickleSource>(utf16le, 3));
  EXPECT_EQ(read_all(*src), "a,会");
}

TEST(Encoding, AsciiHeadThenCp932IsStillCp932) {
  std::string head(100000, 'a');
  Result<std::string> sjis = utf8_to_cp932("\n山田");
  auto src = utf8_decoding_source(owned_memory_source(head + *sjis));
  EXPECT_EQ(read_all(*src), head + "\n山田");
}

TEST(Encoding, InvalidUtf8BecomesReplacementCharacter) {
  auto src = utf8_decoding_source(memory_source("ok\xEF\xBB\xBF"
                                                "a\xC3(b"),
                                  Encoding::kUtf8);
  std::string s = read_all(*src);
  EXPECT_NE(s.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(CsvReader, Rfc4180QuotingAndLineEnds) {
  auto rows = parse_csv("a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",x,\r\nlast,row,\"\"");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "b,c", "d\"e"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"multi\nline", "x", ""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"last", "row", ""}));
  EXPECT_EQ(parse_csv("a\rb\rc\r"), (std::vector<std::vector<std::string>>{{"a"}, {"b"}, {"c"}}));
}

TEST(CsvReader, SameResultWhateverTheChunking) {
  std::string text = "h1,h2\r\n\"x\r\ny\",\"q\"\"\"\r\n\r\nz,w";
  auto whole = parse_csv(text);
  for (size_t step : {1u, 2u, 3u, 5u}) EXPECT_EQ(parse_csv(text, step), whole) << step;
}

TEST(CsvReader, LinesAndRecordsAreCounted) {
  CsvReader reader(memory_source("h\n\"a\nb\"\n\nc\n"));
  CsvRecord r;
  ASSERT_TRUE(*reader.next(r));
  EXPECT_EQ(r.line, 1);
  ASSERT_TRUE(*reader.next(r));
  EXPECT_EQ(r.line, 2);
  EXPECT_EQ(r.record, 2);
  ASSERT_TRUE(*reader.next(r));
  EXPECT_EQ(r.line, 5);  // after the two-line record and a blank line
  EXPECT_EQ(r.record, 3);
  EXPECT_FALSE(*reader.next(r));
}

TEST(CsvReader, UnclosedQuoteIsAnErrorWithTheLine) {
  CsvReader reader(memory_source("a\n\"never closed\nmore"));
  CsvRecord r;
  ASSERT_TRUE(*reader.next(r));
  Result<bool> bad = reader.next(r);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kParse);
  EXPECT_EQ(bad.status().where().line, 2);
}

TEST(CsvReader, TooLongRecordIsAnError) {
  CsvOptions opt;
  opt.max_record_bytes = 10;
  CsvReader reader(memory_source("0123456789abcdef\n"), opt);
  CsvRecord r;
  EXPECT_FALSE(reader.next(r).is_ok());
}

// Generates `rows` CSV rows lazily, counting what it has produced.
class GeneratedCsv : public ByteSource {
 public:
  explicit GeneratedCsv(int64_t rows) : rows_(rows) {}
  Result<size_t> read(char* buffer, size_t capacity) override {
    while (pending_.size() - pos_ < capacity && next_ < rows_) {
      pending_.erase(0, pos_);
      pos_ = 0;
      pending_ += std::to_string(next_) + ",\"name " + std::to_string(next_) +
                  "\",someone@example.com,2024-01-01 00:00:00\n";
      ++next_;
    }
    size_t n = std::min(capacity, pending_.size() - pos_);
    std::copy_n(pending_.data() + pos_, n, buffer);
    pos_ += n;
    produced += n;
    return n;
  }
  size_t produced = 0;

 private:
  int64_t rows_;
  int64_t next_ = 0;
  std::string pending_;
  size_t pos_ = 0;
};

TEST(CsvReader, StreamsLargeInputInConstantMemory) {
  auto gen = std::make_unique<GeneratedCsv>(300000);  // ~17 MB
  GeneratedCsv* g = gen.get();
  CsvReader reader(utf8_decoding_source(std::move(gen)));
  CsvRecord r;
  ASSERT_TRUE(*reader.next(r));
  // Only a couple of chunks have been pulled to produce the first record.
  EXPECT_LE(g->produced, 256u * 1024);
  int64_t count = 1;
  size_t widest = 0;
  while (*reader.next(r)) {
    ++count;
    widest = std::max(widest, r.fields.size());
  }
  EXPECT_EQ(count, 300000);
  EXPECT_EQ(widest, 4u);
  EXPECT_GT(g->produced, 15u * 1024 * 1024);
}

std::string gzip(const std::string& data) {
  std::string out(compressBound(static_cast<uLong>(data.size())) + 64, '\0');
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(NdjsonReader, ReadsLinesThroughGzipWithLineNumbers) {
  std::string text = "{\"a\":1}\n\n{\"a\":2}\r\nnot json\n{\"a\":3}";
  auto src = gunzip_source(std::make_unique<TrickleSource>(gzip(text), 5));
  NdjsonReader reader(std::move(src));
  NdjsonLine line;
  std::vector<int64_t> lines;
  int bad = 0;
  while (*reader.next_line(line)) {
    nlohmann::json j;
    if (NdjsonReader::parse(line, j).is_ok()) {
      lines.push_back(line.line);
    } else {
      ++bad;
      EXPECT_EQ(line.line, 4);
    }
  }
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 3, 5}));
  EXPECT_EQ(bad, 1);
}

TEST(NdjsonReader, TruncatedGzipIsAParseError) {
  std::string gz = gzip(std::string(10000, 'x'));
  NdjsonReader reader(gunzip_source(memory_source(std::string_view(gz).substr(0, gz.size() / 2))));
  NdjsonLine line;
  Result<bool> r = reader.next_line(line);
  while (r.is_ok() && *r) r = reader.next_line(line);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kParse);
}

}  // namespace
}  // namespace revarch::connectors
