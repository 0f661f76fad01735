// The work queues over desk.db: due soon and overdue counted in Greek working days around
// holidays, the stopped clock of awaiting_documents, awaiting the citizen, my cases, the counts
// beside each queue, and the case search that adds procedure titles from the catalogue.
#include "../../support/CatalogueFeed.h"
#include "cases/CaseQueries.h"
#include "cases/CaseStore.h"
#include "cases/ProtocolLeaseStore.h"
#include "catalogue/CatalogueIndex.h"
#include "catalogue/CatalogueStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace kep::desk::cases;
using kep::cases::ActorRole;
using kep::cases::CaseStatus;
using std::chrono::year_month_day;

Q_DECLARE_METATYPE(QueueKind)

namespace {

const kep::cases::Actor kClerk{"user-clerk-1", ActorRole::Clerk};
const kep::cases::Actor kOtherClerk{"user-clerk-2", ActorRole::Clerk};
const kep::cases::Actor kAuthority{"authority-1", ActorRole::Authority};
const kep::cases::Actor kManager{"user-manager-1", ActorRole::Manager};

// 08:00 UTC on a date: 10:00 or 11:00 in Greece, the same day there.
Instant at(int y, unsigned m, unsigned d, int hour = 8) {
    return Instant{std::chrono::sys_days{std::chrono::year{y} / m / d} + std::chrono::hours{hour}};
}

year_month_day date(const QString& iso) {
    const QDate d = QDate::fromString(iso, Qt::ISODate);
    return std::chrono::year{d.year()} / unsigned(d.month()) / unsigned(d.day());
}

QString iso(year_month_day d) {
    return QDate(int(d.year()), int(unsigned(d.month())), int(unsigned(d.day())))
        .toString(Qt::ISODate);
}

struct Desk {
    QTemporaryDir dir;
    kep::db::Database db;
    CaseStore store;
    kep::domain::WorkingCalendar calendar;
    CaseQueries queries;
    kep::domain::SyntheticTaxIds afms{7};

    Desk()
        : db(kep::desk::storage::openDeskDatabase(dir.filePath("desk.db")))
        , store(db, "0101", "ws-1")
        , queries(store, db, calendar, "0101") {
        ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 1000});
    }

    // A case filed on 2 March 2026 with this statutory due date, no approval needed unless
    // asked.
    std::string file(const std::string& due, const std::string& surname = "Παπαδοπούλου",
                     const kep::cases::Actor& clerk = kClerk,
                     const std::string& procedureId = "900012", int minute = 0,
                     bool requiresApproval = false) {
        CaseFiling f;
        f.procedureId = procedureId;
        f.catalogueVersion = 1;
        f.procedureTitle = "Έκδοση πιστοποιητικού εγγυτέρων συγγενών";
        f.requiresApproval = requiresApproval;
        f.citizen.person.kind = kep::cases::CitizenKind::Greek;
        f.citizen.person.afm = afms.afm();
        f.citizen.person.givenNameEl = "Ελένη";
        f.citizen.person.surnameEl = surname;
        f.evidence = {{"1", kep::cases::EvidenceState::Provided}};
        f.dueDate = date(QString::fromStdString(due));
        const auto result = store.file(f, clerk, at(2026, 3, 2) + std::chrono::minutes{minute});
        if (!result.ok()) {
            qFatal("filing refused: %s", result.message.c_str());
        }
        return result.filed->id;
    }

    void move(const std::string& id, CaseStatus to, Instant when,
              const kep::cases::Actor& actor = kClerk) {
        const auto done = store.transition(id, to, actor, "synthetic reason", when);
        if (!done.ok()) {
            qFatal("transition refused: %s", done.message.c_str());
        }
    }

    // Submitted → forwarded → in progress, with the authority from `when`.
    void toAuthority(const std::string& id, Instant when) {
        move(id, CaseStatus::Forwarded, when);
        move(id, CaseStatus::InProgress, when, kAuthority);
    }
};

