// The dateline's place in the gazetteer: "KYIV, Ukraine" -> Kyiv (UKR).
//
// The text stage finds the dateline by its shape only (it has no gazetteer);
// this function, called by the actors stage, resolves Dateline::place. The
// head of the place (up to the first ',', '[' or '/') is looked up, ranked
// with the qualifier written after it ("Paris, Texas", "New Delhi [India]")
// and the countries of the document's places, and the best-ranked city is
// taken if there is one (a dateline names where the story was filed: "KYIV"
// is the city, not the region of the same name); when the whole head is not
// known, its longest known prefix is ("VATICAN CITY" -> the Holy See). A
// place the gazetteer does not know ("UNITED NATIONS") gives nothing.
//
// The Place's span is Dateline::place; token and sentence fields are 0, as
// the dateline lies outside every sentence. Thread-safe (pure function).
#pragma once

#include <optional>

#include "actors/gazetteer.h"
#include "annals/document.h"

namespace annals {

// Reads doc.dateline, doc.text and doc.places (for context).
std::optional<Place> ResolveDatelinePlace(const Gazetteer& gazetteer, const Document& doc);

}  // namespace annals
