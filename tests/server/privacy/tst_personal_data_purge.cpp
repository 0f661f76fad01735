// Retention, erasure and the Art. 15 export against a real kep-server over TLS (issue 9,
// must-have 3): synthetic citizens' cases filed and closed through a desk's sync push, with
// documents uploaded through the attachment routes. Before a purge their ΑΦΜ, ΑΜΚΑ and surname
// are found as bytes under the data folder (the positive control); after it, in no file there —
// database, WAL, attachments — while the other citizens' data is intact, and a desk's pull
// brings it the deletion. Run a second time on PostgreSQL (tst_personal_data_purge_pg: `init
// --dsn` on the ctest cluster), where every table is searched for the citizen instead of kep.db.
#include "PrivacyServer.h"
#include "db/Database.h"
#include "shared/domain/TaxId.h"
#ifdef KEP_WITH_DESK
#include "storage/DeskDatabase.h"
#include "sync/DeskReplicaStore.h"
#endif

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using kep::test::errorCodeOf;
using kep::test::FiledCase;
using kep::test::jsonOf;
using kep::test::PrivacyTestKit;
using kep::test::ServerProcess;
using kep::test::SyntheticCitizen;

namespace {

// Synthetic people (valid check digits, invented surnames): tests/tools/logscan looks for them.
const SyntheticCitizen kRetained{"135790242", "15038543219", "ΔΟΚΙΜΟΠΟΥΛΟΣ", "DOKIMOPOULOS"};
const SyntheticCitizen kKept{"246801350", "02079176547", "ΠΑΡΑΔΕΙΓΜΑΤΙΔΗ", "PARADEIGMATIDI"};
const SyntheticCitizen kErased{"357914680", "28117600982", "ΥΠΟΘΕΤΙΚΟΥ", "YPOTHETIKOU"};
const SyntheticCitizen kLegalHold{"468135796", "09048855127", "ΠΛΑΣΜΑΤΙΚΟΣ", "PLASMATIKOS"};
const SyntheticCitizen kElsewhere{"579246801", "17126944333", "ΕΠΙΝΟΗΜΕΝΟΥ", "EPINOIMENOU"};
const SyntheticCitizen kClosedLongAgo{"680246137", "23029977883", "ΑΝΥΠΑΡΚΤΟΥ", "ANYPARKTOU"};

constexpr char kProcedure[] = "test-procedure";
constexpr char kLegalProcedure[] = "test-procedure-legal";

std::string body(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

}  // namespace

class tst_PersonalDataPurge : public QObject {
    Q_OBJECT

private:
    kep::test::PrivacyServer privacyServer_;
    ServerProcess& server_ = privacyServer_.process;
    std::unique_ptr<kep::test::TestServerDatabase>& database_ = privacyServer_.database;
    std::unique_ptr<kep::test::SyncTestKit> sync_;
    std::optional<kep::test::SyncDesk> desk_;       // office 0101
    std::optional<kep::test::SyncDesk> deskThess_;  // office 0202
    std::unique_ptr<PrivacyTestKit> files_;
    std::unique_ptr<PrivacyTestKit> filesThess_;
    std::string central_;
    std::string manager_;
    FiledCase keptOpen_;
    FiledCase keptClosed_;

    std::string signIn(const QString& username) {
        auto& identity = sync_->identity();
        const auto token =
            identity.signIn(*desk_->client, username, identity.account(username).password);
        return token.value_or("");
    }

    kep::net::Response post(const std::string& token, const std::string& target,
                            const QJsonObject& object) {
        return desk_->client->request("POST", target, body(object), "application/json",
                                      kep::test::bearer(token));
    }

    // Every change of the case the office bucket holds, from the start.
    std::vector<kep::sync::Change> changesOf(const std::string& caseId) {
        std::vector<kep::sync::Change> changes;
        std::int64_t cursor = 0;
        for (;;) {
            auto pulled = kep::test::pullOnce(*desk_->transport, desk_->bucket(), cursor);
            if (!pulled) {
                return {};
            }
            for (auto& change : pulled->changes) {
                if (change.entity.id == caseId) {
                    changes.push_back(std::move(change));
                }
            }
            if (!pulled->hasMore) {
                return changes;
            }
            cursor = pulled->cursor;
        }
    }

#ifdef KEP_WITH_DESK
    // A real desk's replica (desk.db, the desk's own apply code) brought up to date by pulls.
    void pullIntoDesk(kep::db::Database& deskDb) {
        kep::desk::sync::DeskReplicaStore replica(deskDb, [] {
            return std::chrono::time_point_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now());
        });
        for (;;) {
            const auto pulled = kep::test::pullOnce(*desk_->transport, desk_->bucket(),
                                                    replica.cursor(desk_->bucket()));
            QVERIFY(pulled);
            replica.applyPulled(desk_->bucket(), pulled->changes, pulled->cursor);
            if (!pulled->hasMore) {
                return;
            }
        }
    }

