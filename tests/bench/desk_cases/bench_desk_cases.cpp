// bench_desk_cases: desk.db with a busy office's years of cases (100,000 generated; --quick
// 10,000; --smoke 500): local filing p99 (durable), search p99, case list first page.
#include "cases/CaseStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace kep::desk::cases;
using Clock = std::chrono::steady_clock;

namespace {

const char* const kSurnames[] = {
    "Παπαδόπουλος", "Παπαδοπούλου", "Γεωργίου",     "Νικολάου",  "Οικονόμου",
    "Δημητρίου",    "Ιωάννου",      "Κωνσταντίνου", "Βασιλείου", "Αθανασίου",
    "Μακρής",       "Καραγιάννη",   "Χριστοδούλου", "Αλεξίου",   "Σταυρόπουλος",
    "Μιχαηλίδης",   "Πετρόπουλος",  "Κουτσούρης",   "Ζαχαρίου",  "Λαμπράκη",
    "Ρήγα",         "Θεοδώρου",     "Τσακίρης",     "Φωτίου",    "Ψαλτάκης"};
const char* const kSuffixes[] = {"", "ς", "ου", "άκη", "ίδη", "όγλου", "ιάδη", "άτου"};

double percentile99(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    return samples[static_cast<std::size_t>(0.99 * static_cast<double>(samples.size() - 1))];
}

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void row(const char* metric, double value, const char* unit, const char* op, double target) {
    std::printf("ROW\t%s\t%.3f\t%s\t%s\t%g\n", metric, value, unit, op, target);
}

}  // namespace

int main(int argc, char** argv) {
    int cases = 100'000;
    int saves = 300;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0) {
            cases = 10'000;
            saves = 200;
        } else if (std::strcmp(argv[i], "--smoke") == 0) {
            cases = 500;
            saves = 50;
        }
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("desk.db"));
    std::mt19937 rng(42);
    kep::domain::SyntheticTaxIds taxIds(42);
    std::vector<std::string> afms;
    std::vector<std::string> surnames;
    const kep::cases::Actor clerk{"user-clerk-1", kep::cases::ActorRole::Clerk};
    auto filing = [&](int i) {
        CaseFiling f;
        f.procedureId = std::to_string(900000 + i % 400);
        f.catalogueVersion = 1;
        f.procedureTitle = "Έκδοση πιστοποιητικού";
        f.requiresApproval = i % 3 != 0;
        f.citizen.person.kind = kep::cases::CitizenKind::Greek;
        // Every third case is a returning citizen.
        const bool returning = i % 3 == 0 && !afms.empty();
        if (!returning) {
            afms.push_back(taxIds.afm());
            surnames.push_back(std::string(kSurnames[rng() % std::size(kSurnames)]) +
                               kSuffixes[rng() % std::size(kSuffixes)]);
        }
        const std::size_t who = returning ? rng() % afms.size() : afms.size() - 1;
        f.citizen.person.afm = afms[who];
        f.citizen.person.givenNameEl = "Μαρία";
        f.citizen.person.surnameEl = surnames[who];
        f.evidence = {{"1", kep::cases::EvidenceState::Provided}};
        f.dueDate = std::chrono::year{2026} / 4 / 1;
        return f;
    };
    const auto base = Instant{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2}};

    // Generation without fsync per case (it would measure the disk, not the store).
    {
        kep::db::OpenOptions fast;
        fast.synchronousFull = false;
        auto db = kep::db::Database::open(file.toStdString(), fast);
        kep::db::migrate(db, kep::desk::storage::deskMigrations());
        ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 5'000'000});
        CaseStore store(db, "0101", "ws-bench");
        const auto start = Clock::now();
        for (int i = 0; i < cases; ++i) {
            store.file(filing(i), clerk, base + std::chrono::seconds{i});
        }
        std::printf("generated %d cases in %.1f s\n", cases, msSince(start) / 1000.0);
    }

    auto db = kep::desk::storage::openDeskDatabase(file);
    CaseStore store(db, "0101", "ws-bench");

    // Opening the case list: the count for the scroll bar and the first page a lazy model shows.
    auto start = Clock::now();
    const auto total = store.caseCount();
    const auto page = store.withStatus(kep::cases::CaseStatus::PendingApproval, 100);
    const double listMs = msSince(start);
    std::printf("case list: %lld cases, first page %zu rows\n", static_cast<long long>(total),
                page.size());

    // Search: surname prefixes as typed (accents dropped), ΑΦΜ, protocol numbers, procedures.
    std::vector<double> searchMs;
    std::vector<double> searchMsByKind[4];  // surname, ΑΦΜ, protocol number, procedure
    for (int i = 0; i < 400; ++i) {
        std::string query;
        switch (i % 4) {
            case 0:
                query = surnames[rng() % surnames.size()].substr(0, 8);
                break;
            case 1:
                query = afms[rng() % afms.size()];
                break;
            case 2:
                query = "0101/2026/" + std::to_string(1 + rng() % cases);
                break;
            default:
                query = std::to_string(900000 + rng() % 400);
                break;
        }
        start = Clock::now();
        const auto found = store.search(query);
        searchMs.push_back(msSince(start));
        searchMsByKind[i % 4].push_back(searchMs.back());
        if (found.empty()) {
            std::printf("search found nothing for query kind %d\n", i % 4);
            return 1;
        }
    }

    const char* const kinds[] = {"surname prefix", "afm", "protocol number", "procedure"};
    for (int k = 0; k < 4; ++k) {
        std::printf("search p99 by %s: %.3f ms\n", kinds[k], percentile99(searchMsByKind[k]));
    }

    // Local save: one filing, durable (synchronous=FULL), as at the counter.
    std::vector<double> saveMs;
    for (int i = 0; i < saves; ++i) {
        const auto f = filing(cases + i);
        start = Clock::now();
        const auto result = store.file(f, clerk, base + std::chrono::seconds{cases + i});
        saveMs.push_back(msSince(start));
        if (!result.ok()) {
            std::printf("filing refused: %s\n", result.message.c_str());
            return 1;
        }
    }

    row("desk_cases.local_save_p99", percentile99(saveMs), "ms", "<", 5);
    row("desk_cases.search_p99", percentile99(searchMs), "ms", "<", 10);
    row("desk_cases.case_list_open", listMs, "ms", "<", 100);
    return 0;
}
