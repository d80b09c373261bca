#include "cli/command.h"

namespace annals::cli {

namespace {
std::vector<CommandSpec>& Commands() {
  static std::vector<CommandSpec> commands;  // filled before main() runs
  return commands;
}
}  // namespace

bool CommandRegistry::Add(CommandSpec spec) {
  Commands().push_back(std::move(spec));
  return true;
}

const std::vector<CommandSpec>& CommandRegistry::All() { return Commands(); }

}  // namespace annals::cli
