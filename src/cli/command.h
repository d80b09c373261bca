// Subcommand registry for the `annals` CLI.
//
// Each subcommand lives in its own file src/cli/cmd_<name>.cc and registers
// itself at start-up with ANNALS_COMMAND. A command path may have two words
// ("train syntax", "eval events"): the parent is created on first use. The
// setup function declares options on the CLI11 sub-app and returns the
// action to run when that subcommand is chosen; the action returns the
// process exit code (see exit_codes.h).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

namespace annals::cli {

using Action = std::function<int()>;
using CommandSetup = std::function<Action(CLI::App* app)>;

struct CommandSpec {
  std::string path;  // "code", "train syntax"
  std::string help;  // one line for `annals help`
  CommandSetup setup;
};

class CommandRegistry {
 public:
  static bool Add(CommandSpec spec);
  static const std::vector<CommandSpec>& All();
};

}  // namespace annals::cli

#define ANNALS_CONCAT_INNER(a, b) a##b
#define ANNALS_CONCAT(a, b) ANNALS_CONCAT_INNER(a, b)
// ANNALS_COMMAND("eval events", "Score events against a gold file", SetupFn);
#define ANNALS_COMMAND(path, help, setup)                              \
  static const bool ANNALS_CONCAT(annals_command_registered_, __LINE__) = \
      ::annals::cli::CommandRegistry::Add({path, help, setup})
