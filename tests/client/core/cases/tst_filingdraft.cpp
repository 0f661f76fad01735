// A filing draft as desk.db keeps it: everything typed comes back (Greek included, and how the
// citizen applied), a mark or key the desk does not know does not stop it opening, and filing
// removes the draft in the same transaction — a refused filing leaves it.
#include "cases/CaseStore.h"
#include "cases/DraftStore.h"
#include "cases/FilingDraft.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kep::desk::cases;
using kep::cases::EvidenceState;

namespace {

const kep::cases::Actor kClerk{"user-clerk-1", kep::cases::ActorRole::Clerk};
const Instant kNow{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10} +
                   std::chrono::hours{10}};

FilingDraft typedDraft() {
    FilingDraft d;
    d.procedureId = "900012";
    d.catalogueVersion = 3;
    d.citizen.person.afm = kep::domain::SyntheticTaxIds(7).afm();
    d.citizen.person.surnameEl = "Παπαδοπούλου";
    d.citizen.person.givenNameEl = "Ελένη";
    d.citizen.email = "eleni@example.gr";
    d.citizen.phone = "6912345678";
    d.evidence = {{"1", EvidenceState::Provided},
                  {"2", EvidenceState::ToBeObtainedByKep},
                  {"3", EvidenceState::Missing}};
    d.notes = "Θα φέρει τη δήλωση\nαύριο";
    d.attachments = {{std::string(64, 'a'), "application/pdf", 12345, "1"}};
    d.channel = CaseChannel::Remote;
    return d;
}

}  // namespace

class tst_FilingDraft : public QObject {
    Q_OBJECT

private slots:
    void everythingTypedComesBack() {
        const FilingDraft d = typedDraft();
        const auto back = filingDraftFromJson(filingDraftToJson(d));
        QVERIFY(back);
        QCOMPARE(back->procedureId, d.procedureId);
        QCOMPARE(back->catalogueVersion, d.catalogueVersion);
        QCOMPARE(back->citizen.person.afm, d.citizen.person.afm);
        QCOMPARE(back->citizen.person.surnameEl, d.citizen.person.surnameEl);
        QCOMPARE(back->citizen.person.givenNameEl, d.citizen.person.givenNameEl);
        QCOMPARE(back->citizen.email, d.citizen.email);
        QCOMPARE(back->citizen.phone, d.citizen.phone);
        QVERIFY(back->evidence == d.evidence);
        QCOMPARE(back->notes, d.notes);
        QVERIFY(back->attachments == d.attachments);
        QVERIFY(back->channel == CaseChannel::Remote);
    }

    // A draft saved before channels existed, or naming one this desk does not know, is a
    // counter case; every known channel comes back as chosen.
    void channelComesBackOrReadsAsTheCounter_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("channel");
        QTest::newRow("none saved") << R"({"procedure_id":"900012"})"
                                    << "counter";
        QTest::newRow("unknown") << R"({"procedure_id":"900012","channel":"fax"})"
                                 << "counter";
        QTest::newRow("remote") << R"({"procedure_id":"900012","channel":"remote"})"
                                << "remote";
        QTest::newRow("gov.gr") << R"({"procedure_id":"900012","channel":"govgr"})"
                                << "govgr";
    }
    void channelComesBackOrReadsAsTheCounter() {
        QFETCH(QString, json);
        QFETCH(QString, channel);
        const auto back = filingDraftFromJson(json.toStdString());
        QVERIFY(back);
        QCOMPARE(QString::fromUtf8(toString(back->channel).data()), channel);
    }

    void notADraftIsRefused_data() {
        QTest::addColumn<QString>("json");
        QTest::newRow("empty") << QString();
        QTest::newRow("not JSON") << QStringLiteral("{\"procedure_id\":");
        QTest::newRow("an array") << QStringLiteral("[1,2]");
        QTest::newRow("no procedure") << QStringLiteral(R"({"notes":"x"})");
    }
    void notADraftIsRefused() {
        QFETCH(QString, json);
        QVERIFY(!filingDraftFromJson(json.toStdString()));
    }

    void unknownMarksAndKeysDoNotStopADraft() {
        const auto back = filingDraftFromJson(
            R"({"procedure_id":"900012","evidence":[{"id":"1","state":"lost"}],"future":1})");
        QVERIFY(back);
        QCOMPARE(back->evidence.size(), std::size_t{1});
        QVERIFY(back->evidence[0].second == EvidenceState::Missing);
        QVERIFY(back->citizen.person.surnameEl.empty());
    }

    void filingRemovesItsDraftInTheSameTransaction() {
        QTemporaryDir dir;
        auto db = kep::desk::storage::openDeskDatabase(dir.filePath(QStringLiteral("desk.db")));
        DraftStore drafts(db);
        drafts.save({"draft-1", kClerk.id, filingDraftToJson(typedDraft()), 1});
        drafts.save({"draft-2", kClerk.id, filingDraftToJson(typedDraft()), 2});
        CaseStore store(db, "0101", "ws-1");
        CaseFiling filing;
        filing.procedureId = "900012";
        filing.procedureTitle = "Έκδοση πιστοποιητικού";
        filing.citizen = typedDraft().citizen;
        filing.dueDate = std::chrono::year{2026} / 3 / 24;
        filing.draftId = "draft-1";

        // No protocol number: refused, and the draft stays to be filed later.
        QVERIFY(!store.file(filing, kClerk, kNow).ok());
        QCOMPARE(drafts.draftsOf(kClerk.id).size(), std::size_t{2});

        ProtocolLeaseStore(db, "0101").addBlock({"0101", 2026, 1, 10});
        const auto result = store.file(filing, kClerk, kNow);
        QVERIFY2(result.ok(), result.message.c_str());
        const auto left = drafts.draftsOf(kClerk.id);
        QCOMPARE(left.size(), std::size_t{1});
        QCOMPARE(left[0].id, std::string("draft-2"));  // only the filed case's own draft
    }
};

QTEST_GUILESS_MAIN(tst_FilingDraft)
#include "tst_filingdraft.moc"
