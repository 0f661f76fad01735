// kep-loadgen: simulated desks against a real kep-server (usage: LoadgenOptions.cpp).
#include "LoadRun.h"
#include "LoadgenOptions.h"

#include <cstdlib>
#include <iostream>
#include <string_view>
#include <vector>

int main(int argc, char** argv) {
    using namespace kep::loadgen;
    const std::vector<std::string_view> arguments(argv + 1, argv + argc);
    if (arguments.size() == 1 && (arguments[0] == "--help" || arguments[0] == "-h")) {
        std::cout << loadgenUsage();
        return 0;
    }
    LoadgenOptions options;
    try {
        options = parseLoadgenOptions(arguments);
    } catch (const UsageError& error) {
        std::cerr << "kep-loadgen: " << error.what() << "\n" << loadgenUsage();
        return kUsage;
    }
    const char* password = std::getenv("KEP_ADMIN_PASSWORD");
    if (password == nullptr || *password == '\0') {
        std::cerr << "kep-loadgen: set KEP_ADMIN_PASSWORD to the administrator's password\n";
        return kUsage;
    }
    return runLoad(options, password, std::cout, std::cerr);
}
