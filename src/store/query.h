// Reading events back out of the store: filters shared by `annals query`,
// `annals stats` and `annals export`, and one row shape for all of them.
//
// By default rows are folded events (one per real-world event, with mention
// counts; the row's document, sentence and record are those of its
// representative mention). EventFilter::folded = false gives the raw
// records, one per coded sentence (the --no-fold view).
//
// Filters combine with AND. Actor specs: a CAMEO actor code prefix, any
// case ("RUS" and "rus" match "RUSGOV"), when some stored actor code starts
// with it; else a case-insensitive substring of the actor's name ("Putin").
// Dates accept "YYYY", "YYYY-MM" or "YYYY-MM-DD": `from` takes the first day
// of the period, `to` the last; an event dated to a week, month or year is
// filtered by the first day of its period.
//
// Modalities. By default only the events that happened are read:
// kHappenedModalities, "asserted" and "reported" (a hedged attribution of a
// real event: "reportedly", "according to"). Planned, hypothetical and
// negated events did not happen; historical ones are background recalled
// from before the article (counting them would count the same past event
// again in every article that recalls it, dated by the article). An empty
// list reads every modality. docs/exports.md gives the reasons.
//
// Filters reject what they cannot match (InvalidArgument, one line naming
// the option and the value): unknown country codes (two-letter FIPS/ISO
// codes are explained, not guessed), unknown sectors, PLOVER types (old
// PLOVER/CAMEO names are named with their current type), CAMEO prefixes,
// modalities, documents, actors that match no stored code or name, bad
// dates and FTS5 syntax errors. All values are bound as SQL parameters; name
// substrings match literally ('%' and '_' are not wildcards).
//
// Thread-safety: functions use the Store's connection; one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "annals/status.h"
#include "store/store.h"