    static std::int64_t deskRows(kep::db::Database& deskDb, const char* sql,
                                 const std::string& key) {
        auto count = deskDb.prepare(sql);
        count.bind(1, key);
        count.step();
        return count.int64(0);
    }
#endif

    QStringList holding(const SyntheticCitizen& citizen) const {
        return privacyServer_.holding(citizen);
    }

    // How many of the tables a purge writes PostgreSQL says were VACUUMed (not by autovacuum:
    // last_vacuum) in the test's own database.
    int vacuumedTables() {
        auto db = database_->connect();
        auto count = db.prepare(
            "SELECT count(*) FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL AND relname "
            "IN ('sync_entity', 'sync_change', 'sync_case_history', 'intake_requests', "
            "'notification_outbox', 'satisfaction_case', 'attachment_content')");
        count.step();
        return static_cast<int>(count.int64(0));
    }

    int auditCount(const std::string& action, const std::string& recordId,
                   const std::string& purpose) {
        auto db = database_->connect({.mode = kep::db::OpenMode::ReadOnly});
        auto count = db.prepare(
            "SELECT count(*) FROM audit_entry WHERE action = ?1 AND record_id = ?2 "
            "AND purpose = ?3");
        count.bind(1, action).bind(2, recordId).bind(3, purpose);
        count.step();
        return static_cast<int>(count.int64(0));
    }

private slots:
    void initTestCase() {
        for (const auto* citizen :
             {&kRetained, &kKept, &kErased, &kLegalHold, &kElsewhere, &kClosedLongAgo}) {
            QVERIFY(kep::domain::validateAfm(citizen->afm).ok());
            QVERIFY(kep::domain::validateAmka(citizen->amka).ok());
        }
        QVERIFY2(privacyServer_.start(), qPrintable(server_.errorString()));
        sync_ = std::make_unique<kep::test::SyncTestKit>(server_);
        QVERIFY2(sync_->setUp(), qPrintable(sync_->errorString()));
        desk_ = sync_->enrolDesk("0101");
        deskThess_ = sync_->enrolDesk("0202");
        QVERIFY2(desk_ && deskThess_, qPrintable(sync_->errorString()));
        const auto clerk = sync_->actor(*desk_, "clerk");
        const auto clerkThess = sync_->actor(*deskThess_, "clerk.thess");
        QVERIFY2(clerk && clerkThess, qPrintable(sync_->errorString()));
        files_ = std::make_unique<PrivacyTestKit>(*sync_, *desk_, *clerk);
        filesThess_ = std::make_unique<PrivacyTestKit>(*sync_, *deskThess_, *clerkThess);
        central_ = signIn("central");
        manager_ = signIn("manager");
        QVERIFY(!central_.empty() && !manager_.empty());
    }

