// The minutebook command: parses arguments and calls the libraries.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <xapian.h>

#include "app/args.h"
#include "app/commands.h"
#include "app/config.h"

namespace {

const char* kUsage = R"(minutebook: search engine and archive for the papers of council committees

Usage: minutebook COMMAND [OPTIONS] [ARGS]

Commands:
  index     index every PDF under the given files and folders
  search    search the index
  minute    find a minute item from a reference ("CYP 232") and cite it
  serve     serve search pages, the JSON API and the PDFs over HTTP
  inspect   show what Minutebook understands of one PDF
  stats     show what the index holds: files, pages, passages, failures, last runs
  check     verify an index (Xapian's tables, ledger, passages, vocabulary);
            --repair mends what reading files again can mend
  vocabulary  merge the spelling, synonyms and names of several databases
            (shards) into the vocabulary that search and serve take

Run 'minutebook COMMAND --help' for a command's options.
The index lives in --db DIR (default: $MINUTEBOOK_DB, or
$XDG_DATA_HOME/minutebook/index, or ~/.local/share/minutebook/index).
Every command takes --config FILE (default: $MINUTEBOOK_CONFIG, else
/etc/minutebook/minutebook.conf when it exists): the archive roots, the
index folder and the server's settings; a flag wins over its environment
variable (MINUTEBOOK_DB, MINUTEBOOK_PORT, ...), which wins over the file.
search, minute and serve take --db more than once to search several
databases (shards, local or tcp://HOST:PORT) as one.
)";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsage;
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "index") return minutebook::run_index(args);
        if (command == "search") return minutebook::run_search(args);
        if (command == "minute") return minutebook::run_minute(args);
        if (command == "serve") return minutebook::run_serve(args);
        if (command == "inspect") return minutebook::run_inspect(args);
        if (command == "stats") return minutebook::run_stats(args);
        if (command == "vocabulary") return minutebook::run_vocabulary(args);
        if (command == "check") return minutebook::run_check(args);
        std::cerr << "minutebook: unknown command '" << command << "'.\n" << kUsage;
        return 2;
    } catch (const minutebook::ConfigError& e) {
        std::cerr << "minutebook " << command << ": configuration: " << e.what() << "\n";
        return 2;
    } catch (const minutebook::UsageError& e) {
        std::cerr << "minutebook " << command << ": " << e.what() << "\n"
                  << "Run 'minutebook " << command << " --help' for usage.\n";
        return 2;
    } catch (const Xapian::DatabaseOpeningError& e) {
        std::cerr << "minutebook " << command << ": cannot open the index: " << e.get_msg() << "\n";
        return 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "minutebook " << command << ": index error: " << e.get_description() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "minutebook " << command << ": " << e.what() << "\n";
        return 1;
    }
}
