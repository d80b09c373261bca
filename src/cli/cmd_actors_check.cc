// `annals actors check [FILE...]`: validates actor dictionaries.
//
// Prints every problem as "path:line: message 'offending text'" on standard
// output (warnings say "warning:"), then a summary on stderr. With no file,
// checks the shipped data/actors/ (every *.actors file and roles.tsv).
// Files ending in .tsv are read as role-noun tables (roles.tsv format).
// Ids must be unique across all files checked together. Exit code 0 when
// there is no error, 3 (data error) otherwise, 4 if a file cannot be read.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "actors/actor_dictionary.h"
#include "base/file.h"
#include "cli/command.h"
#include "cli/exit_codes.h"

namespace annals::cli {
namespace {

struct CheckOptions {
  std::string data_dir;
  std::vector<std::string> files;
};

int RunCheck(const CheckOptions& o) {
  std::vector<std::string> files = o.files;
  size_t hand_files = files.size();  // the rest are imported (a sub-folder's)
  if (files.empty()) {
    const std::string dir =
        JoinPath(o.data_dir.empty() ? DefaultDataDir() : o.data_dir, "actors");
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string ext = it->path().extension().string();
      if (ext == ".actors" || it->path().filename() == "roles.tsv") files.push_back(it->path().string());
    }
    if (ec || files.empty()) {
      std::cerr << "annals actors check: no dictionaries in " << dir << "\n";
      return kExitIoError;
    }
    std::sort(files.begin(), files.end());
    hand_files = files.size();
    // Generated dictionaries in sub-folders (actors/imported/), checked the
    // way the pipeline loads them: after the hand-written ones, which win.
    std::vector<std::string> sub;
    for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
         it.increment(ec)) {
      if (it.depth() != 1) continue;
      const std::string ext = it->path().extension().string();
      if (ext == ".actors" || it->path().filename() == "roles.tsv") sub.push_back(it->path().string());
    }
    std::sort(sub.begin(), sub.end(), [](const std::string& a, const std::string& b) {
      // Role nouns after the entries, as the loader reads them.
      const bool ta = a.size() >= 4 && a.compare(a.size() - 4, 4, ".tsv") == 0;
      const bool tb = b.size() >= 4 && b.compare(b.size() - 4, 4, ".tsv") == 0;
      return ta != tb ? tb : a < b;
    });
    files.insert(files.end(), sub.begin(), sub.end());
  }
  ActorDictionary dict;
  std::vector<DictionaryIssue> issues;
  bool io_error = false;
  for (size_t k = 0; k < files.size(); ++k) {
    const std::string& f = files[k];
    const bool imported = k >= hand_files;
    Result<std::string> text = ReadFile(f);
    if (!text.ok()) {
      std::cerr << "annals actors check: " << text.status().message() << "\n";
      io_error = true;
      continue;
    }
    if (f.size() >= 4 && f.compare(f.size() - 4, 4, ".tsv") == 0) {
      dict.AddRoleNouns(*text, f, &issues, imported);
    } else {
      dict.AddText(*text, f, &issues, imported);
    }
  }
  dict.Finish(&issues);
  size_t errors = 0;
  for (const DictionaryIssue& i : issues) {
    std::cout << i.message << "\n";
    errors += i.error ? 1 : 0;
  }
  std::cout.flush();
  std::cerr << "annals actors check: " << files.size() << " file(s), " << dict.entries().size()
            << " entries, " << dict.alias_count() << " aliases, " << dict.role_count()
            << " dated roles, " << dict.role_nouns().size() << " role nouns; " << errors
            << " error(s), " << issues.size() - errors << " warning(s)\n";
  if (io_error) return kExitIoError;
  return errors > 0 ? kExitDataError : kExitOk;
}

Action Setup(CLI::App* app) {
  auto o = std::make_shared<CheckOptions>();
  app->add_option("--data", o->data_dir, "Data directory checked when no file is given");
  app->add_option("files", o->files, "Dictionary files (.actors, or roles .tsv); none: the shipped ones");
  return [o] { return RunCheck(*o); };
}

ANNALS_COMMAND("actors check", "Validate actor dictionaries, naming file:line of every error", Setup);

}  // namespace
}  // namespace annals::cli
