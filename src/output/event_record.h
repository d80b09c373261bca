// The output contract: Events, Quotes and document furniture as JSON records.
//
// This is the one place that turns the document model into the records
// described in docs/events.md and validated by docs/schema/*.schema.json.
// Field order is fixed (ordered JSON) so that output diffs cleanly. The
// record version, kRecordVersion, changes whenever a field is renamed,
// removed or changes meaning; adding an optional field bumps the minor part.
//
// Thread-safe: pure functions of their arguments.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "annals/document.h"

namespace annals {

class Ontology;

inline constexpr const char* kRecordVersion = "1.0";

// Stable id of an event: the same document, sentence, span, actors and code
// give the same id on every run and machine.
std::string EventId(const Document& doc, const Event& event);

// The event's date_precision as the record states it: the stage's value,
// "document" when the event took the document's date, and "undated" when
// that date was only the day an undated document was read (doc.undated).
std::string EventDatePrecision(const Document& doc, const Event& event);

// The event record (kind "event"). Goldstein, QuadClass and PLOVER come
// from `ontology` (its goldstein_table() is named in the record).
nlohmann::ordered_json EventRecord(const Document& doc, const Event& event, const Ontology& ontology);

// A quote record (kind "quote").
nlohmann::ordered_json QuoteRecord(const Document& doc, const Quote& quote, size_t index);

// The document's furniture (kind "furniture"): its headline, byline,
// dateline, credit, caption and timestamp items, the dateline's parts and
// the dateline's place in the gazetteer. One record per document.
nlohmann::ordered_json FurnitureRecord(const Document& doc);

// The parts of an event every JSON writer of one shares -- the contract
// record above and the store's summaries of stored events
// (src/store/event_json.h) -- so field names and order have one owner.
// Each writer appends its own fields after these (the record an actor's span
// and dictionary entry, a place's feature and span, PLOVER's context).
struct ActorFields {
  std::string_view text, name, code, country, sector, type;
  // What the code stands for ("Russia (government)"): written after `code`
  // when given (the store's summaries), absent from the contract record.
  const std::string* code_name = nullptr;
};
// {text, name, code, [code_name,] country, sector, type}
nlohmann::ordered_json ActorFieldsJson(const ActorFields& actor);
// {text, name, code}: who said it (the record adds the country).
nlohmann::ordered_json SpeakerFieldsJson(std::string_view text, std::string_view name, std::string_view code);
// Appends name, country, lat, lon, gazetteer_id to the place object *j.
void AppendPlaceFields(nlohmann::ordered_json* j, std::string_view name, std::string_view country, double lat,
                       double lon, std::string_view gazetteer_id);
// Appends cameo, cameo_name, goldstein, [goldstein_table,] quad_class and
// plover {type, mode} (null when empty) to the event object *j;
// goldstein_table only when given (the contract record names its table).
void AppendCodeFields(nlohmann::ordered_json* j, std::string_view cameo, std::string_view cameo_name,
                      double goldstein, const std::string* goldstein_table, int quad_class,
                      std::string_view plover_type, std::string_view plover_mode);

// One line of JSON Lines (no trailing newline). Invalid UTF-8 cannot occur
// (the text stage repaired it) but is replaced rather than thrown on.
std::string ToJsonLine(const nlohmann::ordered_json& record);

}  // namespace annals
