// The actors stage's places over the shipped data (docs/places.md): the
// city before the division of its name, compass words before a country,
// division or region, named regions, exonyms and small towns, and ranking
// by the document's other places.
#include <gtest/gtest.h>

#include "actors/actors_stage.h"
#include "text/tokenizer.h"

namespace annals {
namespace {

class PlacesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Config config;
    config.data_dir = "data";
    Result<std::unique_ptr<Stage>> stage = CreateActorsStage(config);
    ASSERT_TRUE(stage.ok()) << stage.status().ToString();
    stage_ = stage->release();
  }
  static void TearDownTestSuite() {
    delete stage_;
    stage_ = nullptr;
  }
  static Document Run(const std::string& text) {
    Document doc;
    doc.id = "test";
    doc.text = text;
    doc.date = "2025-08-19";
    Tokenize(&doc);
    EXPECT_TRUE(stage_->Process(&doc).ok());
    return doc;
  }
  // The place whose text is `text`, or an empty one.
  static Place PlaceOf(const Document& doc, const std::string& text) {
    for (const Place& p : doc.places) {
      if (p.text == text) return p;
    }
    std::string all;
    for (const Place& p : doc.places) all += "[" + p.text + "]";
    ADD_FAILURE() << "no place '" << text << "' in " << all;
    return Place();
  }
  static Stage* stage_;
};

Stage* PlacesTest::stage_ = nullptr;

TEST_F(PlacesTest, TheCityNotTheDivisionOfItsName) {
  const Document doc = Run("Thousands of protesters marched in Tbilisi on Saturday.");
  EXPECT_EQ(PlaceOf(doc, "Tbilisi").gazetteer_id, "geonames:611717");
  EXPECT_EQ(PlaceOf(doc, "Tbilisi").feature, "city");
  const Document region = Run("Drones struck the Kharkiv region overnight, and Idlib province was shelled.");
  EXPECT_EQ(PlaceOf(region, "Kharkiv region").feature, "admin1");
  EXPECT_EQ(PlaceOf(region, "Idlib province").gazetteer_id, "iso3166-2:SY-ID");
}

TEST_F(PlacesTest, CompassWordsNameAPart) {
  const Document doc = Run(
      "Israeli strikes hit southern Lebanon and north-west Syria, while shelling continued in eastern Ukraine "
      "and in central Gaza.");
  const Place lebanon = PlaceOf(doc, "southern Lebanon");
  EXPECT_EQ(lebanon.gazetteer_id, "iso3166-1:LBN#south");
  EXPECT_EQ(lebanon.feature, "region");
  EXPECT_EQ(lebanon.country, "LBN");
  EXPECT_LT(lebanon.lat, 33.65);  // Tyre, Sidon, Nabatieh; not the country's centre
  EXPECT_EQ(PlaceOf(doc, "north-west Syria").gazetteer_id, "iso3166-1:SYR#north-west");
  EXPECT_EQ(PlaceOf(doc, "eastern Ukraine").name, "eastern Ukraine");
  EXPECT_EQ(PlaceOf(doc, "central Gaza").gazetteer_id, "geonames-admin1:PS.GZ#central");
  // "South Lebanon" is not South Lebanon, Ohio (4,000 people).
  EXPECT_EQ(PlaceOf(Run("Two soldiers were killed in South Lebanon."), "South Lebanon").gazetteer_id,
            "iso3166-1:LBN#south");
  // A country's name that starts with a compass word stays the country, and
  // a city's part is the city.
  EXPECT_EQ(PlaceOf(Run("Talks with South Korea resumed."), "South Korea").gazetteer_id, "iso3166-1:KOR");
  const Document beirut = Run("An air strike hit southern Beirut.");
  EXPECT_EQ(PlaceOf(beirut, "Beirut").gazetteer_id, "geonames:276781");
  EXPECT_EQ(beirut.places.size(), 1u);
}

// A comma before a compass word is not part of the place: "Sugapa, Central
// Papua" names the province, and ", southern Lebanon" was once the text of a
// place (NameKey drops the comma, so ", southern" read as a compass word).
TEST_F(PlacesTest, ACommaIsNoCompassWord) {
  const Document doc = Run("Soldiers clashed with rebels in Sugapa, Central Papua, and in Naqoura, southern Lebanon.");
  for (const Place& p : doc.places) EXPECT_NE(p.text.front(), ',') << p.text;
  EXPECT_EQ(PlaceOf(doc, "southern Lebanon").gazetteer_id, "iso3166-1:LBN#south");
}

