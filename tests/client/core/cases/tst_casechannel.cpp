// How a case came and where it goes (issue 7) on the desk: the channel's stored names, the
// channel, competent authority and contacts a filing queues in its one create op, the channel and
// result a pulled case brings, and the queues and search narrowed to one channel.
#include "cases/CaseChannel.h"
#include "cases/CaseQueries.h"
#include "cases/CaseStore.h"
#include "cases/ProcedureFiling.h"
#include "cases/ProtocolLeaseStore.h"
#include "shared/domain/TaxId.h"
#include "storage/DeskDatabase.h"
#include "sync/CaseReplica.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kep::desk::cases;
using kep::cases::ActorRole;
using kep::cases::CaseStatus;

Q_DECLARE_METATYPE(kep::desk::cases::CaseChannel)

namespace {

const kep::cases::Actor kClerk{"user-clerk-1", ActorRole::Clerk};
// 2026-03-10 10:00 UTC, a Tuesday.
const Instant kNow{std::chrono::sys_days{std::chrono::year{2026} / 3 / 10} +
                   std::chrono::hours{10}};

CaseFiling filingFor(int taxIdSeed, CaseChannel channel, std::string authority = {}) {
    CaseFiling f;
    f.procedureId = "900012";
    f.catalogueVersion = 3;
    f.procedureTitle = "Έκδοση πιστοποιητικού οικογενειακής κατάστασης";
    f.requiresApproval = false;
    f.citizen.person.kind = kep::cases::CitizenKind::Greek;
    f.citizen.person.afm = kep::domain::SyntheticTaxIds(taxIdSeed).afm();
    f.citizen.person.givenNameEl = "Ελένη";
    f.citizen.person.surnameEl = "Παπαδοπούλου";
    f.dueDate = std::chrono::year{2026} / 3 / 20;
    f.channel = channel;
    f.authorityId = std::move(authority);
    return f;
}

// QCOMPARE shows a channel by its stored name.
QString name(CaseChannel channel) {
    return QString::fromUtf8(toString(channel).data());
}
QString name(std::optional<CaseChannel> channel) {
    return channel ? name(*channel) : QStringLiteral("(none)");
}

}  // namespace

class tst_CaseChannel : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::optional<kep::db::Database> db_;
    std::unique_ptr<CaseStore> store_;
    int nextTaxId_ = 1;

    std::string file(CaseFiling filing) {
        const auto result = store_->file(filing, kClerk, kNow);
        return result.ok() ? result.filed->id : std::string();
    }

