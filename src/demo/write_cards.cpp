// Business cards: Sansan (CP932, Japanese headers, 名刺ID), Eight (current header, UTF-8) and an
// older Eight export (CP932, seven lines before the header, one 氏名 column). Eight rows have no
// id: their ground-truth id is "<file name>#<data row>".
#include <fmt/format.h>

#include "demo/mess.h"
#include "demo/render.h"
#include "demo/truth.h"
#include "demo/vocab.h"
#include "demo/writers.h"

namespace revarch::demo {
namespace {

constexpr uint64_t kStreamCards = 301;

uint16_t card_day(const Person& p) {
  if (is_card_channel(p.channel)) return p.first_day;
  if (p.opp_day != kNoDay) return p.opp_day;
  return p.known_day != kNoDay ? p.known_day : p.first_day;
}

// Sansan users tag a card with the event it came from, often with a category beside it, in
// whatever separator they type: "セミナー; <title>" or "<title>、セミナー参加".
std::string card_tag(const Person& p, uint32_t pi) {
  switch (p.channel) {
    case Channel::kTradeShow: return std::string(trade_shows()[pi % trade_shows().size()]);
    case Channel::kSeminar: {
      const std::string_view title = seminars()[pi % seminars().size()];
      return pi % 2 == 0 ? fmt::format("セミナー; {}", title)
                         : fmt::format("{}、セミナー参加", title);
    }
    case Channel::kReferral: return "紹介";
    default: return "訪問";
  }
}

struct Address {
  std::string postal, prefecture, street;
};

Address address_of(const Company& c) {
  const auto& pref = prefectures()[c.prefecture];
  const uint64_t h = mix64(c.corporate_base ^ 0xADD);
  return {fmt::format("{}-{:04d}", pref.postal3, h % 10000), std::string(pref.ja),
          fmt::format("{}{}-{}-{} {}ビル{}F", pref.city, 1 + h % 5, 1 + (h >> 8) % 20,
                      1 + (h >> 16) % 30, company_core_name(c).substr(0, 6), 2 + (h >> 24) % 12)};
}

std::string owner_name(const World& w, uint8_t o) {
  return fmt::format("{} {}", owner_family(w.owners[o]).kanji, owner_given(w.owners[o]).kanji);
}

void sansan_row(const World& w, uint32_t pi, bool after_move, CsvWriter& out, TruthParts& truth) {
  const Person& p = w.people[pi];
  Rng rng(stream_key(w.seed, kStreamCards, uint64_t{pi} * 2 + after_move));
  const uint16_t day =
      after_move ? static_cast<uint16_t>(std::min<int>(kLastDay, p.change_day + rng.range(3, 40)))
                 : card_day(p);
  const uint32_t ci = after_move ? p.new_company : p.company;
  const Company& c = w.companies[ci];
  const std::string id =
      fmt::format("{:016X}", mix64(w.seed * 31 + 7) ^ mix64(uint64_t{pi} * 2 + after_move));
  const auto& fam = family_name(p);
  const auto& giv = given_name(p);
  const bool hira = rng.chance(0.3);
  const Address a = address_of(c);
  out.field(id).field(format_date(day, '/')).field(fmt::format("U{:05d}", p.owner + 1));
  out.field(owner_name(w, p.owner))
      .field(company_name_variant(c, rng))
      .field(departments()[p.dept].ja);
  out.field(titles()[after_move ? p.new_title : p.title].ja);
  out.field(fam.kanji).field(giv.kanji);
  out.field(hira ? fam.hiragana : fam.katakana).field(hira ? giv.hiragana : giv.katakana);
  out.field(email_case_variant(work_email(p, c), rng))
      .field(a.postal)
      .field(a.prefecture)
      .field(a.street);
  out.field(phone_variant(c, pi, rng))
      .field(rng.chance(0.4) ? fmt::format("080-{:04d}-{:04d}", pi % 10000, (pi * 13) % 10000)
                             : "");
  out.field(fmt::format("https://www.{}/", company_domain(c)));
  out.field(after_move ? format_date(p.change_day, '/') : "");
  out.field(!after_move && p.new_company != kNone && p.change_day <= kLastDay ? "1" : "");
  out.field(card_tag(p, pi));
  out.end_row();
  truth.person("sansan", "card", id, pi);
  truth.company("sansan", "card", id, ci);
}

Status write_sansan(const World& w, const std::filesystem::path& root, WriterReport& report,
                    TruthParts& truth) {
  REVARCH_ASSIGN_OR_RETURN(auto out, CsvWriter::open(root, "sansan/sansan-cards.csv",
                                                     Encoding::kCp932, Quoting::kAll, "\r\n"));
  out->header({"名刺ID",
               "名刺交換日",
               "名刺所有者ユーザID",
               "名刺所有者",
               "会社名",
               "部署名",
               "役職",
               "氏名[姓]",
               "氏名[名]",
               "フリガナ[姓]",
               "フリガナ[名]",
               "e-mail(1)",
               "郵便番号",
               "都道府県",
               "住所",
               "TEL",
               "携帯電話",
               "URL",
               "人事異動発令日",
               "退職済み",
               "タグ"});
  for (uint32_t pi = 0; pi < w.people.size(); ++pi) {
    if (pi == w.people.size() / 3) {  // an exchange date that does not exist
      report.malformed.push_back({out->rel(), out->rows() + 1, "bad date in 名刺交換日"});
      out->raw_row(
          "\"BADDATE000000001\",\"2025/02/30\",\"U00001\",\"\",\"株式会社テスト\",\"\",\"\","
          "\"試験\",\"太郎\",\"シケン\",\"タロウ\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\","
          "\"\"\r\n");
    }
    const Person& p = w.people[pi];
    if (!(p.sources & kInSansan)) continue;
    sansan_row(w, pi, false, *out, truth);
    if (p.new_company != kNone) sansan_row(w, pi, true, *out, truth);
  }
  REVARCH_ASSIGN_OR_RETURN(FileStats st, out->close());
  report.files.push_back(std::move(st));
  return Status::ok();
}

void eight_fields(const World& w, uint32_t pi, bool one_name, CsvWriter& out) {
  const Person& p = w.people[pi];
  Rng rng(stream_key(w.seed, kStreamCards + 1, pi));
  const Company& c = w.companies[p.company];
  const Address a = address_of(c);
  out.field(company_name_variant(c, rng))
      .field(departments()[p.dept].ja)
      .field(titles()[p.title].ja);
  if (one_name) {
    out.field(full_name_variant(family_name(p).kanji, given_name(p).kanji, rng));
  } else {
    out.field(family_name(p).kanji).field(given_name(p).kanji);
  }
  out.field(rng.chance(0.95) ? email_case_variant(work_email(p, c), rng) : "");
  out.field(a.postal).field(a.prefecture + a.street).field(phone_variant(c, pi, rng)).field("");
  out.field(rng.chance(0.3) ? phone_variant(c, pi + 1, rng) : "").field("");
  out.field(rng.chance(0.4) ? fmt::format("080-{:04d}-{:04d}", pi % 10000, (pi * 13) % 10000) : "");
  out.field(fmt::format("https://www.{}/", company_domain(c))).field(format_date(card_day(p), '/'));
}

Status write_eight(const World& w, const std::filesystem::path& root, WriterReport& report,
                   TruthParts& truth) {
  REVARCH_ASSIGN_OR_RETURN(auto out, CsvWriter::open(root, "eight/eight-cards.csv", Encoding::kUtf8,
                                                     Quoting::kMinimal, "\r\n"));
  out->header({"会社名", "部署名", "役職", "姓", "名", "e-mail", "郵便番号", "住所", "TEL会社",
               "TEL部門", "TEL直通", "Fax", "携帯電話", "URL", "名刺交換日",
               "Eightでつながっている人"});
  for (uint32_t pi = 0; pi < w.people.size(); ++pi) {
    const Person& p = w.people[pi];
    if (!(p.sources & kInEight) || (p.sources & kInEightOld)) continue;
    eight_fields(w, pi, false, *out);
    out->field(mix64(pi ^ w.seed) % 3 == 0 ? "1" : "").end_row();
    const std::string id = fmt::format("eight-cards.csv#{}", out->rows());
    truth.person("eight", "card", id, pi);
    truth.company("eight", "card", id, p.company);
  }
  // The export was cut off inside a quoted field: the last row never ends its quote.
  report.malformed.push_back({out->rel(), out->rows() + 1, "unterminated quote at end of file"});
  out->raw_row(
      "株式会社テスト途中,営業部,部長,試験,次郎,test.jiro@example.jp,100-0001,"
      "\"東京都千代田区丸の内1-1");
  REVARCH_ASSIGN_OR_RETURN(FileStats st, out->close());
  report.files.push_back(std::move(st));
  return Status::ok();
}

Status write_eight_old(const World& w, const std::filesystem::path& root, WriterReport& report,
                       TruthParts& truth) {
  REVARCH_ASSIGN_OR_RETURN(auto out, CsvWriter::open(root, "eight/eight-cards-old.csv",
                                                     Encoding::kCp932, Quoting::kMinimal, "\r\n"));
  uint64_t n = 0;
  for (const Person& p : w.people) n += (p.sources & kInEightOld) ? 1 : 0;
  out->line("Eight 名刺データ");
  out->line(fmt::format("エクスポート日時,{} 09:00", format_date(kLastDay + 1, '/')));
  out->line(fmt::format("ユーザー名,{}", owner_name(w, 0)));
  out->line(fmt::format("件数,{}", n));
  out->line("");
  out->line("※このファイルは旧形式でエクスポートされました");
  out->line("");
  out->header({"会社名", "部署名", "役職", "氏名", "e-mail", "郵便番号", "住所", "TEL会社",
               "TEL部門", "TEL直通", "Fax", "携帯電話", "URL", "名刺交換日"});
  for (uint32_t pi = 0; pi < w.people.size(); ++pi) {
    const Person& p = w.people[pi];
    if (!(p.sources & kInEightOld)) continue;
    eight_fields(w, pi, true, *out);
    out->end_row();
    const std::string id = fmt::format("eight-cards-old.csv#{}", out->rows());
    truth.person("eight", "card", id, pi);
    truth.company("eight", "card", id, p.company);
  }
  REVARCH_ASSIGN_OR_RETURN(FileStats st, out->close());
  report.files.push_back(std::move(st));
  return Status::ok();
}

}  // namespace

WriterReport write_cards(const World& w, const std::filesystem::path& root) {
  WriterReport report;
  auto truth = TruthParts::open(root, "cards");
  if (!truth.is_ok()) return {{}, {}, truth.status()};
  report.status = write_sansan(w, root, report, **truth);
  if (report.status.is_ok()) report.status = write_eight(w, root, report, **truth);
  if (report.status.is_ok()) report.status = write_eight_old(w, root, report, **truth);
  Status st = (*truth)->close();
  if (report.status.is_ok()) report.status = st;
  return report;
}

}  // namespace revarch::demo