// A name the tokenizer splits at its hyphen is found as written.
TEST_F(PlacesTest, HyphenatedNames) {
  const Document doc = Run("Nine people were killed in rebel attacks in Bamingui-Bangoran.");
  EXPECT_EQ(PlaceOf(doc, "Bamingui-Bangoran").gazetteer_id, "iso3166-2:CF-BB");
}

// Inside a longer capitalised name a city's or division's name is not the
// place: Kabul (city and province) in "New Kabul Bank" in Kunduz, Ode in
// "Oke-Ode", Aden (Yemen) in Mogadishu's "Aden Adde International Airport".
// A date word after it is no name ("in Kherson Monday").
TEST_F(PlacesTest, NoPlaceInsideALongerName) {
  const Document doc = Run(
      "A suicide bombing outside New Kabul Bank in Kunduz killed five, gunmen killed twelve guards in Oke-Ode, "
      "and mortar shells hit the Aden Adde International Airport area.");
  for (const Place& p : doc.places) {
    EXPECT_NE(p.text, "Kabul");
    EXPECT_NE(p.text, "Ode");
    EXPECT_NE(p.text, "Aden");
  }
  EXPECT_EQ(PlaceOf(doc, "Kunduz").country, "AFG");
  EXPECT_EQ(PlaceOf(Run("Drones struck Kherson Monday."), "Kherson").country, "UKR");
}

// A person's name inside a longer place name is the place's: "Dera Ismail
// Khan" is the Pakistani city, not Dera (Syria) beside the Afghan commander
// Ismail Khan; the person alone stays a person.
TEST_F(PlacesTest, APersonInsideAPlaceName) {
  const Document doc = Run("Police officers were killed in an attack in Ratta Kulachi, Dera Ismail Khan.");
  EXPECT_EQ(PlaceOf(doc, "Dera Ismail Khan").country, "PAK");
  for (const Mention& m : doc.mentions) EXPECT_NE(m.actor.name, "Ismail Khan");
  const Document person = Run("Ismail Khan said the Taliban attacked Herat.");
  for (const Place& p : person.places) EXPECT_NE(p.text, "Ismail Khan");
}

// A place's whole name after a noun is not a titled person: "the Yemeni
// capital city Sanaa" was the person "Sanaa", and no place.
TEST_F(PlacesTest, APlaceAfterATitleNoun) {
  const Document doc = Run("Seven people were injured by airstrikes in the Yemeni capital city Sanaa.");
  EXPECT_EQ(PlaceOf(doc, "Sanaa").country, "YEM");
  for (const Mention& m : doc.mentions) EXPECT_NE(m.actor.name, "Sanaa");
}

TEST_F(PlacesTest, NamedRegionsExonymsAndTowns) {
  const Document doc = Run(
      "Shelling continued in the Donbas and the Sahel, settlers attacked a village in the West Bank, "
      "troops raided Tulkarem, and Kiev and Kharkov reported strikes.");
  EXPECT_EQ(PlaceOf(doc, "Donbas").gazetteer_id, "region:donbas");
  EXPECT_EQ(PlaceOf(doc, "Sahel").feature, "region");
  EXPECT_EQ(PlaceOf(doc, "West Bank").gazetteer_id, "geonames-admin1:PS.WE");
  EXPECT_EQ(PlaceOf(doc, "Tulkarem").gazetteer_id, "geonames:281577");
  EXPECT_EQ(PlaceOf(doc, "Kiev").name, "Kyiv");
  EXPECT_EQ(PlaceOf(doc, "Kharkov").name, "Kharkiv");
}

// Conflict-news spellings GeoNames has under another name (aliases.tsv):
// "Suwayda" is the Syrian city, not a Yemeni hamlet of that name.
TEST_F(PlacesTest, NewsSpellingsOfConflictTowns) {
  const Document doc = Run(
      "Clashes erupted in Suwayda, and strikes hit Deir al-Balah and Nuseirat.");
  EXPECT_EQ(PlaceOf(doc, "Suwayda").country, "SYR");
  EXPECT_EQ(PlaceOf(doc, "Deir al-Balah").gazetteer_id, "geonames:281141");
  EXPECT_EQ(PlaceOf(doc, "Nuseirat").country, "PSE");
  EXPECT_EQ(PlaceOf(Run("A drone strike in Bint Jbeil killed two."), "Bint Jbeil").country, "LBN");
  // A named mountain range (regions.tsv), its point its division's.
  const Place cal = PlaceOf(Run("Fighting continued in the Cal Miskaad mountains."), "Cal Miskaad mountains");
  EXPECT_EQ(cal.gazetteer_id, "region:cal-miskaad");
  EXPECT_EQ(cal.country, "SOM");
}

