// Duplicate folding: which raw event records describe the same real-world
// event (GDELT's events/mentions split, done by content).
//
// The rule (docs/store.md, "Folding"). Two records fold together when
//   1. their fold key is equal: same source actor, same target actor (CAMEO
//      actor code; the lower-cased name for an actor without a code; "-" for
//      none), same CAMEO root (two digits, which fixes the PLOVER type), and,
//      unless FoldOptions::match_modality is false, the same modality (a
//      denied or planned meeting is not the meeting);
//   2. their event dates lie within FoldOptions::day_tolerance days of the
//      first (earliest) record of the folded event;
//   3. their locations agree: either has none, both name the same gazetteer
//      place, or one is a whole country and the other lies in it.
// Records of one key are taken in (day, id) order; each joins the first open
// folded event it agrees with, else starts a new one. The result depends only
// on the set of records, never on the order they were ingested in, so a
// re-run or a resumed ingest folds identically.
//
// Thread-safe: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace annals {

struct FoldOptions {
  int day_tolerance = 1;       // days after the first record still folded
  bool match_modality = true;  // modality is part of the key
};

// What folding needs of one raw record.
struct FoldInput {
  int64_t event_pk = 0;
  std::string id;          // event id (stable)
  int64_t day = 0;         // days since 1970-01-01 of the event date
  std::string place_id;    // gazetteer id, "" if no location
  std::string place_country;
  bool place_is_country = false;
};

// Actor part of a fold key.
std::string FoldActorKey(const std::string& code, const std::string& name, bool present);
// The fold key of rule 1 without the modality ("source|target|root"); the
// store keeps modality in its own column and adds it to the grouping when
// FoldOptions::match_modality is set.
std::string FoldKey(const std::string& source_key, const std::string& target_key, const std::string& cameo);

// Groups records that share one fold key (rules 2 and 3). Returns, for each
// folded event, the indices into `records` of its members, the first being
// the earliest. `records` need not be sorted.
std::vector<std::vector<size_t>> FoldGroup(const std::vector<FoldInput>& records, const FoldOptions& options);

// Days since 1970-01-01 of the first day of an event date: a full ISO date
// ("2025-08-19", also with a time), or a partial one as the time stage
// writes it -- "2025-08" the 1st, "2025" 1 January, "2025-W36" (and
// "2025-W36-WE") the week's Monday, "2025-Q3"/"2025-H2" the first day of the
// quarter or half, "2025-SU" the first day of the season; false if
// unparsable. Events are stored, filtered and exported by this day.
bool DayOfIsoDate(const std::string& date, int64_t* day);

// First and last day of a full or partial ISO date as a filter reads it:
// "2025" is the year, "2025-08" the month, "2025-08-19" the day.
bool DayRange(const std::string& date, int64_t* first, int64_t* last);

}  // namespace annals
