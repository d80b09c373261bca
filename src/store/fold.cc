// The folding rule (fold.h, docs/store.md "Folding").
#include "store/fold.h"

#include <algorithm>
#include <cctype>
#include <numeric>

#include "base/civil_date.h"
#include "time/timex.h"

namespace annals {

std::string FoldActorKey(const std::string& code, const std::string& name, bool present) {
  if (!present) return "-";
  if (!code.empty()) return code;
  std::string key = "name:";
  for (char c : name) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

std::string FoldKey(const std::string& source_key, const std::string& target_key, const std::string& cameo) {
  return source_key + "|" + target_key + "|" + cameo.substr(0, 2);
}

namespace {

struct Open {
  int64_t first_day = 0;
  std::string place_id;
  std::string place_country;
  bool place_is_country = false;
  std::vector<size_t> members;
};

// Rule 3: no location on either side, the same place, or a country and a
// place inside it.
bool PlacesAgree(const Open& g, const FoldInput& r) {
  if (g.place_id.empty() || r.place_id.empty()) return true;
  if (g.place_id == r.place_id) return true;
  if ((g.place_is_country || r.place_is_country) && !g.place_country.empty() &&
      g.place_country == r.place_country) {
    return true;
  }
  return false;
}

}  // namespace

std::vector<std::vector<size_t>> FoldGroup(const std::vector<FoldInput>& records, const FoldOptions& options) {
  std::vector<size_t> order(records.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (records[a].day != records[b].day) return records[a].day < records[b].day;
    if (records[a].id != records[b].id) return records[a].id < records[b].id;
    return records[a].event_pk < records[b].event_pk;
  });
  std::vector<Open> groups;
  size_t first_open = 0;  // groups before this one are past the tolerance
  for (size_t i : order) {
    const FoldInput& r = records[i];
    while (first_open < groups.size() && r.day - groups[first_open].first_day > options.day_tolerance) ++first_open;
    Open* chosen = nullptr;
    for (size_t g = first_open; g < groups.size(); ++g) {
      if (r.day - groups[g].first_day <= options.day_tolerance && PlacesAgree(groups[g], r)) {
        chosen = &groups[g];
        break;
      }
    }
    if (chosen == nullptr) {
      groups.emplace_back();
      chosen = &groups.back();
      chosen->first_day = r.day;
    }
    // A folded event takes the most specific location among its members:
    // the first city-level place, else the first country.
    if (!r.place_id.empty() && (chosen->place_id.empty() || (chosen->place_is_country && !r.place_is_country))) {
      chosen->place_id = r.place_id;
      chosen->place_country = r.place_country;
      chosen->place_is_country = r.place_is_country;
    }
    chosen->members.push_back(i);
  }
  std::vector<std::vector<size_t>> out;
  out.reserve(groups.size());
  for (Open& g : groups) out.push_back(std::move(g.members));
  return out;
}

bool DayOfIsoDate(const std::string& date, int64_t* day) {
  // The time stage's own reading of its values (weeks, quarters, seasons).
  const std::optional<timex::TimexAnchor> a = timex::AnchorOf(date);
  if (!a) return false;
  *day = DaysFromCivil(a->first_day);
  return true;
}

bool DayRange(const std::string& date, int64_t* first, int64_t* last) {
  // Filters take plain ISO dates only: a typo must not read as a season.
  const bool shape = date.size() == 4 || (date.size() == 7 && date[4] == '-' && std::isdigit(date[5])) ||
                     (date.size() == 10 && date[4] == '-' && date[7] == '-');
  if (!shape || !DayOfIsoDate(date, first)) return false;
  for (char c : date) {
    if (c != '-' && !std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  if (date.size() == 10) {
    if (!ParseIsoDate(date)) return false;
    *last = *first;
  } else if (date.size() == 7) {
    const CivilDate d = CivilFromDays(*first);
    *last = *first + DaysInMonth(d.year, d.month) - 1;
  } else {
    const CivilDate d = CivilFromDays(*first);
    *last = DaysFromCivil(CivilDate{d.year, 12, 31});
  }
  return true;
}

}  // namespace annals
