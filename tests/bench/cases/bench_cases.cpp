// Benchmarks of kep_cases, the rules run at every counter action: the lifecycle check, a
// protocol-number draw, validating a citizen record (on each edit), a due date with stopped-
// clock stays. Usage: bench_cases [--smoke | --quick]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "BenchProtocol.h"
#include "shared/cases/CaseLifecycle.h"
#include "shared/cases/CitizenValidation.h"
#include "shared/cases/DueDate.h"
#include "shared/cases/ProtocolNumberLease.h"
#include "shared/domain/TaxId.h"

namespace {

using Clock = std::chrono::steady_clock;
using namespace kep::cases;
using namespace std::chrono;

struct Sizes {
    int checks;
    int draws;
    int validations;
    int dueDates;
};

constexpr Sizes kSmoke{20'000, 20'000, 2'000, 500};
constexpr Sizes kQuick{1'000'000, 1'000'000, 50'000, 20'000};
constexpr Sizes kFull{5'000'000, 5'000'000, 200'000, 100'000};

// Keeps results observable so the optimiser cannot drop the measured work.
std::size_t gSink = 0;

using kep::bench::row;

double secondsOf(Clock::duration d) {
    return duration<double>(d).count();
}

double percentile(std::vector<double> samples, double p) {
    const auto index = static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1));
    std::nth_element(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(index),
                     samples.end());
    return samples[index];
}

void lifecycleChecks(int count) {
    const Actor manager{"u-manager", ActorRole::Manager};
    const auto rows = transitions();
    const auto start = Clock::now();
    for (int i = 0; i < count; ++i) {
        const Transition& t = rows[static_cast<std::size_t>(i) % rows.size()];
        const Case c{t.from, "u-clerk", true};
        gSink += check(c, t.to, manager, "reason").ok() ? 1 : 0;
    }
    row("cases.lifecycle_checks_per_s", count / secondsOf(Clock::now() - start), "checks/s", ">",
        1'000'000);
}

void protocolNumberDraws(int count) {
    ProtocolNumberLease lease{"0101"};
    std::uint32_t mark = 0;
    const year_month_day today = 2026y / March / 2d;
    const auto start = Clock::now();
    for (int i = 0; i < count; ++i) {
        if (lease.remaining(2026) == 0) {
            lease.add({"0101", 2026, mark + 1, mark + 500});
            mark += 500;
        }
        gSink += lease.draw(today)->sequence;
    }
    row("cases.protocol_number_draws_per_s", count / secondsOf(Clock::now() - start), "draws/s",
        ">", 1'000'000);
}

void citizenValidation(int count) {
    kep::domain::SyntheticTaxIds ids{7};
    Citizen c;
    c.person.afm = ids.afm();
    c.person.amka = ids.amka(1984y / June / 21d);
    c.person.idCardNumber = "ΑΒ 123456";
    c.person.givenNameEl = "Ελένη";
    c.person.surnameEl = "Παπαδοπούλου";
    c.person.givenNameLatin = "Eleni";
    c.person.surnameLatin = "Papadopoulou";
    c.phone = "691 234 5678";
    c.email = "eleni.p@example.gr";
    const CitizenRequirements required{.amka = true, .idCard = true, .phone = true};
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const auto start = Clock::now();
        gSink += validateCitizen(c, required).size();
        samples.push_back(secondsOf(Clock::now() - start) * 1e6);
    }
    row("cases.validate_citizen_p99", percentile(samples, 0.99), "us", "<", 50);
}

void dueDates(int count) {
    const kep::domain::WorkingCalendar calendar;
    const auto deadline = *kep::domain::IsoDuration::parse("P60D").duration;
    const Instant filed = time_point_cast<milliseconds>(sys_days{2026y / March / 2d} + 8h);
    std::vector<HistoryEntry> history;
    for (int stay = 0; stay < 3; ++stay) {
        const Instant in = filed + days{10 + 14 * stay};
        history.push_back({CaseStatus::InProgress, CaseStatus::AwaitingDocuments, "a",
                           ActorRole::Authority, in, "documents"});
        history.push_back({CaseStatus::AwaitingDocuments,
                           CaseStatus::InProgress,
                           "c",
                           ActorRole::Clerk,
                           in + days{4},
                           {}});
    }
    const Instant asOf = filed + days{120};
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const auto start = Clock::now();
        gSink += static_cast<std::size_t>(
            dueDate(filed + days{i % 365}, deadline, history, calendar, {}, asOf)
                .due->stoppedWorkingDays);
        samples.push_back(secondsOf(Clock::now() - start) * 1e6);
    }
    row("cases.due_date_p60d_3_stays_p99", percentile(samples, 0.99), "us", "<", 100);
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    using kep::bench::Mode;
    const Sizes& sizes = *mode == Mode::Full ? kFull : *mode == Mode::Quick ? kQuick : kSmoke;
    lifecycleChecks(sizes.checks);
    protocolNumberDraws(sizes.draws);
    citizenValidation(sizes.validations);
    dueDates(sizes.dueDates);
    std::printf("sink %zu\n", gSink);
    return 0;
}
