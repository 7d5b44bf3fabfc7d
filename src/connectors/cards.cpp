// Sansan and Eight business-card CSVs: Japanese headers in any order, CP932 or UTF-8.
#include "connectors/card_tags.h"
#include "connectors/connector_impl.h"
#include "connectors/encoding.h"
#include "store/canonical.h"
#include "text/japanese.h"

namespace revarch::connectors {
namespace {

const AliasTable& card_aliases() {
  static const AliasTable kTable = {
      {"card_id", {"名刺ID", "名刺Id", "カードID", "id"}},
      {"person_id", {"人物ID", "personId"}},
      {"company", {"会社名", "会社名称", "companyName"}},
      {"department", {"部署名", "部署", "departmentName"}},
      {"title", {"役職", "役職名"}},
      {"full_name", {"氏名", "名前", "氏名(フルネーム)"}},
      {"last_name", {"姓", "氏名[姓]", "氏名(姓)", "lastName"}},
      {"first_name", {"名", "氏名[名]", "氏名(名)", "firstName"}},
      {"last_reading",
       {"姓(カナ)", "姓カナ", "セイ", "フリガナ[姓]", "フリガナ(姓)", "氏名[姓](カナ)",
        "lastNameReading"}},
      {"first_reading",
       {"名(カナ)", "名カナ", "メイ", "フリガナ[名]", "フリガナ(名)", "氏名[名](カナ)",
        "firstNameReading"}},
      {"full_reading", {"フリガナ", "氏名(カナ)", "氏名カナ", "よみがな", "ふりがな"}},
      {"email", {"e-mail", "e-mail(1)", "メールアドレス", "メール", "email", "eメール", "e-mail1"}},
      {"tel", {"電話番号", "TEL会社", "TEL", "会社電話番号", "tel"}},
      {"tel_dept", {"TEL部門", "部門電話番号"}},
      {"tel_direct", {"TEL直通", "直通電話番号"}},
      {"mobile", {"携帯電話", "携帯電話番号", "携帯", "mobile"}},
      {"fax", {"Fax", "FAX番号"}},
      {"url", {"URL", "ホームページ", "Webサイト", "url"}},
      {"postal_code", {"郵便番号", "postalCode"}},
      {"address", {"住所", "所在地"}},
      {"prefecture", {"都道府県", "prefecture"}},
      {"city", {"市区町村", "city"}},
      {"exchange_date", {"名刺交換日", "交換日", "exchangeDate"}},
      {"registered", {"登録日", "登録日時", "名刺登録日", "registeredTime"}},
      {"owner", {"名刺所有者", "所有者", "owner"}},
      {"owner_user_id", {"名刺所有者ユーザID", "所有者ユーザID"}},
      {"transfer_date", {"人事異動発令日", "人事異動日"}},
      {"resigned", {"退職済み", "退職"}},
      {"updated", {"更新日時", "最終更新日", "更新日"}},
      {"corporate_number", {"法人番号"}},
      {"eight_connected", {"Eightでつながっている人"}},
      {"tags", {"タグ", "tag"}},
  };
  return kTable;
}

struct Card {
  const ColumnMap& m;
  const CsvRecord& r;
  const RowContext& ctx;
  std::string_view get(std::string_view f) const { return m.get(r, f); }
  std::string_view col(std::string_view f) const { return m.column_of(f); }
};

// Splits "山田　太郎" into family and given name at the first space.
std::pair<std::string, std::string> split_name(const std::string& full) {
  size_t sp = full.find(' ');
  if (sp == std::string::npos) return {full, ""};
  return {full.substr(0, sp), full.substr(sp + 1)};
}

// The card's tags joined with "; " (canon::kTags), and the channel the first tag naming one
// gives (canon::kChannel: seminar, webinar, trade_show, referral).
void put_tags(Properties& p, std::string_view cell) {
  std::vector<std::string> tags = split_card_tags(cell);
  if (tags.empty()) return;
  std::string joined;
  std::optional<std::string_view> channel;
  for (const std::string& t : tags) {
    if (!joined.empty()) joined.append("; ");
    joined.append(t);
    if (!channel) channel = channel_of_tag(t);
  }
  set_property(p, canon::kTags, std::move(joined));
  if (channel) set_property(p, canon::kChannel, std::string(*channel));
}

Properties card_properties(const Card& c) {
  Properties p;
  std::string last = clean_text(c.get("last_name"));
  std::string first = clean_text(c.get("first_name"));
  std::string full = clean_text(c.get("full_name"));
  if (last.empty() && first.empty() && !full.empty()) std::tie(last, first) = split_name(full);
  if (full.empty()) full = first.empty() ? last : last.empty() ? first : last + " " + first;
  if (!last.empty()) set_property(p, canon::kLastName, last);
  if (!first.empty()) set_property(p, canon::kFirstName, first);
  if (!full.empty()) set_property(p, canon::kFullName, full);
  std::string last_r = clean_text(c.get("last_reading"));
  std::string first_r = clean_text(c.get("first_reading"));
  std::string full_r = clean_text(c.get("full_reading"));
  if (last_r.empty() && first_r.empty() && !full_r.empty())
    std::tie(last_r, first_r) = split_name(full_r);
  if (!last_r.empty()) set_property(p, canon::kLastNameReading, last_r);
  if (!first_r.empty()) set_property(p, canon::kFirstNameReading, first_r);
  put_email(p, c.ctx, c.col("email"), c.get("email"));
  put_text(p, canon::kCompanyName, c.get("company"));
  put_text(p, canon::kDepartment, c.get("department"));
  put_text(p, canon::kTitle, c.get("title"));
  for (const char* f : {"tel", "tel_direct", "tel_dept"}) {
    if (!find_property(p, canon::kPhone)) put_phone(p, c.ctx, canon::kPhone, c.col(f), c.get(f));
  }
  put_phone(p, c.ctx, canon::kMobile, c.col("mobile"), c.get("mobile"));
  put_website(p, c.get("url"));
  put_text(p, canon::kPostalCode, c.get("postal_code"));
  put_text(p, "address", c.get("address"));
  put_text(p, canon::kPrefecture, c.get("prefecture"));
  put_text(p, canon::kCity, c.get("city"));
  put_corporate_number(p, c.ctx, c.col("corporate_number"), c.get("corporate_number"));
  std::string owner = clean_text(c.get("owner"));
  if (owner.empty()) owner = clean_text(c.get("owner_user_id"));
  if (!owner.empty()) set_property(p, canon::kCardOwner, owner);
  if (auto b = parse_bool(c.get("eight_connected")))
    set_property(p, "eight_connected", *b ? "true" : "false");
  put_tags(p, c.get("tags"));
  for (const auto& [i, prop] : c.m.passthrough()) {
    if (static_cast<size_t>(i) < c.r.fields.size())
      put_text(p, prop, c.r.fields[static_cast<size_t>(i)]);
  }
  return p;
}

Event card_event(const Card& c, std::string_view type, const SourceRef& subject,
                 const ParsedTime& when) {
  Event e = c.ctx.make_event(type);
  e.subject = subject;
  e.source_record_id = subject.id;
  e.occurred_at_ms = when.utc_ms;
  e.original_tz = original_tz(when, c.ctx.default_offset_minutes);
  return e;
}

void emit_card(const Card& c) {
  Properties props = card_properties(c);
  std::string id = clean_text(c.get("card_id"));
  const std::string* name = find_property(props, canon::kFullName);
  const std::string* email = find_property(props, canon::kEmail);
  const std::string* company = find_property(props, canon::kCompanyName);
  if (id.empty()) {
    if (!name && !email) {
      c.ctx.drop("", "no card id, name or e-mail", c.r.joined());
      return;
    }
    id = fallback_id({name ? text::normalize_person_name(*name) : "", email ? *email : "",
                      company ? text::normalize_company_name(*company) : ""});
  }
  SourceRef subject{c.ctx.source, EntityKind::kContact, id};
  std::string date_field =
      clean_text(c.get("exchange_date")).empty() ? "registered" : "exchange_date";
  std::string_view date_raw = c.get(date_field);
  if (clean_text(date_raw).empty()) {
    c.ctx.drop(c.col("exchange_date"), "no exchange date", c.r.joined());
    return;
  }
  auto when = parse_time(date_raw, c.ctx.default_offset_minutes);
  if (!when) {
    c.ctx.drop(c.col(date_field), "unparseable date", date_raw);
    return;
  }
  Event e = card_event(c, canon::kCardExchanged, subject, *when);
  e.idempotency_key = make_idempotency_key(
      {c.ctx.source, "card", id, std::to_string(when->utc_ms), c.r.joined('\x1f')});
  std::string_view moved = c.get("transfer_date");
  std::string_view resigned = c.get("resigned");
  if (clean_text(moved).empty() && clean_text(resigned).empty()) {
    e.properties = std::move(props);  // no later event of this card reads them
    c.ctx.sink->on_event(std::move(e));
    return;
  }
  e.properties = props;
  c.ctx.sink->on_event(std::move(e));

  if (!clean_text(moved).empty()) {
    if (auto t = parse_time(moved, c.ctx.default_offset_minutes)) {
      Event j = card_event(c, canon::kJobChanged, subject, *t);
      j.idempotency_key =
          make_idempotency_key({c.ctx.source, "job_changed", id, std::to_string(t->utc_ms)});
      for (auto key : {canon::kCompanyName, canon::kDepartment, canon::kTitle, canon::kEmail}) {
        if (const std::string* v = find_property(props, key)) set_property(j.properties, key, *v);
      }
      c.ctx.sink->on_event(std::move(j));
    } else {
      c.ctx.note(c.col("transfer_date"), "unparseable date", moved);
    }
  }
  if (!clean_text(resigned).empty()) {
    std::optional<bool> b = parse_bool(resigned);
    if (!b) {
      c.ctx.note(c.col("resigned"), "not a boolean", resigned);
    } else if (*b) {
      auto t = parse_time(c.get("updated"), c.ctx.default_offset_minutes);
      if (!t) t = parse_time(moved, c.ctx.default_offset_minutes);
      Event x = card_event(c, canon::kContactResigned, subject, t ? *t : *when);
      x.idempotency_key = make_idempotency_key({c.ctx.source, "resigned", id});
      if (company) set_property(x.properties, canon::kCompanyName, *company);
      c.ctx.sink->on_event(std::move(x));
    }
  }
}

}  // namespace

Status read_cards_csv(SourceKind kind, std::unique_ptr<ByteSource> raw, const std::string& file,
                      const ConnectorOptions& options, EventSink& sink) {
  CsvReader reader(utf8_decoding_source(std::move(raw)));
  RowContext ctx = make_row_context(kind, options, file, sink);
  REVARCH_ASSIGN_OR_RETURN(auto header, find_header(reader, card_aliases(), 3));
  if (!header) {
    return Status(ErrorCode::kParse, "no business-card header row (会社名, 氏名 / 姓, ...) found",
                  SourceLocation{ctx.file});
  }
  ColumnMap map(header->fields, card_aliases(), options.column_overrides);
  return for_each_data_row(reader, *header, map.width(), ctx, [&](const CsvRecord& rec) {
    emit_card(Card{map, rec, ctx});
  });
}

}  // namespace revarch::connectors
