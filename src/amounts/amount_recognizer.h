// Money, casualty, arrest, displacement and crowd-size amounts in text.
//
// Forms recognised (docs/amounts.md has the full list):
//   money      $8bn, US$5 million, C$2m, €50 million, £1.2m, USD 300,
//              100 billion dollars, 2.5 trillion yen, five million euros,
//              billions of dollars (approximate)
//   killed     five people killed, 40 were killed, killing at least 12,
//              the death toll rose to 30, 3 dead, 12 soldiers died
//   wounded    40 wounded, injuring 15 people, 7 civilians were hurt
//   arrested   police arrested 200 protesters, 35 people were detained
//   displaced  10,000 people displaced, forcing 500 families to flee
//   crowd      thousands of protesters, a crowd of 5,000, 20,000 people
//              marched
// Numbers may be digits or words ("two dozen", "a hundred"). Modifiers
// (about, at least, more than, nearly, an estimated) and vague plurals
// ("dozens", "thousands" = the smallest value the plural allows: 24, 2000)
// set Amount::approximate. Values above 1e18 or not finite are ignored.
//
// Thread-safe: Find() is const and keeps no state; the table must outlive
// the recogniser.
#pragma once

#include "amounts/currency_table.h"
#include "annals/document.h"

namespace annals {

class AmountRecognizer {
 public:
  explicit AmountRecognizer(const CurrencyTable* table) : table_(table) {}
  // Replaces doc->amounts. Requires sentences and tokens.
  void Find(Document* doc) const;

 private:
  const CurrencyTable* table_;
};

// PLOVER event-record field for an amount kind (PLOVER manual, table 6.4
// "size": dead, injured, arrested; "size" for crowd participants as the
// manual suggests for protest coders; "displaced" as an added field).
const char* PloverSizeField(std::string_view kind);

}  // namespace annals
