// Stage wrapper: loads the currency table once, runs the recogniser per
// document (see amounts_stage.h).
#include "amounts/amounts_stage.h"


#include "amounts/amount_recognizer.h"
#include "amounts/currency_table.h"
#include "base/file.h"

namespace annals {
namespace {

class AmountsStage final : public Stage {
 public:
  explicit AmountsStage(CurrencyTable table) : table_(std::move(table)), recognizer_(&table_) {}
  // Not copyable or movable: recognizer_ points at table_.
  AmountsStage(const AmountsStage&) = delete;
  AmountsStage& operator=(const AmountsStage&) = delete;

  std::string_view name() const override { return "amounts"; }
  uint32_t needs() const override { return kLayerTokens | kLayerSentences; }
  uint32_t fills() const override { return kLayerAmounts; }
  Status Process(Document* doc) const override {
    recognizer_.Find(doc);
    return Status::Ok();
  }

 private:
  CurrencyTable table_;
  AmountRecognizer recognizer_;
};

}  // namespace

Result<std::unique_ptr<Stage>> CreateAmountsStage(const Config& config) {
  const std::string dir = config.data_dir.empty() ? DefaultDataDir() : config.data_dir;
  std::vector<std::string> warnings;
  auto table = CurrencyTable::Load(JoinPath(dir, "amounts/currencies.tsv"), &warnings);
  if (!table.ok()) return table.status();
  std::vector<Diagnostic> diagnostics;
  for (std::string& w : warnings) diagnostics.push_back({"warning", std::move(w)});
  return WithLoadDiagnostics(std::make_unique<AmountsStage>(std::move(table).value()), std::move(diagnostics));
}

}  // namespace annals
