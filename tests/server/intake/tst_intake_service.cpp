// IntakeService on a real kep.db (PostgreSQL in tst_intake_service_pg) with the sample catalogue,
// the server's clock injected (the seam tests call instead of the route): an application filed on
// the Thursday before Orthodox Easter 2027 is due after Good Friday, the weekend and Easter Monday;
// one Idempotency-Key makes one case however often and however concurrently it is sent; another
// body under it is 422; EU-GO cases are in English; the case carries what the desks and the
// authority read.
#include "TestServerStore.h"
#include "TestSyncStore.h"

#include "catalogue/CatalogueStore.h"
#include "catalogue/MitosImport.h"
#include "intake/IntakeService.h"
#include "intake/NextStep.h"
#include "shared/catalogue/CanonicalForm.h"
#include "shared/domain/TaxId.h"
#include "shared/domain/Uuid.h"
#include "storage/ServerStore.h"
#include "sync/CaseRecords.h"
#include "sync/SyncService.h"

#include <boost/json.hpp>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>
#include <thread>

using kep::server::intake::IntakeChannel;
using kep::server::intake::IntakeOutcome;
using kep::server::intake::IntakeService;

namespace {

namespace json = boost::json;

kep::cases::Instant instantOf(const QString& isoUtc) {
    const auto ms = QDateTime::fromString(isoUtc, Qt::ISODate).toMSecsSinceEpoch();
    return kep::cases::Instant{std::chrono::milliseconds{ms}};
}

json::object greekBody(const std::string& procedure, int seed = 3) {
    return {{"procedure_id", procedure},
            {"office", "0101"},
            {"citizen",
             {{"afm", kep::domain::SyntheticTaxIds(seed).afm()},
              {"surname", "Οικονόμου"},
              {"given_name", "Νίκος"}}},
            {"contact", {{"email", "nikos@example.org"}}}};
}

json::object euBody(const std::string& procedure) {
    return {{"procedure_id", procedure},
            {"office", "0101"},
            {"citizen",
             {{"passport", "X1234567"},
              {"nationality", "FR"},
              {"surname", "Dubois"},
              {"given_name", "Claire"}}},
            {"contact", {{"phone", "+33612345678"}}}};
}

json::object answerOf(const IntakeOutcome& outcome) {
    return json::parse(outcome.answer).as_object();
}

QString text(const json::value& value) {
    return value.is_string() ? QString::fromStdString(std::string(value.get_string())) : QString();
}

}  // namespace

