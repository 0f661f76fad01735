// bench_desk_cases: desk.db with a busy office's years of cases (100,000 generated; --quick
// 10,000; --smoke 500): local filing p99 (durable), search p99, case list first page. Then the
// stress rows over 1,000,000 cases (--quick 100,000; --smoke 2,000), written straight into the
// tables CaseStore fills: search p99, case list, the work queues' counts, and the memory held.
#include "BenchProtocol.h"
#include "cases/CaseQueries.h"
#include "cases/CaseStore.h"
#include "cases/CitizenJson.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/domain/TaxId.h"
#include "shared/domain/TextFold.h"
#include "shared/domain/Uuid.h"
#include "storage/DeskDatabase.h"

#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
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

using kep::bench::row;

// Resident memory of this process (Linux), in MB.
double residentMb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return 0;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) {
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return 0;
}

// The statuses of an office's years of cases: the old ones closed (delivered, mostly), the last
// few weeks' a working set still open.
kep::cases::CaseStatus stressStatus(std::uint32_t draw, bool recent) {
    using kep::cases::CaseStatus;
    const std::uint32_t p = recent ? draw % 1000 : draw % 880;
    if (p < 820) {
        return CaseStatus::Delivered;
    }
    if (p < 860) {
        return CaseStatus::Rejected;
    }
    if (p < 880) {
        return CaseStatus::Withdrawn;
    }
    if (p < 910) {
        return CaseStatus::InProgress;
    }
    if (p < 930) {
        return CaseStatus::Forwarded;
    }
    if (p < 950) {
        return CaseStatus::ReadyForPickup;
    }
    if (p < 965) {
        return CaseStatus::AwaitingDocuments;
    }
    if (p < 985) {
        return CaseStatus::PendingApproval;
    }
    return CaseStatus::Submitted;
}

struct StressDesk {
    std::vector<std::string> afms;
    std::vector<std::string> surnames;
};

// A million cases through CaseStore::file would take the better part of an hour; the rows are
// the ones it writes (citizen, kase with the folded surnames), bound in large transactions.
StressDesk generateStress(const std::string& file, int cases) {
    StressDesk made;
    kep::db::OpenOptions fast;
    fast.synchronousFull = false;
    auto db = kep::db::Database::open(file, fast);
    kep::db::migrate(db, kep::desk::storage::deskMigrations());
    std::mt19937 rng(7);
    kep::domain::SyntheticTaxIds taxIds(7);
    kep::domain::UuidV7Generator ids;
    std::vector<std::string> citizenIds;
    const auto firstDay = std::chrono::sys_days{std::chrono::year{2019} / 1 / 7};
    constexpr int kPerTransaction = 20'000;
    constexpr int kOpenCases = 20'000;  // about six weeks of a busy office
    for (int start = 0; start < cases; start += kPerTransaction) {
        kep::db::Transaction tx(db);
        auto citizen = db.prepare(
            "INSERT INTO citizen (id, kind, afm, surname_el_folded, surname_latin_folded, "
            "record, updated_at) VALUES (?1, 'greek', ?2, ?3, '', ?4, ?5)");
        auto kase = db.prepare(
            "INSERT INTO kase (id, protocol_number, office, procedure_id, catalogue_version, "
            "procedure_title, requires_approval, citizen_id, status, evidence, fee_cents, "
            "due_date, notes, filed_by, filed_at, updated_at, surname_el_folded, "
            "surname_latin_folded) VALUES (?1, ?2, '0101', ?3, 1, ?4, 1, ?5, ?6, '{}', 0, ?7, "
            "'', ?8, ?9, ?9, ?10, '')");
        for (int i = start; i < std::min(cases, start + kPerTransaction); ++i) {
            // Seven years of an office, oldest first; every third case a returning citizen.
            const auto filedAt = Instant{firstDay} + std::chrono::seconds{i * 200};
            const bool returning = i % 3 == 0 && !citizenIds.empty();
            std::size_t who = citizenIds.size();
            if (returning) {
                who = rng() % citizenIds.size();
            } else {
                made.afms.push_back(taxIds.afm());
                made.surnames.push_back(std::string(kSurnames[rng() % std::size(kSurnames)]) +
                                        kSuffixes[rng() % std::size(kSuffixes)]);
                kep::cases::Citizen person;
                person.person.kind = kep::cases::CitizenKind::Greek;
                person.person.afm = made.afms.back();
                person.person.givenNameEl = "Μαρία";
                person.person.surnameEl = made.surnames.back();
                citizenIds.push_back(ids.next().toString());
                citizen.bind(1, citizenIds.back())
                    .bind(2, person.person.afm)
                    .bind(3, kep::domain::foldForSearch(person.person.surnameEl))
                    .bind(4, citizenToJson(person))
                    .bind(5, filedAt.time_since_epoch().count())
                    .run();
            }
            const auto due = std::chrono::year_month_day{
                std::chrono::floor<std::chrono::days>(filedAt) + std::chrono::days{30}};
            char dueText[16];
            std::snprintf(dueText, sizeof dueText, "%04d-%02u-%02u", int(due.year()),
                          unsigned(due.month()), unsigned(due.day()));
            kase.bind(1, ids.next().toString())
                .bind(2, "0101/" +
                             std::to_string(int(std::chrono::year_month_day{
                                 std::chrono::floor<std::chrono::days>(filedAt)}
                                                    .year())) +
                             "/" + std::to_string(i + 1))
                .bind(3, std::to_string(900000 + rng() % 400))
                .bind(4, "Έκδοση πιστοποιητικού")
                .bind(5, citizenIds[who])
                .bind(6, kep::cases::toString(stressStatus(rng(), cases - i <= kOpenCases)))
                .bind(7, std::string(dueText))
                .bind(8, "user-clerk-" + std::to_string(rng() % 12))
                .bind(9, filedAt.time_since_epoch().count())
                .bind(10, kep::domain::foldForSearch(made.surnames[who]))
                .run();
        }
        tx.commit();
    }
    return made;
}

}  // namespace

