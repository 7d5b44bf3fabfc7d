#pragma once
// Ground truth: which source record is which true person, company or deal. Each writer records
// the records it writes into its own part files (truth/parts/<writer>-*.csv); when every writer
// is done, merge_truth() concatenates the parts, in a fixed order, into truth/people.csv,
// truth/companies.csv and truth/deals.csv. Not thread-safe; one TruthParts per writer.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "demo/output.h"

namespace revarch::demo {

std::string person_truth_id(uint32_t person);    // "P0000042"
std::string company_truth_id(uint32_t company);  // "C000042"
std::string deal_truth_id(uint32_t deal);        // "D000042"

class TruthParts {
 public:
  /// Opens truth/parts/<writer>-{people,companies,deals}.csv under `root`.
  static Result<std::unique_ptr<TruthParts>> open(const std::filesystem::path& root,
                                                  std::string_view writer);
  void person(std::string_view source, std::string_view type, std::string_view id, uint32_t p);
  void company(std::string_view source, std::string_view type, std::string_view id, uint32_t c);
  void deal(std::string_view source, std::string_view type, std::string_view id, uint32_t d);
  /// Closes the part files. kIo on failure.
  Status close();

 private:
  std::unique_ptr<CsvWriter> people_, companies_, deals_;
};

/// Concatenates the parts of `writers` (in this order) under headers
/// `source,record_type,source_record_id,<person_id|company_id|deal_id>`, removes the parts, and
/// returns the three files' stats.
Result<std::vector<FileStats>> merge_truth(const std::filesystem::path& root,
                                           const std::vector<std::string>& writers);

}  // namespace revarch::demo