class tst_IntakeService : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<kep::test::TestServerDatabase> database_;
    std::unique_ptr<kep::server::storage::ServerStore> store_;
    std::unique_ptr<kep::test::TestSyncStore> syncStore_;
    std::unique_ptr<kep::server::sync::SyncService> sync_;
    std::unique_ptr<IntakeService> intake_;
    const kep::cases::Instant beforeEaster_ = instantOf("2027-04-29T07:00:00Z");

    std::int64_t caseCount() {
        std::lock_guard lock(store_->mutex());
        auto count = store_->database().prepare(
            "SELECT count(*) FROM sync_entity WHERE entity_type = 'case'");
        count.step();
        return count.int64(0);
    }

    std::optional<kep::server::sync::CaseRecord> caseOf(const json::object& answer) {
        std::lock_guard lock(store_->mutex());
        return kep::server::sync::findCase(store_->database(),
                                           std::string(answer.at("case_id").as_string()));
    }

    IntakeOutcome file(const std::string& key, const json::object& body,
                       IntakeChannel channel = IntakeChannel::GovGr) {
        return intake_->file(channel, key, body, beforeEaster_);
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        database_ = std::make_unique<kep::test::TestServerDatabase>(dir_.path().toStdString());
        store_ = database_->createStore();
        store_->addOffice({"0101", "ΚΕΠ Δοκιμών", "Αττική"});
        // The sample catalogue, all published but 900002, which stays a draft.
        kep::server::catalogue::MitosImporter importer(store_->database(), {});
        for (const auto& [folder, language] : {std::pair{"el", kep::catalogue::Language::El},
                                               std::pair{"en", kep::catalogue::Language::En}}) {
            const QDir sample(QStringLiteral(KEP_SOURCE_DIR "/resources/catalogue/") + folder);
            for (const auto& name : sample.entryList({"*.json"})) {
                QFile file(sample.filePath(name));
                QVERIFY(file.open(QIODevice::ReadOnly));
                const auto bytes = file.readAll().toStdString();
                importer.importInput(name.toStdString(), bytes, language);
            }
        }
        kep::server::catalogue::CatalogueStore catalogue(store_->database());
        auto ids = catalogue.draftIds();
        std::erase(ids, std::string("900002"));
        QVERIFY(catalogue.publishDrafts(ids, "2027-01-04T08:00:00Z").published > 40);

        syncStore_ = std::make_unique<kep::test::TestSyncStore>(*database_);
        sync_ = std::make_unique<kep::server::sync::SyncService>(syncStore_->store());
        intake_ = std::make_unique<IntakeService>(
            *store_, *sync_, std::make_shared<const kep::domain::WorkingCalendar>());
    }

    // Counted in Greek working days from the Greek civil date of filing: Good Friday (30
    // April), Saturday 1 May (Labour Day), Easter Sunday and Easter Monday (3 May) are off.
    void dueDateSkipsOrthodoxEaster_data() {
        QTest::addColumn<QString>("procedure");
        QTest::addColumn<QString>("filedAt");
        QTest::addColumn<QString>("due");
        QTest::newRow("P1D, Thursday morning") << "900007"
                                               << "2027-04-29T07:00:00Z"
                                               << "2027-05-04";
        QTest::newRow("P2D, Thursday morning") << "900024"
                                               << "2027-04-29T07:00:00Z"
                                               << "2027-05-05";
        QTest::newRow("P1D, Wednesday 22:30 UTC is Thursday in Greece") << "900007"
                                                                        << "2027-04-28T22:30:00Z"
                                                                        << "2027-05-04";
        QTest::newRow("P1D, Wednesday afternoon") << "900007"
                                                  << "2027-04-28T12:00:00Z"
                                                  << "2027-04-29";
    }
    void dueDateSkipsOrthodoxEaster() {
        QFETCH(QString, procedure);
        QFETCH(QString, filedAt);
        QFETCH(QString, due);
        const auto outcome =
            intake_->file(IntakeChannel::GovGr, std::string("easter-") + QTest::currentDataTag(),
                          greekBody(procedure.toStdString()), instantOf(filedAt));
        QVERIFY2(outcome.filed(), outcome.refusal ? outcome.refusal->message.c_str() : "");
        const auto answer = answerOf(outcome);
        QCOMPARE(text(answer.at("due_date")), due);
        QVERIFY(text(answer.at("protocol_number")).startsWith("0101/2027/"));
        const auto stored = caseOf(answer);
        QVERIFY(stored);
        QCOMPARE(QString::fromStdString(stored->field("due_date")), due);
    }

    void theCaseCarriesWhatDesksAndAuthoritiesRead() {
        const auto outcome = file("fields-1", greekBody("900007", 5));
        QVERIFY(outcome.filed());
        QVERIFY(!outcome.repeated);
        const auto answer = answerOf(outcome);
        QCOMPARE(text(answer.at("status")), QStringLiteral("submitted"));
        QCOMPARE(text(answer.at("channel")), QStringLiteral("govgr"));
        QCOMPARE(text(answer.at("language")), QStringLiteral("el"));
        const auto stored = caseOf(answer);
        QVERIFY(stored);
        QCOMPARE(stored->officeCode, std::string("0101"));
        QVERIFY(stored->status == kep::cases::CaseStatus::Submitted);
        QCOMPARE(stored->field("channel"), std::string("govgr"));
        QCOMPARE(stored->field("language"), std::string("el"));
        QCOMPARE(stored->field("procedure_id"), std::string("900007"));
        QCOMPARE(stored->field("protocol_number"),
                 std::string(answer.at("protocol_number").as_string()));
        QCOMPARE(stored->field("authority_id"), std::string("10102"));  // the register's owner
        QCOMPARE(stored->field("filed_by"), std::string("channel:govgr"));
        QVERIFY(stored->field("requires_approval") == "true" ||
                stored->field("requires_approval") == "false");
        const auto contact = json::parse(stored->field("contact")).as_object();
        QCOMPARE(text(contact.at("email")), QStringLiteral("nikos@example.org"));
        const auto citizen = json::parse(stored->field("citizen")).as_object();
        QCOMPARE(text(citizen.at("surname_el")), QStringLiteral("Οικονόμου"));
        QCOMPARE(text(citizen.at("afm")),
                 QString::fromStdString(kep::domain::SyntheticTaxIds(5).afm()));
        // The checklist: every document of the procedure, none seen yet; the answer lists them.
        const auto evidence = json::parse(stored->field("evidence")).as_object();
        const auto& documents = answer.at("documents").as_array();
        QCOMPARE(evidence.size(), documents.size());
        QVERIFY(!documents.empty());
        for (const auto& document : documents) {
            const auto id = std::string(document.at("id").as_string());
            QCOMPARE(text(evidence.at(id)), QStringLiteral("missing"));
            QVERIFY(!text(document.at("title")).isEmpty());
        }
        // Its history names the channel as the one who filed it.
        std::lock_guard lock(store_->mutex());
        const auto history = kep::server::sync::caseHistory(store_->database(), stored->id);
        QVERIFY(!history.empty());
        QVERIFY(history.back().to == kep::cases::CaseStatus::Submitted);
        QVERIFY(history.back().role == kep::cases::ActorRole::GovChannel);
    }

    void euGoCasesAreInEnglish() {
        const auto outcome = file("eugo-1", euBody("900007"), IntakeChannel::EuGo);
        QVERIFY2(outcome.filed(), outcome.refusal ? outcome.refusal->field.c_str() : "");
        const auto answer = answerOf(outcome);
        QCOMPARE(text(answer.at("language")), QStringLiteral("en"));
        QCOMPARE(text(answer.at("channel")), QStringLiteral("eugo"));
        QCOMPARE(text(answer.at("next_step")),
                 QString::fromUtf8(kep::server::intake::nextStep(kep::cases::CaseStatus::Submitted,
                                                                 kep::catalogue::Language::En)));
        // The checklist's titles are the register's English ones: Latin letters, no Greek.
        for (const auto& document : answer.at("documents").as_array()) {
            const QString title = text(document.at("title"));
            QVERIFY(!title.isEmpty());
            QVERIFY2(!title.contains(QRegularExpression("[\u0370-\u03ff]")), qPrintable(title));
        }
        const auto stored = caseOf(answer);
        QVERIFY(stored);
        QCOMPARE(stored->field("language"), std::string("en"));
        QCOMPARE(stored->field("filed_by"), std::string("channel:eugo"));
    }

    void oneKeyMakesOneCase() {
        const auto before = caseCount();
        const auto first = file("twice-1", greekBody("900007", 8));
        const auto second = file("twice-1", greekBody("900007", 8));
        QVERIFY(first.filed() && second.filed());
        QVERIFY(!first.repeated);
        QVERIFY(second.repeated);
        QCOMPARE(second.answer, first.answer);  // byte for byte
        QCOMPARE(caseCount(), before + 1);
        // The same key of the other channel is another application.
        QVERIFY(!file("twice-1", euBody("900007"), IntakeChannel::EuGo).repeated);
        QCOMPARE(caseCount(), before + 2);
    }

    void oneKeyWithAnotherBodyIsRefused() {
        QVERIFY(file("reused-1", greekBody("900007", 9)).filed());
        const auto before = caseCount();
        const auto other = file("reused-1", greekBody("900024", 9));
        QVERIFY(!other.filed());
        QCOMPARE(other.refusal->status, 422);
        QCOMPARE(other.refusal->code, std::string("idempotency_key_reused"));
        QCOMPARE(caseCount(), before);
    }

    void concurrentRepeatsMakeOneCase() {
        const auto before = caseCount();
        constexpr int kThreads = 8;
        std::vector<IntakeOutcome> outcomes(kThreads);
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back(
                [&, i] { outcomes[i] = file("concurrent-1", greekBody("900007", 10)); });
        }
        for (auto& thread : threads) {
            thread.join();
        }
        QCOMPARE(caseCount(), before + 1);
        int firsts = 0;
        for (const auto& outcome : outcomes) {
            QVERIFY(outcome.filed());
            QCOMPARE(outcome.answer, outcomes.front().answer);
            firsts += outcome.repeated ? 0 : 1;
        }
        QCOMPARE(firsts, 1);
    }

    void unknownOfficesAndProceduresAreRefused_data() {
        QTest::addColumn<QString>("procedure");
        QTest::addColumn<QString>("office");
        QTest::addColumn<QString>("field");
        QTest::newRow("a draft, never published") << "900002"
                                                  << "0101"
                                                  << "procedure_id";
        QTest::newRow("no such procedure") << "999999"
                                           << "0101"
                                           << "procedure_id";
        QTest::newRow("no such office") << "900007"
                                        << "9999"
                                        << "office";
    }
    void unknownOfficesAndProceduresAreRefused() {
        QFETCH(QString, procedure);
        QFETCH(QString, office);
        QFETCH(QString, field);
        auto body = greekBody(procedure.toStdString());
        body["office"] = office.toStdString();
        const auto before = caseCount();
        const auto outcome = file(std::string("refused-") + QTest::currentDataTag(), body);
        QVERIFY(!outcome.filed());
        QCOMPARE(outcome.refusal->status, 400);
        QCOMPARE(outcome.refusal->code, std::string("invalid_field"));
        QCOMPARE(QString::fromStdString(outcome.refusal->field), field);
        QCOMPARE(caseCount(), before);
    }

    // A crash after the key's row was written and before the case was created: the next
    // repeat creates that very case (its id was fixed in the row), and only once.
    void aRepeatFinishesAnInterruptedFiling() {
        const auto body = greekBody("900007", 11);
        const std::string caseId = kep::domain::newUuidV7().toString();
        const kep::server::intake::IntakeRecord interrupted{
            kep::catalogue::sha256Hex(kep::catalogue::canonicalJson(json::value(body))), caseId,
            "0101", "{\"case_id\":\"" + caseId + "\"}",
            kep::sync::FieldMap{{"protocol_number", "0101/2027/999999"},
                                {"procedure_id", "900007"},
                                {"channel", "govgr"},
                                {"requires_approval", "false"},
                                {"status", "submitted"}}};
        {
            std::lock_guard lock(store_->mutex());
            QVERIFY(kep::server::intake::IntakeRequests(store_->database())
                        .insert(IntakeChannel::GovGr, "interrupted-1", interrupted,
                                "2027-04-29T07:00:00Z"));
        }
        const auto before = caseCount();
        const auto repeated = file("interrupted-1", body);
        QVERIFY(repeated.filed() && repeated.repeated);
        QCOMPARE(repeated.answer, interrupted.answer);
        QCOMPARE(caseCount(), before + 1);
        const auto stored = caseOf(answerOf(repeated));
        QVERIFY(stored);
        QCOMPARE(stored->field("protocol_number"), std::string("0101/2027/999999"));
        QVERIFY(file("interrupted-1", body).repeated);
        QCOMPARE(caseCount(), before + 1);
    }
};

QTEST_APPLESS_MAIN(tst_IntakeService)
#include "tst_intake_service.moc"