private slots:
    void init() {
        store_.reset();
        db_.reset();
        QFile::remove(dir_.filePath("desk.db"));
        db_.emplace(kep::desk::storage::openDeskDatabase(dir_.filePath("desk.db")));
        ProtocolLeaseStore(*db_, "0101").addBlock({"0101", 2026, 1, 100});
        store_ = std::make_unique<CaseStore>(*db_, "0101", "ws-1");
    }

    void namesRoundTrip_data() {
        QTest::addColumn<CaseChannel>("channel");
        QTest::addColumn<QString>("text");
        QTest::newRow("counter") << CaseChannel::Counter << "counter";
        QTest::newRow("remote") << CaseChannel::Remote << "remote";
        QTest::newRow("gov.gr") << CaseChannel::GovGr << "govgr";
        QTest::newRow("EU-GO") << CaseChannel::EuGo << "eugo";
    }

    void namesRoundTrip() {
        QFETCH(CaseChannel, channel);
        QFETCH(QString, text);
        QCOMPARE(QString::fromUtf8(toString(channel).data()), text);
        QCOMPARE(name(caseChannelFromString(text.toStdString())), name(channel));
    }

    void unknownOrAbsentReadsAsTheCounter() {
        QVERIFY(!caseChannelFromString("fax"));
        QCOMPARE(name(channelOrCounter("fax")), QString("counter"));
        QCOMPARE(name(channelOrCounter("")), QString("counter"));
    }

    // One create op carries how the case came, where it goes and whom to tell.
    void remoteFilingQueuesChannelAuthorityAndContacts() {
        CaseFiling filing = filingFor(nextTaxId_++, CaseChannel::Remote, "100042");
        filing.citizen.phone = "6912345678";
        filing.citizen.email = "eleni@example.org";
        const std::string id = file(filing);
        QVERIFY(!id.empty());
        const auto ops = store_->outbox().pendingOps(10);
        QCOMPARE(ops.size(), std::size_t(1));
        const auto& fields = ops[0].fields;
        QCOMPARE(fields.at("channel"), std::string("remote"));
        QCOMPARE(fields.at("authority_id"), std::string("100042"));
        const QJsonObject contact =
            QJsonDocument::fromJson(QByteArray::fromStdString(fields.at("contact"))).object();
        // As the filing normalised the record: in international form.
        QCOMPARE(contact.value("phone").toString(), QString("+306912345678"));
        QCOMPARE(contact.value("email").toString(), QString("eleni@example.org"));
        QCOMPARE(name(store_->caseById(id)->channel), name(CaseChannel::Remote));
    }

    void counterFilingWithoutAuthorityOrContacts() {
        const std::string id = file(filingFor(nextTaxId_++, CaseChannel::Counter));
        const auto ops = store_->outbox().pendingOps(10);
        QCOMPARE(ops.size(), std::size_t(1));
        QCOMPARE(ops[0].fields.at("channel"), std::string("counter"));
        QVERIFY(!ops[0].fields.contains("authority_id"));
        QVERIFY(!ops[0].fields.contains("contact"));
        QCOMPARE(name(store_->caseById(id)->channel), name(CaseChannel::Counter));
        QVERIFY(store_->caseById(id)->resultSha256.empty());
    }

    // An online application pulled from the server, then its result.
    void pulledCaseBringsItsChannelAndResult() {
        const std::string id = file(filingFor(nextTaxId_++, CaseChannel::Counter));
        kep::desk::sync::writeCase(*db_, {id, "0101", {{"channel", "govgr"}}, 2}, kNow);
        QCOMPARE(name(store_->caseById(id)->channel), name(CaseChannel::GovGr));

        const std::string sha(64, 'a');
        kep::desk::sync::writeCase(*db_, {id, "0101", {{"result_sha256", sha}}, 3}, kNow);
        QCOMPARE(store_->caseById(id)->resultSha256, sha);
        QCOMPARE(name(store_->caseById(id)->channel),
                 name(CaseChannel::GovGr));  // a field not sent is kept

        kep::desk::sync::writeCase(*db_, {id, "0101", {{"channel", "carrier-pigeon"}}, 4}, kNow);
        QCOMPARE(name(store_->caseById(id)->channel), name(CaseChannel::Counter));
    }

    void queuesAndSearchNarrowToOneChannel() {
        file(filingFor(nextTaxId_++, CaseChannel::Counter));
        file(filingFor(nextTaxId_++, CaseChannel::Remote));
        file(filingFor(nextTaxId_++, CaseChannel::Remote));
        const kep::domain::WorkingCalendar calendar;
        CaseQueries queries(*store_, *db_, calendar, "0101");
        const WorkQueue submitted{QueueKind::Status, CaseStatus::Submitted};
        QCOMPARE(queries.counts(kClerk.id, kNow).of(submitted), 3);
        QCOMPARE(queries.counts(kClerk.id, kNow, CaseChannel::Remote).of(submitted), 2);
        QCOMPARE(queries.counts(kClerk.id, kNow, CaseChannel::Remote).mine, 2);
        QCOMPARE(queries.counts(kClerk.id, kNow, CaseChannel::EuGo).of(submitted), 0);
        QCOMPARE(queries.cases(submitted, kClerk.id, kNow, 10, CaseChannel::Counter).size(),
                 std::size_t(1));
        QCOMPARE(queries.cases({QueueKind::Mine}, kClerk.id, kNow, 10, CaseChannel::Remote).size(),
                 std::size_t(2));
        QCOMPARE(queries.search("Παπαδοπ", kNow, 10).size(), std::size_t(3));
        const auto remote = queries.search("Παπαδοπ", kNow, 10, CaseChannel::Remote);
        QCOMPARE(remote.size(), std::size_t(2));
        for (const auto& shown : remote) {
            QCOMPARE(name(shown.summary.channel), QString("remote"));
        }
    }

    // The authority's words are the reason of the status the case is in now.
    void awaitingDocumentsCarriesTheAuthoritysReason() {
        const std::string id = file(filingFor(nextTaxId_++, CaseChannel::Counter));
        kep::desk::sync::writeCase(*db_,
                                   {id,
                                    "0101",
                                    {{"status", "awaiting_documents"},
                                     {"status_reason", "the birth certificate, certified"},
                                     {"status_actor", "authority-user-1"},
                                     {"status_role", "authority"}},
                                    5},
                                   kNow);
        const kep::domain::WorkingCalendar calendar;
        CaseQueries queries(*store_, *db_, calendar, "0101");
        QCOMPARE(queries.counts(kClerk.id, kNow).of({QueueKind::AwaitingDocuments}), 1);
        const auto waiting = queries.cases({QueueKind::AwaitingDocuments}, kClerk.id, kNow, 10);
        QCOMPARE(waiting.size(), std::size_t(1));
        QCOMPARE(waiting[0].statusReason, std::string("the birth certificate, certified"));
        QVERIFY(waiting[0].clockStopped);
    }

    void remoteOnlyForProceduresOfferedRemotely_data() {
        QTest::addColumn<bool>("offered");
        QTest::addColumn<CaseChannel>("chosen");
        QTest::addColumn<CaseChannel>("filed");
        QTest::newRow("offered, remote") << true << CaseChannel::Remote << CaseChannel::Remote;
        QTest::newRow("offered, counter") << true << CaseChannel::Counter << CaseChannel::Counter;
        QTest::newRow("not offered") << false << CaseChannel::Remote << CaseChannel::Counter;
    }

    void remoteOnlyForProceduresOfferedRemotely() {
        QFETCH(bool, offered);
        QFETCH(CaseChannel, chosen);
        QFETCH(CaseChannel, filed);
        kep::catalogue::Procedure procedure;
        if (offered) {
            procedure.provisionOrgGroupsRemote.push_back(
                {std::string(kep::catalogue::kRemoteServiceGroupId), {}});
        }
        QCOMPARE(name(filingChannel(procedure, chosen)), name(filed));
    }

    void competentAuthorityIsTheOptionElseTheOwner_data() {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<QString>("authority");
        QTest::newRow("option set") << "AUTH-0042"
                                    << "100017"
                                    << "AUTH-0042";
        QTest::newRow("register's owner") << ""
                                          << "100017"
                                          << "100017";
        QTest::newRow("neither") << ""
                                 << ""
                                 << "";
    }

    void competentAuthorityIsTheOptionElseTheOwner() {
        QFETCH(QString, option);
        QFETCH(QString, owner);
        QFETCH(QString, authority);
        kep::desk::catalogue::PublishedRecord record;
        record.kep.competentAuthorityId = option.toStdString();
        record.procedure.orgOwner.id = owner.toStdString();
        QCOMPARE(QString::fromStdString(competentAuthorityOf(record)), authority);
    }
};

QTEST_MAIN(tst_CaseChannel)
#include "tst_casechannel.moc"