QStringList ids(const std::vector<QueueCase>& cases) {
    QStringList list;
    for (const auto& c : cases) {
        list << QString::fromStdString(c.summary.id);
    }
    return list;
}

}  // namespace

class tst_CaseQueries : public QObject {
    Q_OBJECT

private slots:
    // Today is Tuesday 24 March 2026; 25 March (Wednesday) is a national holiday, so the due-soon
    // window of five working days runs to Wednesday 1 April.
    void deadlineQueues_data() {
        QTest::addColumn<QString>("statutory");
        QTest::addColumn<QString>("story");  // what happened to the case after filing
        QTest::addColumn<QString>("expectedDue");
        QTest::addColumn<bool>("overdue");
        QTest::addColumn<bool>("dueSoon");

        QTest::newRow("due yesterday") << "2026-03-23"
                                       << "submitted"
                                       << "2026-03-23" << true << false;
        QTest::newRow("due today") << "2026-03-24"
                                   << "submitted"
                                   << "2026-03-24" << false << true;
        QTest::newRow("fifth working day, over the 25 March holiday")
            << "2026-04-01"
            << "submitted"
            << "2026-04-01" << false << true;
        QTest::newRow("sixth working day") << "2026-04-02"
                                           << "submitted"
                                           << "2026-04-02" << false << false;
        QTest::newRow("with the authority, overdue") << "2026-03-20"
                                                     << "in_progress"
                                                     << "2026-03-20" << true << false;
        // Stopped Monday 16 to Thursday 19 March: three working days (17, 18, 19) added to
        // Friday 20 March skip the holiday: 23, 24, 26 March.
        QTest::newRow("the stopped clock takes it off the overdue list")
            << "2026-03-20"
            << "stopped 16-19 March"
            << "2026-03-26" << false << true;
        // Awaiting documents since Wednesday 18 March: 19, 20, 23, 24 stopped so far, and no
        // deadline runs while the citizen has to act.
        QTest::newRow("awaiting documents: in neither") << "2026-03-20"
                                                        << "awaiting since 18 March"
                                                        << "2026-03-27" << false << false;
        QTest::newRow("completed: the authority has decided") << "2026-03-10"
                                                              << "completed"
                                                              << "2026-03-10" << false << false;
        QTest::newRow("withdrawn") << "2026-03-10"
                                   << "withdrawn"
                                   << "2026-03-10" << false << false;
    }

    void deadlineQueues() {
        QFETCH(QString, statutory);
        QFETCH(QString, story);
        QFETCH(QString, expectedDue);
        QFETCH(bool, overdue);
        QFETCH(bool, dueSoon);
        Desk desk;
        const std::string id = desk.file(statutory.toStdString());
        if (story == "in_progress") {
            desk.toAuthority(id, at(2026, 3, 3));
        } else if (story == "stopped 16-19 March") {
            desk.toAuthority(id, at(2026, 3, 3));
            desk.move(id, CaseStatus::AwaitingDocuments, at(2026, 3, 16), kAuthority);
            desk.move(id, CaseStatus::InProgress, at(2026, 3, 19), kAuthority);
        } else if (story == "awaiting since 18 March") {
            desk.toAuthority(id, at(2026, 3, 3));
            desk.move(id, CaseStatus::AwaitingDocuments, at(2026, 3, 18), kAuthority);
        } else if (story == "completed") {
            desk.toAuthority(id, at(2026, 3, 3));
            desk.move(id, CaseStatus::Completed, at(2026, 3, 9), kAuthority);
        } else if (story == "withdrawn") {
            desk.move(id, CaseStatus::Withdrawn, at(2026, 3, 3));
        }
        const Instant now = at(2026, 3, 24);
        QCOMPARE(iso(desk.queries.dueSoonUntil(date("2026-03-24"))), QString("2026-04-01"));

        const auto late = desk.queries.cases({QueueKind::Overdue}, kClerk.id, now, 50);
        const auto soon = desk.queries.cases({QueueKind::DueSoon}, kClerk.id, now, 50);
        QCOMPARE(late.size(), std::size_t(overdue ? 1 : 0));
        QCOMPARE(soon.size(), std::size_t(dueSoon ? 1 : 0));
        const auto counts = desk.queries.counts(kClerk.id, now);
        QCOMPARE(counts.overdue, overdue ? 1 : 0);
        QCOMPARE(counts.dueSoon, dueSoon ? 1 : 0);

        const auto shown = desk.queries.caseById(id, now);
        QVERIFY(shown);
        QCOMPARE(iso(shown->due), expectedDue);
        QCOMPARE(shown->overdue, overdue);
        QCOMPARE(shown->clockStopped, story == "awaiting since 18 March");
        QCOMPARE(QString::fromStdString(shown->summary.dueDate), statutory);  // as filed
    }