int main(int argc, char** argv) {
    const std::optional<kep::bench::Mode> mode = kep::bench::parseMode(argc, argv);
    if (!mode) {
        return 2;
    }
    int cases = 100'000;
    int saves = 300;
    int stressCases = 1'000'000;
    if (*mode == kep::bench::Mode::Quick) {
        cases = 10'000;
        saves = 200;
        stressCases = 100'000;
    } else if (*mode == kep::bench::Mode::Smoke) {
        cases = 500;
        saves = 50;
        stressCases = 2'000;
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

    // The stress rows: a fresh desk.db of stressCases, opened as the desk opens it.
    const QString stressFile = dir.filePath(QStringLiteral("stress.db"));
    start = Clock::now();
    const StressDesk stress = generateStress(stressFile.toStdString(), stressCases);
    std::printf("stress: generated %d cases in %.1f s\n", stressCases, msSince(start) / 1000.0);
    auto stressDb = kep::desk::storage::openDeskDatabase(stressFile);
    CaseStore stressStore(stressDb, "0101", "ws-bench");
    const kep::domain::WorkingCalendar calendar;
    CaseQueries queues(stressStore, stressDb, calendar, "0101");

    start = Clock::now();
    const auto stressTotal = stressStore.caseCount();
    const auto stressPage = stressStore.withStatus(kep::cases::CaseStatus::InProgress, 100);
    const double stressListMs = msSince(start);
    std::printf("stress case list: %lld cases, first page %zu rows\n",
                static_cast<long long>(stressTotal), stressPage.size());

    std::vector<double> stressSearchMs;
    for (int i = 0; i < 400; ++i) {
        std::string query;
        switch (i % 4) {
            case 0:
                query = stress.surnames[rng() % stress.surnames.size()].substr(0, 8);
                break;
            case 1:
                query = stress.afms[rng() % stress.afms.size()];
                break;
            case 2:
                query = "0101/2019/" + std::to_string(1 + rng() % 1000);
                break;
            default:
                query = std::to_string(900000 + rng() % 400);
                break;
        }
        start = Clock::now();
        const auto found = stressStore.search(query);
        stressSearchMs.push_back(msSince(start));
        if (found.empty()) {
            std::printf("stress search found nothing for query kind %d\n", i % 4);
            return 1;
        }
    }

    // The work queues page on opening: every count beside the queue names, then one queue.
    const Instant today{std::chrono::sys_days{std::chrono::year{2026} / 3 / 24}};
    start = Clock::now();
    const auto counts = queues.counts("user-clerk-1", today);
    const auto mine = queues.cases({QueueKind::Mine}, "user-clerk-1", today, 200);
    std::printf(
        "stress work queues: counts and my first 200 cases in %.1f ms (mine %lld, "
        "overdue %lld, due soon %lld)\n",
        msSince(start), static_cast<long long>(counts.mine), static_cast<long long>(counts.overdue),
        static_cast<long long>(counts.dueSoon));

    row("desk_cases.stress_search_p99_1m", percentile99(stressSearchMs), "ms", "<", 30);
    row("desk_cases.stress_case_list_open_1m", stressListMs, "ms", "<", 300);
    row("desk_cases.stress_desk_memory_1m", residentMb(), "MB", "<", 200);
    return 0;
}