// A qualifier names where the place lies: with no entry of the name there,
// the place is one the gazetteer lacks, not a namesake elsewhere ("Kampala,
// DRC" is a Congolese village, not Uganda's capital); a city qualifier
// ("Crumpsall, Manchester") says nothing, and a qualifier that starts a
// longer name is none ("in Goma, Congo River Alliance leader ...").
TEST_F(PlacesTest, AQualifierSaysWhereThePlaceLies) {
  const Document kampala = Run("Militias broke through rebel positions in Kampala, DRC, on Monday.");
  for (const Place& p : kampala.places) EXPECT_NE(p.country, "UGA") << p.text;
  EXPECT_EQ(PlaceOf(kampala, "DRC").country, "COD");
  EXPECT_EQ(PlaceOf(Run("A man attacked a synagogue in Crumpsall, Manchester, England."), "Crumpsall").country,
            "GBR");
  const Document goma = Run("After taking Goma, Congo River Alliance leader Corneille Nangaa spoke.");
  EXPECT_EQ(PlaceOf(goma, "Goma").country, "COD");
}

// A country's adjective before "city of" or "town of" qualifies the name
// like a qualifier after a comma: the Lebanese Blida is no Algerian city
// (the gazetteer lacks the Lebanese village, so it is no place), the
// Lebanese Tripoli no Libyan one, with no other word of the document saying
// Lebanon; a compass word may stand between ("southern Lebanese").
TEST_F(PlacesTest, ACountrysAdjectiveBeforeCityOfQualifies) {
  const Document blida = Run("Israeli drones struck the southern Lebanese city of Blida.");
  for (const Place& p : blida.places) EXPECT_NE(p.country, "DZA") << p.text;
  EXPECT_EQ(PlaceOf(Run("A car bomb exploded in the Lebanese city of Tripoli."), "Tripoli").country, "LBN");
  EXPECT_EQ(PlaceOf(Run("A car bomb exploded in the city of Tripoli."), "Tripoli").country, "LBY");
  for (const Place& p : Run("Gunmen attacked the Somali town of Balad.").places) EXPECT_NE(p.country, "IRQ") << p.text;
}

// "At least 12 people": a capitalised function word opening a sentence is
// no town (Ath, Belgium, has the alternate name "At"; its country went to
// the dead).
TEST_F(PlacesTest, FunctionWordsOpeningASentenceAreNotTowns) {
  const Document doc = Run("At least 12 people were killed in Kramatorsk.");
  for (const Place& p : doc.places) EXPECT_NE(p.country, "BEL") << p.text;
  EXPECT_EQ(PlaceOf(doc, "Kramatorsk").country, "UKR");
}

TEST_F(PlacesTest, MonthsAreNotTowns) {
  // August, Arkansas and March, England exist; "in August" is a date.
  EXPECT_TRUE(Run("The commander was killed in an airstrike in August.").places.empty());
  EXPECT_TRUE(Run("Talks resumed in March and ended in May.").places.empty());
}

TEST_F(PlacesTest, DivisionsWithTheirTypeWord) {
  // "Sumy Oblast": the GeoNames division no ISO code matched still takes "oblast".
  const Document doc = Run("Russian troops captured a village in Sumy Oblast.");
  EXPECT_EQ(PlaceOf(doc, "Sumy Oblast").feature, "admin1");
}

TEST_F(PlacesTest, TheDocumentsOtherPlacesChooseANamesake) {
  EXPECT_EQ(PlaceOf(Run("Clashes broke out in Tripoli."), "Tripoli").country, "LBY");
  EXPECT_EQ(PlaceOf(Run("After protests in Beirut, clashes broke out in Tripoli."), "Tripoli").country, "LBN");
  EXPECT_EQ(PlaceOf(Run("Lebanese troops deployed in Tripoli."), "Tripoli").country, "LBN");
}

}  // namespace
}  // namespace annals