    // Easter 2026 (12 April): Good Friday the 10th and Easter Monday the 13th are off, so on
    // Thursday 9 April the five working days are 14, 15, 16, 17 and 20 April.
    void dueSoonAcrossEaster_data() {
        QTest::addColumn<QString>("statutory");
        QTest::addColumn<bool>("dueSoon");
        QTest::newRow("Friday 17 April") << "2026-04-17" << true;
        QTest::newRow("Monday 20 April") << "2026-04-20" << true;
        QTest::newRow("Tuesday 21 April") << "2026-04-21" << false;
        QTest::newRow("Thursday 9 April, today") << "2026-04-09" << true;
    }

    void dueSoonAcrossEaster() {
        QFETCH(QString, statutory);
        QFETCH(bool, dueSoon);
        Desk desk;
        desk.file(statutory.toStdString());
        const Instant now = at(2026, 4, 9);
        QCOMPARE(iso(desk.queries.dueSoonUntil(date("2026-04-09"))), QString("2026-04-20"));
        QCOMPARE(desk.queries.counts(kClerk.id, now).dueSoon, dueSoon ? 1 : 0);
        QCOMPARE(desk.queries.counts(kClerk.id, now).overdue, 0);
    }

    // Several cases at once: each queue lists what its count says, in due-date order, and the
    // limit cuts the list but not the count.
    void queuesAndTheirCounts() {
        Desk desk;
        const auto late2 = desk.file("2026-03-20", "Αλεξίου", kClerk, "900012", 1);
        const auto late1 = desk.file("2026-03-19", "Βασιλείου", kOtherClerk, "900012", 2);
        const auto soon = desk.file("2026-03-26", "Γεωργίου", kOtherClerk, "900012", 3);
        const auto waiting = desk.file("2026-04-30", "Δημητρίου", kClerk, "900012", 4);
        desk.toAuthority(waiting, at(2026, 3, 3));
        desk.move(waiting, CaseStatus::AwaitingDocuments, at(2026, 3, 4), kAuthority);
        const auto pickup = desk.file("2026-03-05", "Ευαγγέλου", kClerk, "900012", 5);
        desk.toAuthority(pickup, at(2026, 3, 3));
        desk.move(pickup, CaseStatus::Completed, at(2026, 3, 4), kAuthority);
        desk.move(pickup, CaseStatus::ReadyForPickup, at(2026, 3, 5));
        const Instant now = at(2026, 3, 24);

        const auto counts = desk.queries.counts(kClerk.id, now);
        QCOMPARE(counts.mine, 3);
        QCOMPARE(counts.overdue, 2);
        QCOMPARE(counts.dueSoon, 1);
        QCOMPARE(counts.of({QueueKind::AwaitingCitizen}), 2);
        QCOMPARE(counts.of({QueueKind::Status, CaseStatus::Submitted}), 3);
        QCOMPARE(counts.of({QueueKind::Status, CaseStatus::ReadyForPickup}), 1);
        QCOMPARE(counts.of({QueueKind::Status, CaseStatus::Delivered}), 0);

        const auto overdue = desk.queries.cases({QueueKind::Overdue}, kClerk.id, now, 50);
        QCOMPARE(ids(overdue),
                 QStringList({QString::fromStdString(late1), QString::fromStdString(late2)}));
        QCOMPARE(desk.queries.cases({QueueKind::Overdue}, kClerk.id, now, 1).size(),
                 std::size_t(1));
        QCOMPARE(ids(desk.queries.cases({QueueKind::DueSoon}, kClerk.id, now, 50)),
                 QStringList{QString::fromStdString(soon)});
        QCOMPARE(ids(desk.queries.cases({QueueKind::AwaitingCitizen}, kClerk.id, now, 50)),
                 QStringList({QString::fromStdString(pickup), QString::fromStdString(waiting)}));
        // Mine: newest first, only the signed-in clerk's.
        QCOMPARE(ids(desk.queries.cases({QueueKind::Mine}, kClerk.id, now, 50)),
                 QStringList({QString::fromStdString(pickup), QString::fromStdString(waiting),
                              QString::fromStdString(late2)}));
        QCOMPARE(desk.queries.cases({QueueKind::Mine}, kOtherClerk.id, now, 50).size(),
                 std::size_t(2));
        const auto submitted =
            desk.queries.cases({QueueKind::Status, CaseStatus::Submitted}, kClerk.id, now, 50);
        QCOMPARE(ids(submitted),
                 QStringList({QString::fromStdString(late1), QString::fromStdString(late2),
                              QString::fromStdString(soon)}));
        QVERIFY(submitted[0].overdue);
        QVERIFY(!submitted[2].overdue);
    }

