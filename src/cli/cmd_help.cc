// `annals help [COMMAND]`: the list of subcommands, or one command's help.
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace annals::cli {
namespace {

Action Setup(CLI::App* app) {
  auto topic = std::make_shared<std::vector<std::string>>();
  app->add_option("command", *topic, "Show the help of this subcommand (e.g. 'code', 'eval events')");
  return [app, topic] {
    CLI::App* root = app->get_parent();
    CLI::App* target = root;
    for (const std::string& word : *topic) {
      try {
        target = target->get_subcommand(word);
      } catch (const CLI::OptionNotFound&) {
        std::cerr << "annals help: error: no command '" << word << "' (annals help lists them)\n";
        return kExitUsage;
      }
    }
    // App::help() would describe the selected subcommand (`help` itself).
    // The usage line names the whole command: "annals train syntax".
    std::string name;
    for (const CLI::App* a = target; a != nullptr; a = a->get_parent()) {
      name.insert(0, a->get_name() + (name.empty() ? "" : " "));
    }
    std::cout << target->get_formatter()->make_help(target, name, CLI::AppFormatMode::Normal);
    if (target == root) {
      std::cout << "\nA session: annals ingest --date YYYY-MM-DD FOLDER      (every document needs a date)\n"
                   "           annals ingest --replace --date YYYY-MM-DD FILE  (fix a stored document)\n"
                   "           annals query --format table                 (events that happened, with names)\n"
                   "           annals stats --show series --by month --level country --format csv\n"
                   "           annals export --format gdelt|icews|plover|csv -o FILE\n"
                   "Query, stats and export count modality asserted,reported unless --modality says otherwise.\n";
      std::cout << "\nExit codes: 0 ok; 1 some inputs were bad and skipped; 2 usage error;\n"
                   "3 shipped or given data unusable; 4 input/output error; 70 internal error.\n"
                   "Documentation: docs/README.md\n";
    }
    return kExitOk;
  };
}

ANNALS_COMMAND("help", "Show the commands, or the help of one command", Setup);

}  // namespace
}  // namespace annals::cli
