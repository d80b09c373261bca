// EventsStage: loads the pattern dictionary once and runs the EventCoder on
// each document.
#include "events/events_stage.h"

#include <iostream>

#include "base/file.h"
#include "events/event_coder.h"
#include "events/pattern_dictionary.h"
#include "ontology/ontology.h"

namespace annals {
namespace {

class EventsStage : public Stage {
 public:
  EventsStage(std::unique_ptr<events::PatternDictionary> dict, const Ontology& ontology)
      : dict_(std::move(dict)),
        coder_(*dict_, [&ontology](std::string_view code) { return ontology.Find(code) != nullptr; }) {}

  std::string_view name() const override { return "events"; }
  uint32_t needs() const override {
    return kLayerTokens | kLayerSentences | kLayerTags | kLayerParse | kLayerMentions |
           kLayerPlaces | kLayerTimes | kLayerQuotes;
  }
  uint32_t fills() const override { return kLayerEvents; }
  Status Process(Document* doc) const override {
    doc->events.clear();
    coder_.Code(doc);
    return Status::Ok();
  }

 private:
  std::unique_ptr<events::PatternDictionary> dict_;
  events::EventCoder coder_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateEventsStage(const Config& config, const Ontology& ontology,
                                                 std::vector<std::string>* pattern_errors) {
  std::string data_dir = config.data_dir.empty() ? DefaultDataDir() : config.data_dir;
  auto dict = events::PatternDictionary::LoadDir(
      JoinPath(data_dir, "patterns"),
      [&ontology](std::string_view code) { return ontology.Find(code) != nullptr; }, pattern_errors);
  if (!dict.ok()) return dict.status();
  return std::unique_ptr<Stage>(new EventsStage(std::move(dict).value(), ontology));
}

Result<std::unique_ptr<Stage>> CreateEventsStage(const Config& config, const Ontology& ontology) {
  std::vector<std::string> errors;
  auto stage = CreateEventsStage(config, ontology, &errors);
  for (const std::string& e : errors) std::cerr << "annals: events: " << e << "\n";
  return stage;
}

}  // namespace annals
