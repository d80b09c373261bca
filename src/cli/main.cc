// The `annals` command: a thin layer over the pipeline. Subcommands register
// themselves (command.h); main builds the CLI11 tree from the registry, runs
// the chosen action and maps failures to the documented exit codes.
#include <algorithm>
#include <iostream>
#include <map>

#include "cli/command.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  using annals::cli::CommandRegistry;
  CLI::App app{"annals: news text in, coded political events out", "annals"};
  app.require_subcommand(0, 1);
  app.set_help_all_flag("--help-all", "Help for every subcommand");
  // A usage error is one line in the documented format (docs/cli.md),
  // naming where the help is.
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    std::string where;  // the subcommands parsed so far: " train syntax"
    for (const CLI::App* a = failed; a != nullptr;) {
      const std::vector<const CLI::App*> subs = a->get_subcommands([](const CLI::App* s) { return s->parsed(); });
      a = subs.empty() ? nullptr : subs.front();
      if (a != nullptr) where += " " + a->get_name();
    }
    return "annals" + where + ": error: " + e.what() + " (see `annals help" + where + "`)\n";
  });

  std::map<std::string, CLI::App*> parents;
  std::vector<std::pair<CLI::App*, annals::cli::Action>> actions;
  std::vector<annals::cli::CommandSpec> specs = CommandRegistry::All();
  std::sort(specs.begin(), specs.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  for (const auto& spec : specs) {
    CLI::App* parent = &app;
    std::string leaf = spec.path;
    if (const size_t sp = spec.path.find(' '); sp != std::string::npos) {
      const std::string head = spec.path.substr(0, sp);
      leaf = spec.path.substr(sp + 1);
      auto it = parents.find(head);
      if (it == parents.end()) {
        CLI::App* p = app.add_subcommand(head, head + " subcommands");
        p->require_subcommand(1);
        it = parents.emplace(head, p).first;
      }
      parent = it->second;
    }
    CLI::App* sub = parent->add_subcommand(leaf, spec.help);
    actions.emplace_back(sub, spec.setup(sub));
  }
  // A parent command lists its subcommands in `annals help`.
  for (auto& [head, p] : parents) {
    std::string names;
    for (const CLI::App* child : p->get_subcommands([](CLI::App*) { return true; })) {
      names += (names.empty() ? "" : ", ") + head + " " + child->get_name();
    }
    p->description("Subcommands: " + names + " (annals help " + head + ")");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? annals::cli::kExitOk : annals::cli::kExitUsage;
  }
  for (auto& [sub, action] : actions) {
    if (sub->parsed()) {
      try {
        return action();
      } catch (const std::exception& e) {
        std::cerr << "annals: error: internal error (a bug, please report it with the input): " << e.what() << "\n";
        return annals::cli::kExitInternal;
      }
    }
  }
  std::cout << app.help();
  return annals::cli::kExitOk;
}
