#pragma once
// Identifiers with a check: the Japanese corporate number (法人番号) and Salesforce record ids.
// Pure functions; thread-safe.

#include <optional>
#include <string>
#include <string_view>

namespace revarch::text {

/// Check digit of a 12-digit base number: 9 - (sum of Pn*Qn mod 9), Pn the n-th digit from the
/// right, Qn = 1 for odd n and 2 for even n. -1 when `base12` is not exactly 12 ASCII digits.
int corporate_number_check_digit(std::string_view base12);

/// True when `s` is exactly 13 ASCII digits whose first digit is the check digit of the rest.
bool is_valid_corporate_number(std::string_view s);

/// normalize_text (full-width digits, dash variants), hyphens and spaces removed, then
/// validated; the 13 digits or nullopt.
std::optional<std::string> normalize_corporate_number(std::string_view s);

/// The 18-character form of a Salesforce id. A 15-character id gets its checksum suffix; an
/// 18-character id is returned when its suffix matches (case-insensitively, as Salesforce does)
/// its first 15 characters, otherwise nullopt. nullopt for any other length or non-alphanumerics.
/// Case-sensitive: "006q000000Hddoh" and "006Q000000HDDOH" are different records.
std::optional<std::string> salesforce_id18(std::string_view id);

/// True when salesforce_id18(id) has a value.
bool is_salesforce_id(std::string_view id);

/// The 3-character key prefix naming the object ("001" Account, "003" Contact, "00Q" Lead,
/// "006" Opportunity, "005" User, "00T" Task, "00U" Event); a view into `id`, empty when `id` is
/// shorter than 3 characters.
std::string_view salesforce_key_prefix(std::string_view id);

}  // namespace revarch::text
