#include "demo/truth.h"

#include <fmt/format.h>

#include <fstream>

namespace revarch::demo {

std::string person_truth_id(uint32_t person) {
  return fmt::format("P{:07d}", person);
}
std::string company_truth_id(uint32_t company) {
  return fmt::format("C{:06d}", company);
}
std::string deal_truth_id(uint32_t deal) {
  return fmt::format("D{:06d}", deal);
}

Result<std::unique_ptr<TruthParts>> TruthParts::open(const std::filesystem::path& root,
                                                     std::string_view writer) {
  auto t = std::make_unique<TruthParts>();
  auto open_one = [&](std::string_view what) {
    return CsvWriter::open(root, fmt::format("truth/parts/{}-{}.csv", writer, what),
                           Encoding::kUtf8, Quoting::kMinimal, "\n");
  };
  REVARCH_ASSIGN_OR_RETURN(t->people_, open_one("people"));
  REVARCH_ASSIGN_OR_RETURN(t->companies_, open_one("companies"));
  REVARCH_ASSIGN_OR_RETURN(t->deals_, open_one("deals"));
  return t;
}

void TruthParts::person(std::string_view source, std::string_view type, std::string_view id,
                        uint32_t p) {
  people_->field(source).field(type).field(id).field(person_truth_id(p)).end_row();
}
void TruthParts::company(std::string_view source, std::string_view type, std::string_view id,
                         uint32_t c) {
  companies_->field(source).field(type).field(id).field(company_truth_id(c)).end_row();
}
void TruthParts::deal(std::string_view source, std::string_view type, std::string_view id,
                      uint32_t d) {
  deals_->field(source).field(type).field(id).field(deal_truth_id(d)).end_row();
}

Status TruthParts::close() {
  for (auto* w : {&people_, &companies_, &deals_}) {
    Result<FileStats> r = (*w)->close();
    if (!r.is_ok()) return r.status();
  }
  return Status::ok();
}

Result<std::vector<FileStats>> merge_truth(const std::filesystem::path& root,
                                           const std::vector<std::string>& writers) {
  std::vector<FileStats> out;
  struct Kind {
    std::string_view name, id_column;
  };
  for (Kind k :
       {Kind{"people", "person_id"}, Kind{"companies", "company_id"}, Kind{"deals", "deal_id"}}) {
    const std::string rel = fmt::format("truth/{}.csv", k.name);
    std::ofstream dst(root / rel, std::ios::binary);
    const std::string header = fmt::format("source,record_type,source_record_id,{}\n", k.id_column);
    dst << header;
    FileStats st{rel, 0, header.size()};
    for (const auto& w : writers) {
      const auto part = root / fmt::format("truth/parts/{}-{}.csv", w, k.name);
      std::ifstream src(part, std::ios::binary);
      std::string line;
      while (std::getline(src, line)) {
        dst << line << '\n';
        ++st.rows;
        st.bytes += line.size() + 1;
      }
      src.close();
      std::filesystem::remove(part);
    }
    if (!dst.good()) return Status(ErrorCode::kIo, "failed to write " + rel);
    out.push_back(std::move(st));
  }
  std::error_code ec;
  std::filesystem::remove(root / "truth/parts", ec);
  return out;
}

}  // namespace revarch::demo
