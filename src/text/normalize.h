// Text normalisation: the first thing done to every document's text.
//
// Turns untrusted input bytes into the text every later stage indexes:
// invalid UTF-8 bytes become U+FFFD and NUL bytes are dropped (both counted
// and reported as a diagnostic naming the document and byte offset), then
// the text is put in Unicode NFC (ICU) so that "é" written as e + combining
// accent matches dictionary entries. Valid NFC input, the usual case, comes
// out byte-identical, so spans are offsets into the original input.
#pragma once

#include <string>
#include <string_view>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

// Documents larger than this are refused (InputError) rather than processed:
// a single "document" this big is almost certainly not an article.
constexpr size_t kMaxDocumentBytes = size_t{256} << 20;

// Sets doc->text from `raw`. Adds warnings to doc->diagnostics for repaired
// bytes. Fails only for oversized input.
Status NormalizeText(std::string_view raw, Document* doc);

}  // namespace annals
