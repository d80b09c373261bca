// EventsStage: loads the pattern dictionary once and runs the EventCoder on
// each document.
#include "events/events_stage.h"

#include "base/file.h"
#include "events/event_coder.h"
#include "events/pattern_dictionary.h"
#include "ontology/ontology.h"
#include "quotes/cue_lexicon.h"

namespace annals {
namespace {

class EventsStage : public Stage {
 public:
  EventsStage(std::unique_ptr<events::PatternDictionary> dict, const Ontology& ontology,
              std::vector<Diagnostic> warnings)
      : dict_(std::move(dict)),
        coder_(*dict_, ontology),
        warnings_(std::move(warnings)) {}

  std::string_view name() const override { return "events"; }
  uint32_t needs() const override {
    return kLayerTokens | kLayerSentences | kLayerTags | kLayerParse | kLayerMentions |
           kLayerPlaces | kLayerTimes | kLayerAmounts | kLayerQuotes;
  }
  uint32_t fills() const override { return kLayerEvents; }
  Status Process(Document* doc) const override {
    doc->events.clear();
    coder_.Code(doc);
    return Status::Ok();
  }
  std::vector<Diagnostic> load_diagnostics() const override { return warnings_; }

 private:
  std::unique_ptr<events::PatternDictionary> dict_;
  events::EventCoder coder_;
  std::vector<Diagnostic> warnings_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateEventsStage(const Config& config, const Ontology& ontology,
                                                 std::vector<std::string>* pattern_errors) {
  std::string data_dir = config.data_dir.empty() ? DefaultDataDir() : config.data_dir;
  auto dict = events::PatternDictionary::LoadDir(
      data_dir,
      [&ontology](std::string_view code) { return ontology.Find(code) != nullptr; }, pattern_errors);
  if (!dict.ok()) return dict.status();
  // "Is this a speech verb?" has one answer, the quotes stage's lexicon: a
  // `speech` pattern must name one of its cues.
  std::vector<std::string> cue_warnings;
  auto cues = CueLexicon::Load(data_dir, &cue_warnings);
  if (!cues.ok()) return cues.status();
  for (const events::Pattern& p : (*dict)->patterns()) {
    if (p.speech && !cues->IsCueVerb(p.lemma)) {
      pattern_errors->push_back(AtLine(p.file, p.line, "speech pattern '" + p.id + "': '" + p.lemma +
                                                           "' is not a speech cue of lang/en/speech.tsv; it "
                                                           "attributes nothing"));
    }
  }
  std::vector<Diagnostic> warnings;
  for (const std::string& e : *pattern_errors) warnings.push_back({"warning", e});
  return std::unique_ptr<Stage>(new EventsStage(std::move(dict).value(), ontology, std::move(warnings)));
}

Result<std::unique_ptr<Stage>> CreateEventsStage(const Config& config, const Ontology& ontology) {
  std::vector<std::string> errors;
  return CreateEventsStage(config, ontology, &errors);
}

}  // namespace annals