    void retentionPurgesClosedCasesEverywhere() {
        // A procedure whose files the law keeps 3 years, purged after 10.
        const auto rule = desk_->client->request(
            "PUT", std::string("/api/v1/privacy/retention/") + kLegalProcedure,
            body({{"purge_after_years", 10}, {"keep_at_least_years", 3}}), "application/json",
            kep::test::bearer(central_));
        QCOMPARE(rule.status, 200);

        auto retained = files_->file(kRetained, kProcedure, true);
        QVERIFY2(!retained.id.empty(), qPrintable(files_->errorString()));
        QVERIFY2(files_->withdraw(retained, kRetained), qPrintable(files_->errorString()));
        // The kept citizen: one closed case (purged) and one open case naming the same document,
        // which must therefore stay.
        keptClosed_ = files_->file(kKept, kProcedure, true);
        keptOpen_ = files_->file(kKept, kProcedure, true);
        QVERIFY2(!keptClosed_.id.empty() && !keptOpen_.id.empty(),
                 qPrintable(files_->errorString()));
        QCOMPARE(keptOpen_.documentSha256, keptClosed_.documentSha256);
        QVERIFY(files_->withdraw(keptClosed_, kKept));
        auto legal = files_->file(kLegalHold, kLegalProcedure, false);
        QVERIFY(files_->withdraw(legal, kLegalHold));

        // Positive control: the citizen is there, in the database (SQLite: kep.db or its WAL;
        // PostgreSQL: the case's row and its changes) and in a document.
        const auto before = holding(kRetained);
        QVERIFY2(!before.filter("attachments/").isEmpty(), qPrintable(before.join('\n')));
        const QStringList inDatabase = database_->isPostgres()
                                           ? QStringList{"^sync_entity: ", "^sync_change: "}
                                           : QStringList{"^kep\\.db"};
        for (const auto& where : inDatabase) {
            QVERIFY2(!before.filter(QRegularExpression(where)).isEmpty(),
                     qPrintable(before.join('\n')));
        }
        QVERIFY(before.join('\n').contains(QString::fromStdString(kRetained.surnameEl)));

#ifdef KEP_WITH_DESK
        QTemporaryDir deskFolder;
        auto deskDb = kep::desk::storage::openDeskDatabase(deskFolder.filePath("desk.db"));
        pullIntoDesk(deskDb);
        QCOMPARE(deskRows(deskDb, "SELECT count(*) FROM kase WHERE id = ?1", retained.id), 1);
#endif
        const auto later =
            QDateTime::currentDateTimeUtc().addYears(6).toString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        QCOMPARE(sync_->identity().command({"retention", "run", "--now", later}), 0);
        const auto report = QJsonDocument::fromJson(server_.lastOutput()).object();
        QCOMPARE(report["purged"].toInt(), 2);  // the two withdrawn cases of test-procedure
        QCOMPARE(report[database_->isPostgres() ? "vacuumed" : "wal_truncated"].toBool(), true);
        if (database_->isPostgres()) {
            QCOMPARE(vacuumedTables(), 7);  // every table a purge writes
        }

        const auto after = holding(kRetained);
        QVERIFY2(after.isEmpty(), qPrintable(after.join('\n')));
        // The other citizens are intact: the kept one's open case and its shared document.
        QVERIFY(!holding(kKept).isEmpty());
        QVERIFY(QFile::exists(server_.dataDir() + "/attachments/" +
                              QString::fromStdString(keptOpen_.documentSha256) + ".pdf"));
        QVERIFY(!holding(kLegalHold).isEmpty());

        // A desk pulling the bucket from the start gets no personal field, then the deletion.
        const auto changes = changesOf(retained.id);
        QVERIFY(changes.size() >= 3);
        for (const auto& change : changes) {
            QVERIFY(!change.fields.contains("citizen"));
            QVERIFY(!change.fields.contains("contact"));
            QVERIFY(!change.fields.contains("attachments"));
        }
        QVERIFY(changes.back().deleted);
        QVERIFY(changes.front().fields.contains("protocol_number"));
        const auto open = changesOf(keptOpen_.id);
        QVERIFY(!open.empty() && open.front().fields.contains("citizen"));

        QCOMPARE(auditCount("case.purge", retained.id, "retention"), 1);
#ifdef KEP_WITH_DESK
        // The desk that pulls drops its copy of the case.
        pullIntoDesk(deskDb);
        QCOMPARE(deskRows(deskDb, "SELECT count(*) FROM kase WHERE id = ?1", retained.id), 0);
        QCOMPARE(deskRows(deskDb, "SELECT count(*) FROM kase WHERE id = ?1", keptOpen_.id), 1);
        // … and the person with their last case there.
        QCOMPARE(deskRows(deskDb, "SELECT count(*) FROM citizen WHERE afm = ?1", kRetained.afm), 0);
#endif
        QCOMPARE(sync_->identity().command({"retention", "run", "--now", later}), 0);
        QCOMPARE(QJsonDocument::fromJson(server_.lastOutput()).object()["purged"].toInt(), 0);
    }

