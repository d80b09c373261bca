// `annals version`: the program, record contract and data versions.
#include <iostream>

#include "annals/pipeline.h"
#include "base/file.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "output/event_record.h"

namespace annals::cli {
namespace {

Action Setup(CLI::App*) {
  return [] {
    std::cout << "annals " << ANNALS_VERSION << "\n"
              << "event record version " << kRecordVersion << "\n"
              << "data directory " << DefaultDataDir() << "\n";
    return kExitOk;
  };
}

ANNALS_COMMAND("version", "Print the version of Annals and of its record contract", Setup);

}  // namespace
}  // namespace annals::cli
