// Exit codes of the `annals` CLI (documented in docs/cli.md).
#pragma once

namespace annals::cli {

constexpr int kExitOk = 0;           // everything processed
constexpr int kExitPartial = 1;      // ran to the end, but some inputs were bad and skipped
constexpr int kExitUsage = 2;        // bad command line
constexpr int kExitDataError = 3;    // shipped or given data (tables, dictionaries, model) unusable
constexpr int kExitIoError = 4;      // an input or output could not be opened/written
constexpr int kExitInternal = 70;    // a bug: please report

}  // namespace annals::cli
