// Internal to the export library: the writers of the JSON and XML formats
// and helpers shared with the tabular writers in export.cc.
#pragma once

#include <ostream>
#include <string>

#include "base/civil_date.h"
#include "export/export.h"

namespace annals::exports {

// A GeoNames city's first-level division, from data/gazetteer/
// geonames-cities.tsv (loaded once).
struct CityInfo {
  std::string country2;     // ISO alpha-2
  std::string admin1_code;  // GeoNames admin1 code ("07", "CA")
  std::string admin1_name;  // "Kharkiv"
};
// The city of a gazetteer id "geonames:<id>", or nullptr.
const CityInfo* FindCity(const std::string& gazetteer_id);

// The event's date as a full civil date (partial dates: the first day).
CivilDate EventDate(const EventRow& r);
// Only the digits of an ISO date/time ("2025-08-19" -> "20250819").
std::string Digits(const std::string& iso);
// cameo_name from the stored contract record.
std::string CameoName(const EventRow& r);
std::string Tsv(std::string s);

Status WritePlover(Store& store, const EventFilter& filter, const ExportInfo& info, std::ostream& out,
                   ExportStats* stats);
Status WriteGeoJson(Store& store, const EventFilter& filter, const ExportInfo& info, std::ostream& out,
                    ExportStats* stats);
// GraphML (gexf = false) or GEXF 1.3 (gexf = true).
Status WriteGraph(Store& store, const EventFilter& filter, const ExportInfo& info, bool gexf, std::ostream& out,
                  ExportStats* stats);

}  // namespace annals::exports