namespace annals {

// The modalities of events that happened: the default of every filter.
const std::vector<std::string>& HappenedModalities();
// Every modality, in docs/events.md order.
const std::vector<std::string>& AllModalities();
// "asserted,reported" or "all" -> the list for EventFilter::modalities
// ("all" -> empty); InvalidArgument for an unknown modality.
Result<std::vector<std::string>> ParseModalities(const std::string& spec);
// How outputs state which modalities they count: "asserted, reported" or
// "all".
std::string ModalityDescription(const std::vector<std::string>& modalities);

// Row order of ForEachEvent: by event date (then id), either way; by
// Goldstein score either way (then date, id); most mentioned first (folded
// events; raw records all have one mention, so by date).
enum class EventSort { kDate, kDateDesc, kGoldstein, kGoldsteinDesc, kMentionsDesc };
// "date", "-date", "goldstein", "-goldstein", "-mentions"; InvalidArgument
// naming the accepted values otherwise.
Result<EventSort> ParseEventSort(const std::string& name);

struct EventFilter {
  std::string id;                // one event: folded id (folded) or raw event id
  std::string from, to;          // event date range (inclusive)
  std::string actor;             // either side: code prefix or name
  std::string actor_country;     // either side: ISO/CAMEO country code
  std::string actor_sector;      // either side: CAMEO sector ("GOV", "MIL")
  std::string source, target;    // dyad sides (code prefix or name)
  bool undirected = false;       // dyad matches A->B and B->A
  std::string cameo;             // CAMEO code prefix ("19", "042")
  std::string plover;            // PLOVER type ("ASSAULT")
  std::vector<std::string> modalities = HappenedModalities();  // empty = all
  std::string speaker;           // attributed speaker: code prefix or name
  int quad_class = 0;            // 1..4, 0 = any
  std::string place;             // location name (substring) or gazetteer id
  std::string country;           // location country (ISO alpha-3)
  std::string text;              // FTS5 query over the event's sentence
  std::string doc;               // document id
  bool folded = true;
  // Counts and aggregates (stats.h, CountEvents) read the summary tables
  // when every filter set is one a summary keeps (docs/store.md); false
  // reads the event table whatever the filter. The answers are the same.
  bool summaries = true;
  EventSort sort = EventSort::kDate;
  size_t limit = 0;              // 0 = no limit
  size_t offset = 0;             // rows skipped before the first returned
};

struct ActorCols {
  bool present = false;
  std::string text, name, code, country, sector, type;
  // What the code stands for (Vocabulary::CodeName): "Russia (government)"
  // for RUSGOV, whoever the actor of this event was; else the actor's name.
  std::string code_name;
  // code, else name, else "" (used as the actor's label in tables/graphs).
  std::string Label() const { return !code.empty() ? code : name; }
};

struct EventRow {
  bool folded = true;
  std::string id;            // folded id or raw event id
  int64_t event_pk = 0;      // raw record, or the folded event's representative
  std::string date, date_end, date_precision;
  ActorCols source, target;
  std::string cameo, cameo_root, cameo_name;
  int quad_class = 0;
  double goldstein = 0;
  std::string plover_type, plover_mode, modality;
  double confidence = 0;
  bool has_location = false;
  std::string location_name, location_country, gazetteer_id, location_feature;
  double lat = 0, lon = 0;
  std::string speaker_text, speaker_name, speaker_code;  // attribution, if any
  int64_t mentions = 1, documents = 1, sources = 1;
  // The (representative) mention.
  std::string doc_id, doc_source, doc_url, doc_date, doc_title, coded_by, ingested_at;
  int64_t sentence = 0, span_begin = 0, span_end = 0;
  std::string sentence_text;
  int64_t sentence_begin = 0;  // byte offset of the sentence in the document
  std::string record;          // the contract JSON record (output/event_record.h)
};

// One raw record of a folded event (GDELT mentions, folded JSON).
struct MentionRow {
  std::string event_id, doc_id, doc_source, doc_url, doc_date;
  int64_t sentence = 0, span_begin = 0, span_end = 0, doc_length = 0;
  int64_t source_begin = -1, target_begin = -1, trigger_begin = -1;
  std::string modality;
  double confidence = 0;
  std::string record;
  std::string doc_title, sentence_text;
};

// Calls `row` for each matching event in filter.sort order (by default
// (date, id)), skipping filter.offset rows and returning at most
// filter.limit; stops at the first non-OK status `row` returns (and returns
// it).
Status ForEachEvent(Store& store, const EventFilter& filter, const std::function<Status(const EventRow&)>& row);
// The number of events matching `filter` (limit and offset ignored).
Result<int64_t> CountEvents(Store& store, const EventFilter& filter);
// The raw records folded into folded event `fold_id`, in (date, id) order.
Status ForEachMention(Store& store, const std::string& fold_id, const std::function<Status(const MentionRow&)>& row);

// The WHERE clause for `filter` over a table aliased `e` (events or
// folded_events), with its parameters in order, after checking every value
// against the vocabulary and the store (see "Filters reject" above).
struct SqlWhere {
  std::string sql;  // "" or " WHERE ..."
  std::vector<std::string> params;
};
Result<SqlWhere> BuildWhere(Store& store, const EventFilter& filter);

// Where a count or aggregate over `filter` reads its rows: the event table
// (one row per event) or a summary table (one row per group of events with
// their number and Goldstein sum), with the SQL to use in its place.
enum class SummaryNeed {
  kAny,    // only the number of events and their Goldstein sum
  kDays,   // also day, modality, quad_class, cameo, cameo_root, plover_type
  kDyads,  // also the actor columns (code, name, country of either side),
           // day, day_last and modality
  kPlaces,  // located events only (lat set): day, modality, quad_class and
            // the location columns
  kDyadTotals,  // the actor columns and modality, no day: a summary per
                // dyad (summary_dyad_totals) when the filter sets no date,
                // else as kDyads
};
struct AggregateSource {
  bool summary = false;   // a summary table answers
  std::string table;      // "folded_events", "events", "summary_days", ...
  std::string count;      // the number of events of a group: "count(*)"
  std::string goldstein;  // their Goldstein sum: "sum(e.goldstein)"
  std::string last_day;   // the last day of a group's events ("" for
                          // summary_dyad_totals, which keeps no day)
  SqlWhere where;         // the filter over `table` aliased e
};
Result<AggregateSource> AggregateFrom(Store& store, const EventFilter& filter, SummaryNeed need);


}  // namespace annals

namespace annals {

// One marked stretch of an event's evidence, in document byte offsets:
// kind "source", "target", "trigger", "place" or "amount", from the stored
// contract record (actor spans, evidence.trigger_spans, location.span,
// amounts[].span). Marks outside the event's sentence are left out.
struct EvidenceMark {
  std::string kind;
  int64_t begin = 0, end = 0;
};
std::vector<EvidenceMark> EvidenceMarks(const EventRow& row);

// The event's sentence with its actors and trigger marked:
// "[[Russia|source]] <<attacked>> [[Ukraine|target]] overnight." Spans come
// from the stored record; marks outside the sentence are ignored.
std::string MarkEvidence(const EventRow& row);

}  // namespace annals
