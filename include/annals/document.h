// The document model: what every stage reads and writes.
//
// A Document travels through the pipeline (ingest -> text -> syntax ->
// actors -> events -> context -> output/store). Each stage fills its own
// fields and only reads fields filled by earlier stages; the Stage interface
// (annals/stage.h) declares which. This header depends on nothing but the
// standard library, so every stage can include it.
//
// Offsets. Every Span is a [begin, end) pair of *byte* offsets into
// Document::text, which is the input after UTF-8 repair and NFC
// normalisation (see text/normalize.h). For valid NFC input -- nearly all
// news text -- these are byte offsets into the original input.
//
// Token indices are document-level: Sentence::token_begin/token_end index
// Document::tokens, and Token::head is a document-level index (or -1 for the
// root of its sentence).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace annals {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// One word in the UD sense (a multiword token such as "don't" is two words,
// "do" and "n't", whose spans split the surface).
struct Token {
  Span span;
  std::string form;    // surface text of the word
  std::string lemma;   // filled by syntax
  std::string upos;    // UD universal POS, filled by syntax
  std::string xpos;    // PTB tag, filled by syntax
  std::string feats;   // UD features ("Number=Sing|..."), "_" if none
  int32_t head = -1;   // document-level index of the head; -1 = sentence root
  std::string deprel;  // UD relation, e.g. "nsubj:pass"; "root" for the root
  bool space_after = true;
};

struct Sentence {
  Span span;
  uint32_t token_begin = 0;  // first token (document-level index)
  uint32_t token_end = 0;    // one past the last token
  uint32_t paragraph = 0;    // paragraph index (blank-line separated)
  uint32_t size() const { return token_end - token_begin; }
};

// A resolved actor: who a mention refers to, on the document's date.
struct ActorRef {
  std::string name;     // canonical name, e.g. "Keir Starmer", "Russia"
  std::string code;     // CAMEO actor code, e.g. "GBRGOV", "RUS", "NATO"
  std::string country;  // ISO 3166-1 alpha-3 or IGO code ("NATO", "EUR")
  std::string sector;   // CAMEO sector, e.g. "GOV", "MIL", "REB"; "" if none
  std::string type;     // person, country, organisation, igo, armed_group,
                        // party, media, group (role noun), unknown
  std::string entry;    // dictionary entry id that produced it ("" if none)
  std::string wikidata; // optional Wikidata id
  // How `country` was found when the actor is a generic agent or a titled
  // unknown person rather than a named actor (docs/actors.md, "Where a
  // generic agent's country comes from"). "" = the named actor's own.
  //   written: "modifier" ("Nigerian police"), "possessive" ("Russia's
  //   army"), "in-place" ("police in Kenya", "the army of Mali"), "member"
  //   (the code of the actor it belongs to: "Hamas fighters", "a member of
  //   Russia's parliament");
  //   inferred: "clause-place" (where its clause happens: "in northern
  //   Mali, rebels attacked");
  //   guessed: "dateline", "document" (the document's dominant country),
  //   "unknown" (country "---", code "---" + sector).
  std::string country_how;
};

// An actor mention found by the actors stage.
struct Mention {
  Span span;
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t sentence = 0;
  ActorRef actor;
  std::string how;           // "dictionary", "role", "surname", "title",
                             // "pronoun", "proper_noun" (unknown actor)
  int32_t antecedent = -1;   // mention this one corefers with, or -1
  std::vector<std::string> entries;  // dictionary entries used (evidence)
};

// A place mention resolved against the gazetteer.
struct Place {
  Span span;
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t sentence = 0;
  std::string text;          // as written
  std::string name;          // gazetteer name
  std::string country;       // ISO 3166-1 alpha-3
  double lat = 0;
  double lon = 0;
  std::string gazetteer_id;  // e.g. "geonames:2660646", "iso3166:CHE"
  std::string feature;       // "country", "admin1", "city"
};

// A temporal expression, TIMEX3-style.
struct TimeExpr {
  Span span;
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t sentence = 0;
  std::string text;
  std::string type;       // DATE, TIME, DURATION, SET
  std::string value;      // TIMEX3 value: "2025-08-19", "2025-09", "P2W", "2025-08-19T14:00"
  std::string precision;  // "time", "day", "week", "month", "year", "none"
  std::string modifier;   // TIMEX3 mod: "APPROX", "AFTER", "START", ... or ""
};

// A quantity: money, casualties, crowd size.
struct Amount {
  Span span;
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t sentence = 0;
  std::string text;
  std::string kind;    // "money", "killed", "wounded", "arrested", "crowd", "displaced"
  double value = 0;    // normalised magnitude (100 billion -> 1e11)
  std::string unit;    // ISO 4217 code for money, "people" otherwise
  bool approximate = false;  // "thousands of", "about", "more than"
};

// Direct or indirect speech attributed to a speaker.
struct Quote {
  Span span;                    // the quoted or reported content
  uint32_t sentence = 0;        // sentence where the content starts
  std::string text;             // content without quotation marks
  bool direct = true;           // in quotation marks, or indirect speech
  int32_t speaker = -1;         // index into Document::mentions, or -1
  std::string speaker_text;     // surface of the speaker as written
  std::string cue;              // cue verb lemma: "say", "stress", "assure"
  Span cue_span;
  std::string venue;            // medium or venue: "Fox", "X", "Rossiya-24"
};