    // Ready to forward: every approved case, and the submitted ones whose procedure needs no
    // approval; not those still awaiting approval nor those already with the authority.
    void readyToForwardQueue() {
        Desk desk;
        const auto noApproval = desk.file("2026-03-27", "Αλεξίου", kClerk, "900012", 1);
        const auto approved = desk.file("2026-03-26", "Βασιλείου", kClerk, "900012", 2, true);
        desk.move(approved, CaseStatus::Approved, at(2026, 3, 3), kManager);
        desk.file("2026-03-25", "Γεωργίου", kClerk, "900012", 3, true);  // awaiting approval
        const auto gone = desk.file("2026-03-24", "Δημητρίου", kClerk, "900012", 4);
        desk.toAuthority(gone, at(2026, 3, 3));
        // Returned and resubmitted under an approval rule: submitted, but not ready.
        const auto back = desk.file("2026-03-23", "Ευαγγέλου", kClerk, "900012", 5, true);
        desk.move(back, CaseStatus::ReturnedToClerk, at(2026, 3, 3), kManager);
        desk.move(back, CaseStatus::Submitted, at(2026, 3, 4));
        const Instant now = at(2026, 3, 24);

        QCOMPARE(desk.queries.counts(kClerk.id, now).of({QueueKind::ReadyToForward}), 2);
        // By due date: the approved case is due first.
        QCOMPARE(
            ids(desk.queries.cases({QueueKind::ReadyToForward}, kClerk.id, now, 50)),
            QStringList({QString::fromStdString(approved), QString::fromStdString(noApproval)}));
        QCOMPARE(desk.queries.cases({QueueKind::ReadyToForward}, kClerk.id, now, 1).size(),
                 std::size_t(1));
        // The channel filter narrows the count and the list alike.
        QCOMPARE(desk.queries.counts(kClerk.id, now, CaseChannel::Remote)
                     .of({QueueKind::ReadyToForward}),
                 0);
        QVERIFY(
            desk.queries.cases({QueueKind::ReadyToForward}, kClerk.id, now, 50, CaseChannel::Remote)
                .empty());
    }