    void erasureIsRefusedWhileACaseIsOpen() {
        auto open = files_->file(kErased, kProcedure, true);
        QVERIFY2(!open.id.empty(), qPrintable(files_->errorString()));
        const QJsonObject request{{"tax_id", QString::fromStdString(kErased.afm)},
                                  {"reason", "art17_request"}};

        QCOMPARE(post(manager_, "/api/v1/privacy/erasure", request).status, 403);
        const auto refused = post(central_, "/api/v1/privacy/erasure", request);
        QCOMPARE(refused.status, 409);
        QCOMPARE(errorCodeOf(refused), QStringLiteral("erasure_refused"));
        QVERIFY(refused.body.find(open.id) != std::string::npos);
        QVERIFY(refused.body.find(kErased.afm) == std::string::npos);
        QVERIFY(!holding(kErased).isEmpty());

        QVERIFY(files_->withdraw(open, kErased));
        const auto erased = post(central_, "/api/v1/privacy/erasure", request);
        QCOMPARE(erased.status, 200);
        QCOMPARE(jsonOf(erased)["erased"].toArray(), QJsonArray{QString::fromStdString(open.id)});
        const auto after = holding(kErased);
        QVERIFY2(after.isEmpty(), qPrintable(after.join('\n')));
        QCOMPARE(auditCount("case.purge", open.id, "erasure"), 1);
        QVERIFY(!holding(kKept).isEmpty());
    }

    void erasureIsRefusedWithinTheLegalRetention() {
        const auto refused =
            post(central_, "/api/v1/privacy/erasure",
                 {{"tax_id", QString::fromStdString(kLegalHold.afm)}, {"reason", "art17_request"}});
        QCOMPARE(refused.status, 409);
        const auto cases = jsonOf(refused)["cases"].toArray();
        QCOMPARE(cases.size(), 1);
        QCOMPARE(cases[0].toObject()["why"].toString(), QStringLiteral("retention"));
    }

    void erasureNeedsAValidTaxIdAndAReasonCode() {
        const auto badId = post(central_, "/api/v1/privacy/erasure",
                                {{"tax_id", "123456789"}, {"reason", "art17_request"}});
        QCOMPARE(badId.status, 400);
        QVERIFY(badId.body.find("123456789") == std::string::npos);
        const auto prose =
            post(central_, "/api/v1/privacy/erasure",
                 {{"tax_id", QString::fromStdString(kErased.afm)}, {"reason", "asked by phone"}});
        QCOMPARE(prose.status, 400);
    }

    void exportHoldsEverythingAboutTheCitizen() {
        const QJsonObject request{{"tax_id", QString::fromStdString(kKept.afm)},
                                  {"format", "json"}};
        const auto exported = post(manager_, "/api/v1/privacy/export", request);
        QCOMPARE(exported.status, 200);
        auto document = jsonOf(exported);
        QCOMPARE(document["tax_id"].toString(), QString::fromStdString(kKept.afm));
        const auto cases = document["cases"].toArray();
        QCOMPARE(cases.size(), 1);  // the closed one was purged: it names nobody any more
        const auto c = cases[0].toObject();
        QCOMPARE(c["id"].toString(), QString::fromStdString(keptOpen_.id));
        QCOMPARE(c["fields"].toObject()["citizen"].toObject()["amka"].toString(),
                 QString::fromStdString(kKept.amka));
        QVERIFY(c["fields"].toObject()["contact"].isObject());
        QVERIFY(!c["history"].toArray().isEmpty());
        QCOMPARE(c["documents"].toArray()[0].toObject()["sha256"].toString(),
                 QString::fromStdString(keptOpen_.documentSha256));
        QVERIFY(c["notifications"].isArray());
        QVERIFY(c["audit"].isArray());

        // The export itself is audited: the next one shows it.
        document = jsonOf(post(central_, "/api/v1/privacy/export", request));
        bool audited = false;
        for (const auto entry : document["audit"].toArray()) {
            audited |= entry.toObject()["action"].toString() == "citizen.export";
        }
        QVERIFY(audited);
    }

    void exportAsPdfInGreekAndEnglish_data() {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("title");
        QTest::newRow("el") << "el" << QStringLiteral("Αντίγραφο προσωπικών δεδομένων");
        QTest::newRow("en") << "en" << QStringLiteral("Copy of personal data");
    }