enum class Modality : uint8_t {
  kAsserted,      // it happened / is happening
  kPlanned,       // will, plan to, agreed to, scheduled
  kHypothetical,  // if, could, might, would, possible
  kNegated,       // not, never, deny that
  kHistorical,    // background, dated well before the document
  kReported,      // hedged attribution: reportedly, according to
};
const char* ModalityName(Modality m);

struct EventActor {
  Span span;
  std::string text;  // surface as written in the sentence
  ActorRef actor;
  int32_t mention = -1;  // index into Document::mentions, or -1
};

struct Attribution {
  std::string speaker_text;
  ActorRef speaker;
  std::string quote;
  std::string cue;
  std::string venue;
  int32_t quote_index = -1;  // index into Document::quotes, or -1
};

struct Evidence {
  std::string rule;                        // pattern/rule id that fired
  std::vector<std::string> triggers;       // trigger words as written
  std::vector<Span> trigger_spans;
  std::vector<std::string> dictionary;     // dictionary entries used
  std::vector<std::string> notes;          // e.g. "modality:will", "target:obj"
};

// One coded event record: one source, at most one target.
struct Event {
  uint32_t sentence = 0;
  Span span;                 // extent of the coded material in the text
  std::string date;          // ISO date (or partial: "2025-09", "2025")
  std::string date_precision;  // "day", "month", "year", "time", "document"
  int32_t time_expr = -1;      // index into Document::time_exprs, or -1
  std::optional<EventActor> source;
  std::optional<EventActor> target;
  std::string cameo;         // event code as a string, leading zeros kept
  Modality modality = Modality::kAsserted;
  std::optional<Attribution> attribution;
  std::optional<Place> location;
  // Where `location` came from (docs/attach.md): "clause" (the event's own
  // clause: "in X", "attacked X", "a strike on X"), "sentence" (a place
  // written as where something happens elsewhere in its sentence),
  // "dateline" (where the story was filed), "document" (the story's
  // dominant place); "" when there is no location.
  std::string location_precision;
  std::vector<int32_t> amounts;  // indices into Document::amounts
  Evidence evidence;
  double confidence = 1.0;
};

// News furniture: the parts of an article that frame its running text
// rather than belong to it. The text stage recognises them before it splits
// sentences, so no Sentence ever covers furniture: "BERLIN (Reuters) -
// Police arrested 20 protesters." has the dateline "BERLIN (Reuters) -" and
// one sentence starting at "Police".
enum class FurnitureKind : uint8_t {
  kHeadline,   // a first line of the document, without a full stop
  kByline,     // "By Jane Smith, Reuters", "Jane Smith | Correspondent"
  kDateline,   // "KYIV, Ukraine (AP) —", "(CNN) —", "Geneva, 19 August 2025"
  kCredit,     // "— AFP", "(Reporting by X; Editing by Y)", "© 2025 Reuters"
  kCaption,    // "Picture: PA", "Image caption, ...", "(Photo by X/AFP)"
  kTimestamp,  // "Updated 12:30 GMT, 19 August 2025"
};
// "headline", "byline", "dateline", "credit", "caption", "timestamp".
const char* FurnitureKindName(FurnitureKind k);

struct Furniture {
  FurnitureKind kind = FurnitureKind::kHeadline;
  Span span;  // the whole item, without surrounding white space
};

// The dateline of a story: where (and when) it was filed, and by which
// agency. Empty spans ({0, 0}) mean "not written".
struct Dateline {
  Span span;           // the whole dateline, separator included: "KYIV, Aug 19 (Reuters) -"
  Span place;          // the place words as written: "KYIV", "KYIV, Ukraine", "New Delhi [India]"
  Span date;           // "Aug 19", "19 August 2025"
  std::string agency;  // normalised agency name: "Reuters", "AP", "AFP"; "AFP/Reuters"
                       // when several are credited; "" when none
};

// A problem with one document that did not stop it from being processed
// (or that stopped only this document).
struct Diagnostic {
  std::string severity;  // "warning" or "error"
  std::string message;   // names the document and place
};

struct Document {
  std::string id;
  std::string date;    // publication date, ISO YYYY-MM-DD
  std::string title;
  std::string source;  // outlet
  std::string url;
  std::string origin;  // where it was read from: "file.jsonl:17"
  bool undated = false;  // the input had no date: `date` is the day it was
                         // read, and dates derived from it say "undated"
  std::string text;    // repaired, normalised text; all spans point here

  // Filled by the text stage (kLayerFurniture): the document's furniture in
  // text order, spans disjoint; the dateline, when there is one, is also
  // one of the items.
  std::vector<Furniture> furniture;
  std::optional<Dateline> dateline;
  // Filled by the actors stage (with kLayerPlaces): the dateline's place
  // resolved in the gazetteer ("KYIV, Ukraine" -> Kyiv, UKR). Its span is
  // Dateline::place; it lies outside every sentence, so its token and
  // sentence fields are 0. Empty when there is no dateline place or the
  // gazetteer does not know it ("UNITED NATIONS").
  std::optional<Place> dateline_place;

  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;
  std::vector<Place> places;
  std::vector<TimeExpr> time_exprs;
  std::vector<Amount> amounts;
  std::vector<Quote> quotes;
  std::vector<Event> events;
  std::vector<Diagnostic> diagnostics;

  std::string_view SpanText(Span s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
};

}  // namespace annals
