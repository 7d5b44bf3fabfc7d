#pragma once
// Canonical names shared by connectors (which write them), identity resolution and the
// lifecycle engine (which read them). docs/event-schema.md documents each with examples.

#include <string_view>

namespace revarch::canon {

// ---- Event types ------------------------------------------------------------------------
// A snapshot of a source record (a CSV row, an API object): properties hold its fields.
inline constexpr std::string_view kRecordUpsert = "record.upsert";
// One property changed (webhooks): properties {property, value, previous?}.
inline constexpr std::string_view kPropertyChanged = "record.property_changed";
inline constexpr std::string_view kRecordMerged = "record.merged";  // related = merged ids
inline constexpr std::string_view kRecordDeleted = "record.deleted";
inline constexpr std::string_view kAssociationChanged = "record.association_changed";
// The source's own lifecycle / deal stage moved: properties {stage, previous_stage?, pipeline?}.
inline constexpr std::string_view kLifecycleChanged = "lifecycle.changed";  // HubSpot contact stage
inline constexpr std::string_view kDealStageChanged = "deal.stage_changed";  // SF history, HubSpot
inline constexpr std::string_view kLeadConverted = "lead.converted";         // SF lead conversion
// Relationship and engagement activities (the Japan signals).
inline constexpr std::string_view kCardExchanged = "card.exchanged";    // Sansan / Eight
inline constexpr std::string_view kJobChanged = "contact.job_changed";  // card at a new company
inline constexpr std::string_view kContactResigned = "contact.resigned";
inline constexpr std::string_view kMeeting = "activity.meeting";  // SF Event
inline constexpr std::string_view kTask = "activity.task";        // SF Task (call, email)
inline constexpr std::string_view kFormSubmitted = "web.form_submitted";
inline constexpr std::string_view kPageView = "web.page_view";
inline constexpr std::string_view kWebEvent = "web.event";  // other GA4 events
inline constexpr std::string_view kSessionStarted = "web.session_started";

// ---- Property keys ----------------------------------------------------------------------
// People.
inline constexpr std::string_view kEmail = "email";
inline constexpr std::string_view kFirstName = "first_name";
inline constexpr std::string_view kLastName = "last_name";
inline constexpr std::string_view kFullName = "full_name";
inline constexpr std::string_view kFirstNameReading = "first_name_reading";  // kana
inline constexpr std::string_view kLastNameReading = "last_name_reading";
inline constexpr std::string_view kTitle = "title";
inline constexpr std::string_view kDepartment = "department";
inline constexpr std::string_view kPhone = "phone";  // E.164 when it could be normalised
inline constexpr std::string_view kMobile = "mobile";
// Companies.
inline constexpr std::string_view kCompanyName = "company_name";
inline constexpr std::string_view kCorporateNumber = "corporate_number";  // 13 digits
inline constexpr std::string_view kDomain = "domain";  // lower-case host, no "www."
inline constexpr std::string_view kWebsite = "website";
inline constexpr std::string_view kEmployees = "employees";
inline constexpr std::string_view kAnnualRevenue = "annual_revenue";
inline constexpr std::string_view kIndustry = "industry";
inline constexpr std::string_view kCountry = "country";
inline constexpr std::string_view kPrefecture = "prefecture";
inline constexpr std::string_view kCity = "city";
inline constexpr std::string_view kPostalCode = "postal_code";
// CRM state.
inline constexpr std::string_view kLifecycleStage = "lifecycle_stage";  // source's own value
inline constexpr std::string_view kLeadStatus = "lead_status";
inline constexpr std::string_view kOwnerId = "owner_id";
inline constexpr std::string_view kOriginalSource = "original_source";  // channel
inline constexpr std::string_view kCreatedAt = "created_at";            // ISO-8601 UTC
inline constexpr std::string_view kUpdatedAt = "updated_at";
// Deals.
inline constexpr std::string_view kDealName = "deal_name";
inline constexpr std::string_view kStage = "stage";
inline constexpr std::string_view kPreviousStage = "previous_stage";
inline constexpr std::string_view kPipeline = "pipeline";
inline constexpr std::string_view kAmount = "amount";
inline constexpr std::string_view kCurrency = "currency";
inline constexpr std::string_view kCloseDate = "close_date";     // YYYY-MM-DD
inline constexpr std::string_view kProbability = "probability";  // 0..1
inline constexpr std::string_view kIsClosed = "is_closed";       // "true" / "false"
inline constexpr std::string_view kIsWon = "is_won";
inline constexpr std::string_view kDealType = "deal_type";  // new, expansion, renewal
// Activities.
inline constexpr std::string_view kSubjectText = "subject";
inline constexpr std::string_view kChannel = "channel";  // seminar, trade_show, referral, ...
inline constexpr std::string_view kCampaign = "campaign";
inline constexpr std::string_view kPageLocation = "page_location";
inline constexpr std::string_view kEventName = "event_name";
inline constexpr std::string_view kSessionId = "session_id";
inline constexpr std::string_view kCardOwner = "card_owner";  // who on our side exchanged
// A card's tags as the user wrote them, joined with "; " (Sansan タグ: "展示会2024; 紹介").
inline constexpr std::string_view kTags = "tags";
// The company the person worked for before a job change.
inline constexpr std::string_view kPreviousCompanyName = "previous_company_name";

}  // namespace revarch::canon