    void exportAsPdfInGreekAndEnglish() {
        QFETCH(QString, lang);
        QFETCH(QString, title);
        const auto pdf = post(
            manager_, "/api/v1/privacy/export",
            {{"tax_id", QString::fromStdString(kKept.afm)}, {"format", "pdf"}, {"lang", lang}});
        QCOMPARE(pdf.status, 200);
        QVERIFY(pdf.body.starts_with("%PDF"));
        QTemporaryDir dir;
        QFile file(dir.filePath("export.pdf"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pdf.body.data(), static_cast<qint64>(pdf.body.size()));
        file.close();
        QProcess text;
        text.start("pdftotext", {file.fileName(), "-"});
        QVERIFY(text.waitForFinished(30000));
        const auto words = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(words.contains(title), qPrintable(words.left(300)));
        QVERIFY(words.contains(QString::fromStdString(keptOpen_.id)));
    }

    void exportReachesOnlyOfficesHoldingACase() {
        auto elsewhere = filesThess_->file(kElsewhere, kProcedure, false);
        QVERIFY2(!elsewhere.id.empty(), qPrintable(filesThess_->errorString()));
        const QJsonObject request{{"tax_id", QString::fromStdString(kElsewhere.afm)}};
        const auto denied = post(manager_, "/api/v1/privacy/export", request);
        QCOMPARE(denied.status, 403);
        const auto central = post(central_, "/api/v1/privacy/export", request);
        QCOMPARE(central.status, 200);
        QCOMPARE(jsonOf(central)["cases"].toArray().size(), 1);
    }

    // The same through `kep-server privacy …` on the host, the ΑΦΜ on standard input.
    void commandLineExportAndErasure() {
        auto run = [this](const QStringList& arguments, const std::string& input, int& code) {
            QProcess command;
            command.start(ServerProcess::binary(), QStringList{"privacy"} + arguments +
                                                       QStringList{"--data", server_.dataDir()});
            command.write(QByteArray::fromStdString(input + "\n"));
            command.closeWriteChannel();
            command.waitForFinished(30000);
            code = command.exitCode();
            return command.readAllStandardOutput() + command.readAllStandardError();
        };
        QTemporaryDir dir;
        const auto file = dir.filePath("export.json");
        int code = -1;
        run({"export", "--out", file}, kElsewhere.afm, code);
        QCOMPARE(code, 0);
        QFile exported(file);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        QCOMPARE(exported.permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions{});
        const auto cases = QJsonDocument::fromJson(exported.readAll()).object()["cases"].toArray();
        QCOMPARE(cases.size(), 1);
        const auto refused = run({"erase", "--reason", "art17_request"}, kElsewhere.afm, code);
        QCOMPARE(code, 1);
        QVERIFY(refused.contains(cases[0].toObject()["id"].toString().toUtf8()));
        QVERIFY(!refused.contains(QByteArray::fromStdString(kElsewhere.afm)));
        run({"erase", "--reason", "art17_request"}, "not-a-tax-id", code);
        QCOMPARE(code, 2);
    }

    // The server's own job (hourly, and at start): a case closed six years ago is purged without
    // anyone running a command.
    void theServerJobPurgesWhatIsDue() {
        auto late = files_->file(kClosedLongAgo, kProcedure, true);
        QVERIFY2(!late.id.empty(), qPrintable(files_->errorString()));
        QVERIFY(files_->withdraw(late, kClosedLongAgo));
        QCOMPARE(server_.stop(), 0);
        {
            auto db = database_->connect({.mode = kep::db::OpenMode::ReadWrite});
            const auto sixYearsAgo =
                QDateTime::currentDateTimeUtc().addYears(-6).toMSecsSinceEpoch();
            db.prepare(database_->isPostgres()
                           ? "UPDATE sync_entity SET state = jsonb_set(CAST(state AS jsonb), "
                             "'{f,status_at,0}', to_jsonb(CAST(?2 AS text)))::text "
                             "WHERE entity_type = 'case' AND entity_id = ?1"
                           : "UPDATE sync_entity SET state = json_set(state, '$.f.status_at[0]', "
                             "?2) WHERE entity_type = 'case' AND entity_id = ?1")
                .bind(1, late.id)
                .bind(2, std::to_string(sixYearsAgo))
                .run();
        }
        QVERIFY(!holding(kClosedLongAgo).isEmpty());
        QVERIFY2(server_.serve(), qPrintable(server_.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(holding(kClosedLongAgo).isEmpty(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(auditCount("case.purge", late.id, "retention"), 1, 5000);
        QVERIFY(server_.log().contains("retention_purged"));
    }

    void theServerLogNamesNobody() {
        const auto log = server_.log();
        for (const auto* citizen :
             {&kRetained, &kKept, &kErased, &kLegalHold, &kElsewhere, &kClosedLongAgo}) {
            for (const auto& needle : citizen->needles()) {
                QVERIFY2(!log.contains(needle), needle.constData());
            }
        }
    }

    void cleanupTestCase() {
        server_.stop();
    }
};

QTEST_GUILESS_MAIN(tst_PersonalDataPurge)
#include "tst_personal_data_purge.moc"
