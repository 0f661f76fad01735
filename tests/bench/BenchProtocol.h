// The benchmark protocol of tests/bench/README.md, once for every bench_* executable: the mode
// from the command line (none, --quick, --smoke) and the ROW line the runner reads.
#pragma once

#include <cstdio>
#include <exception>
#include <optional>
#include <string_view>

namespace kep::bench {

enum class Mode { Full, Quick, Smoke };

// No argument is a full run; anything but one --quick or --smoke gets the usage on stderr and
// nullopt, so that main() exits 2 as the runner expects of a wrong argument.
inline std::optional<Mode> parseMode(int argc, char** argv) {
    if (argc <= 1) {
        return Mode::Full;
    }
    if (argc == 2) {
        const std::string_view arg = argv[1];
        if (arg == "--quick") {
            return Mode::Quick;
        }
        if (arg == "--smoke") {
            return Mode::Smoke;
        }
    }
    std::string_view program = argv[0] != nullptr ? argv[0] : "bench";
    program.remove_prefix(program.find_last_of('/') + 1);  // npos + 1 wraps to 0: no folder
    std::fprintf(stderr, "usage: %.*s [--quick | --smoke]\n", static_cast<int>(program.size()),
                 program.data());
    return std::nullopt;
}

// ROW<TAB>metric<TAB>value<TAB>unit<TAB>op<TAB>target. %.6g keeps both microsecond latencies and
// millions per second readable; the flush lets the runner see rows of a bench that dies later.
inline void row(std::string_view metric, double value, std::string_view unit, std::string_view op,
                double target) {
    std::printf("ROW\t%.*s\t%.6g\t%.*s\t%.*s\t%g\n", static_cast<int>(metric.size()), metric.data(),
                value, static_cast<int>(unit.size()), unit.data(), static_cast<int>(op.size()),
                op.data(), target);
    std::fflush(stdout);
}

// The main() of a benchmark with a size per mode: runs `run(sizes)` for the mode asked for, and
// turns an exception into exit status 1 with the benchmark's name (the runner calls it broken).
template <typename Sizes, typename Run>
int benchMain(int argc, char** argv, const char* name, const Sizes& full, const Sizes& quick,
              const Sizes& smoke, Run run) {
    const std::optional<Mode> mode = parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    const Sizes& sizes = *mode == Mode::Full ? full : *mode == Mode::Quick ? quick : smoke;
    try {
        return run(sizes);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: %s\n", name, e.what());
        return 1;
    }
}

}  // namespace kep::bench
