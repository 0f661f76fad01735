// Benchmarks of kep_domain: UUIDv7 generation, search folding, phonetic keys of catalogue
// titles and working-day deadlines. Usage: bench_domain [--smoke | --quick]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "BenchProtocol.h"
#include "shared/domain/PhoneticKey.h"
#include "shared/domain/TextFold.h"
#include "shared/domain/Uuid.h"
#include "shared/domain/WorkingCalendar.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace kep::domain;

struct Sizes {
    int uuids;
    int foldRounds;
    int keySamples;
    int deadlineSamples;
};

constexpr Sizes kSmoke{20'000, 5, 2'000, 2'000};
constexpr Sizes kQuick{1'000'000, 100, 50'000, 50'000};
constexpr Sizes kFull{5'000'000, 500, 200'000, 200'000};

// Keeps results observable so the optimiser cannot drop the measured work.
std::size_t gSink = 0;

using kep::bench::row;

double seconds(Clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

double percentile(std::vector<double> samples, double p) {
    const auto index = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1));
    std::nth_element(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(index),
                     samples.end());
    return samples[index];
}

std::size_t codePoints(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

// Synthetic catalogue titles of about 80 characters from procedure vocabulary.
std::vector<std::string> syntheticTitles(std::size_t count) {
    static constexpr const char* kWords[] = {"Έκδοση",
                                             "πιστοποιητικού",
                                             "οικογενειακής",
                                             "κατάστασης",
                                             "Άδεια",
                                             "διαμονής",
                                             "Υπεύθυνη",
                                             "δήλωση",
                                             "Βεβαίωση",
                                             "μόνιμης",
                                             "κατοικίας",
                                             "Μεταβίβαση",
                                             "οχήματος",
                                             "Ληξιαρχική",
                                             "πράξη",
                                             "γέννησης",
                                             "θανάτου",
                                             "γάμου",
                                             "Επικύρωση",
                                             "αντιγράφου",
                                             "ξενόγλωσσου",
                                             "εγγράφου",
                                             "Ευρωπαϊκή",
                                             "κάρτα",
                                             "ασφάλισης",
                                             "ασθένειας",
                                             "ΑΦΜ",
                                             "ΑΜΚΑ",
                                             "εγγραφή",
                                             "δημοτολόγιο",
                                             "προϋπόθεση",
                                             "τηλεφώνου",
                                             "Ἀθῆναι",
                                             "χορήγηση",
                                             "επιδόματος",
                                             "παιδιού",
                                             "(ν. 4727/2020)",
                                             "για",
                                             "πολίτες",
                                             "τρίτων χωρών"};
    std::mt19937 engine(20260301);
    std::uniform_int_distribution<std::size_t> pick(0, std::size(kWords) - 1);
    std::vector<std::string> titles;
    titles.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::string title;
        while (codePoints(title) < 80) {
            if (!title.empty()) {
                title.push_back(' ');
            }
            title += kWords[pick(engine)];
        }
        while (codePoints(title) > 80) {  // trim to exactly 80 characters
            do {
                title.pop_back();
            } while ((static_cast<unsigned char>(title.back()) & 0xC0U) == 0x80U);
            if ((static_cast<unsigned char>(title.back()) & 0xC0U) == 0xC0U) {
                title.pop_back();
            }
        }
        titles.push_back(std::move(title));
    }
    return titles;
}

void benchUuid(const Sizes& sizes) {
    UuidV7Generator generator;
    const auto start = Clock::now();
    for (int i = 0; i < sizes.uuids; ++i) {
        gSink += generator.next().bytes()[15];
    }
    const double rate = sizes.uuids / seconds(Clock::now() - start) / 1e6;
    row("domain.uuidv7_generation", rate, "M ids/s", ">", 1);
}

void benchFold(const Sizes& sizes, const std::vector<std::string>& titles) {
    std::size_t bytes = 0;
    std::string out;
    const auto start = Clock::now();
    for (int round = 0; round < sizes.foldRounds; ++round) {
        for (const std::string& title : titles) {
            out.clear();
            appendFoldedForSearch(out, title);
            gSink += out.size();
            bytes += title.size();
        }
    }
    const double mbPerSecond = static_cast<double>(bytes) / seconds(Clock::now() - start) / 1e6;
    row("domain.fold_for_search_greek_titles", mbPerSecond, "MB/s", ">", 50);
}

void benchPhoneticKey(const Sizes& sizes, const std::vector<std::string>& titles) {
    std::vector<double> micros;
    micros.reserve(static_cast<std::size_t>(sizes.keySamples));
    for (int i = 0; i < sizes.keySamples; ++i) {
        const std::string& title = titles[static_cast<std::size_t>(i) % titles.size()];
        const auto start = Clock::now();
        gSink += phoneticKey(title).size();
        micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
    row("domain.phonetic_key_p99_80_char_title", percentile(micros, 0.99), "us", "<", 5);
}

void benchDeadlines(const Sizes& sizes) {
    using namespace std::chrono;
    CalendarOverrides overrides;
    overrides.add({2024y / May / 1d, DayKind::WorkingDay, {}, "Labour Day moved to 7 May"});
    overrides.add({2024y / May / 7d, DayKind::Holiday, {}, "Labour Day (moved)"});
    for (int office = 0; office < 200; ++office) {  // a realistic spread of local holidays
        const sys_days d = sys_days{2024y / January / 1d} + days{(office * 37) % 2500};
        overrides.add({year_month_day{d}, DayKind::Holiday, std::to_string(1000 + office), ""});
    }
    const WorkingCalendar calendar(overrides);
    std::mt19937 engine(7);
    std::uniform_int_distribution<int> dayOffset(0, 7 * 365);
    std::uniform_int_distribution<int> workingDays(1, 60);
    std::vector<double> micros;
    micros.reserve(static_cast<std::size_t>(sizes.deadlineSamples));
    for (int i = 0; i < sizes.deadlineSamples; ++i) {
        const year_month_day startDate{sys_days{2024y / January / 1d} + days{dayOffset(engine)}};
        const int n = workingDays(engine);
        const auto start = Clock::now();
        const year_month_day due = calendar.addWorkingDays(startDate, n, "1042");
        micros.push_back(duration<double, std::micro>(Clock::now() - start).count());
        gSink += static_cast<unsigned>(due.day());
    }
    row("domain.add_working_days_p99_1_to_60", percentile(micros, 0.99), "us", "<", 20);
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    using kep::bench::Mode;
    const Sizes& sizes = *mode == Mode::Full ? kFull : *mode == Mode::Quick ? kQuick : kSmoke;
    const std::vector<std::string> titles = syntheticTitles(1000);
    benchUuid(sizes);
    benchFold(sizes, titles);
    benchPhoneticKey(sizes, titles);
    benchDeadlines(sizes);
    return gSink == 0 ? 1 : 0;
}