    // The queue look-ups stay index reads as desk.db grows (the counts read the status index
    // whole: that is what an exact count per status costs).
    void queueListsUseIndexes() {
        Desk desk;
        for (int i = 0; i < 30; ++i) {
            desk.file(i % 2 ? "2026-03-20" : "2026-05-20", "Ζαχαρίου", kClerk, "900012", i);
        }
        struct Scans {
            QStringList statements;
            static int onProfile(unsigned, void* self, void* stmt, void*) {
                auto* st = static_cast<sqlite3_stmt*>(stmt);
                if (sqlite3_stmt_status(st, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0) > 0) {
                    static_cast<Scans*>(self)->statements << QString::fromUtf8(sqlite3_sql(st));
                }
                return 0;
            }
        } scans;
        sqlite3_trace_v2(desk.db.handle(), SQLITE_TRACE_PROFILE, &Scans::onProfile, &scans);
        const Instant now = at(2026, 3, 24);
        for (const QueueKind kind :
             {QueueKind::Mine, QueueKind::DueSoon, QueueKind::Overdue, QueueKind::AwaitingCitizen,
              QueueKind::ReadyToForward, QueueKind::Status}) {
            desk.queries.cases({kind}, kClerk.id, now, 50);
        }
        desk.queries.search("Ζαχαρ", now, 50);
        sqlite3_trace_v2(desk.db.handle(), 0, nullptr, nullptr);
        QVERIFY2(scans.statements.isEmpty(), qPrintable(scans.statements.join("\n")));
    }

    // Surname without accents (CaseStore's search), and a word of the procedure's title through
    // the catalogue index, Greek or Greeklish; digits never look at titles.
    void searchFindsSurnamesAndProcedureTitles_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("surnames");
        QTest::newRow("surname, no accents") << "παπαδοπουλου" << QStringList{"Παπαδοπούλου"};
        QTest::newRow("surname, capitals") << "ΝΙΚΟΛ" << QStringList{"Νικολάου"};
        QTest::newRow("procedure title word")
            << "ληξιαρχικ" << QStringList({"Νικολάου", "Παπαδοπούλου"});
        QTest::newRow("procedure title in Greeklish")
            << "lixiarxik" << QStringList({"Νικολάου", "Παπαδοπούλου"});
        QTest::newRow("another title") << "ποινικου μητρωου" << QStringList{"Οικονόμου"};
        QTest::newRow("nothing") << "ξξξξ" << QStringList{};
    }

    void searchFindsSurnamesAndProcedureTitles() {
        QFETCH(QString, typed);
        QFETCH(QStringList, surnames);
        Desk desk;
        kep::desk::catalogue::CatalogueStore catalogue(desk.db);
        catalogue.applyPage(kep::desk::test::CatalogueFeed::sample().everything());
        kep::desk::catalogue::CatalogueIndex index;
        index.load(catalogue);
        desk.queries.setProcedureTitles(&index);
        // 900009 and 900010 are certificates of the civil registry, 900018 the criminal record.
        desk.file("2026-03-20", "Παπαδοπούλου", kClerk, "900009", 1);
        desk.file("2026-03-20", "Νικολάου", kClerk, "900010", 2);
        desk.file("2026-03-20", "Οικονόμου", kClerk, "900018", 3);

        QStringList found;
        for (const auto& c : desk.queries.search(typed.toStdString(), at(2026, 3, 24), 50)) {
            found << QString::fromStdString(c.summary.surname);
        }
        QCOMPARE(found, surnames);  // newest first
    }

    void staffNamesFromThisDesksSignIns() {
        Desk desk;
        desk.db
            .prepare(
                "INSERT INTO offline_verifier (username_key, user_id, username, display_name, "
                "role, office_code, office_name, verifier, last_online_check) VALUES "
                "('clerk.demo', ?1, 'clerk.demo', 'Μαρία Δοκιμαστική', 'clerk', '0101', 'ΚΕΠ', "
                "'v', '2026-03-01T08:00:00Z')")
            .bind(1, kClerk.id)
            .run();
        QCOMPARE(QString::fromStdString(desk.queries.staffName(kClerk.id)),
                 QStringLiteral("Μαρία Δοκιμαστική"));
        QCOMPARE(desk.queries.staffName("someone-else"), std::string("someone-else"));
    }
};

QTEST_GUILESS_MAIN(tst_CaseQueries)
#include "tst_casequeries.moc"
