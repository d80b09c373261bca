// UTF-8 repair, then NFC through ICU's Normalizer2 (only when needed: the
// quick check is much cheaper than normalising, and most text is NFC).
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "base/utf8.h"

namespace annals {

namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

Status NormalizeText(std::string_view raw, Document* doc) {
  if (raw.size() > kMaxDocumentBytes) {
    return Status::InputError("document '" + doc->id + "' is " + std::to_string(raw.size()) +
                              " bytes, over the limit of " + std::to_string(kMaxDocumentBytes));
  }
  if (IsAscii(raw) && raw.find('\0') == std::string_view::npos) {
    doc->text.assign(raw);
    return Status::Ok();
  }
  Utf8Report report;
  std::string text = RepairUtf8(raw, &report);
  if (report.invalid_sequences > 0 || report.nul_bytes > 0) {
    doc->diagnostics.push_back(
        {"warning", "document '" + doc->id + "': " + std::to_string(report.invalid_sequences) +
                        " invalid UTF-8 byte(s) replaced by U+FFFD and " +
                        std::to_string(report.nul_bytes) + " NUL byte(s) removed, first at byte " +
                        std::to_string(report.first_bad_offset)});
  }
  // Fetched once under the language's static-initialisation guard, which
  // ThreadSanitizer sees (ICU's own lazy initialisation, in the
  // uninstrumented libicu, it does not: coding threads' first calls were
  // reported as a race by scripts/tsan.sh).
  static const icu::Normalizer2* const nfc = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_FAILURE(status) ? nullptr : n;
  }();
  if (nfc == nullptr) return Status::Internal("ICU NFC normaliser unavailable");
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (nfc->quickCheck(u, err) == UNORM_YES && U_SUCCESS(err)) {
    doc->text = std::move(text);
    return Status::Ok();
  }
  err = U_ZERO_ERROR;
  icu::UnicodeString normalized = nfc->normalize(u, err);
  if (U_FAILURE(err)) {
    doc->text = std::move(text);
    doc->diagnostics.push_back({"warning", "document '" + doc->id + "': NFC normalisation failed; text kept as is"});
    return Status::Ok();
  }
  doc->text.clear();
  normalized.toUTF8String(doc->text);
  if (doc->text.size() != text.size()) {
    doc->diagnostics.push_back({"warning", "document '" + doc->id +
                                               "': text changed by NFC normalisation; spans refer to the normalised text"});
  }
  return Status::Ok();
}

}  // namespace annals
