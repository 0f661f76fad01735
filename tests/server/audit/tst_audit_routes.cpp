// The audit routes against a real kep-server over TLS: entries written into its kep.db are
// signed by its checkpoint job within seconds; the newest checkpoint and the public key are
// public and verify; a record's entries go to its office's manager (their office's only) and to
// the central administration; inclusion and consistency proofs verify against the signed root;
// bad parameters are answered 400 naming the parameter.
#include "AuditTestLog.h"
#include "IdentityTestKit.h"
#include "shared/audit/Checkpoint.h"
#include "shared/audit/MerkleTree.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTest>

#include <algorithm>
#include <map>

using kep::audit::Hash;
using kep::test::bearer;
using kep::test::errorCodeOf;
using kep::test::IdentityTestKit;
using kep::test::jsonOf;
using kep::test::pollJson;
using kep::test::ServerProcess;

namespace {

constexpr char kRecord[] = "019ac5e1-0b1c-7d2e-8f30-415263748596";

Hash hashOf(const QString& hex) {
    return kep::audit::hashFromHex(hex.toStdString()).value_or(Hash{});
}

std::vector<Hash> hashesOf(const QJsonValue& list) {
    std::vector<Hash> hashes;
    for (const auto& item : list.toArray()) {
        hashes.push_back(hashOf(item.toString()));
    }
    return hashes;
}

}  // namespace

class tst_AuditRoutes : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<IdentityTestKit> kit_;
    std::unique_ptr<kep::net::HttpsClient> desk_;  // a workstation of office 0101
    std::string managerToken_;
    std::string clerkToken_;
    std::string centralToken_;
    std::vector<kep::audit::AuditEntry> entries_;  // those this test wrote
    std::map<std::string, int> leafOf_;            // their leaf indices, by entry id

    kep::db::Database database() {
        return kep::db::Database::open((server_.dataDir() + "/kep.db").toStdString(),
                                       {.mode = kep::db::OpenMode::ReadWrite});
    }

    // The server writes entries of its own (sign-ins, enrolments): the log is read back whole.
    std::vector<Hash> storedLeaves() {
        auto db = database();
        return kep::test::storedLeafHashes(db);
    }

    // The leaf indices of the entries written here that name kRecord, in leaf order.
    std::vector<int> recordLeaves() {
        std::vector<int> leaves;
        for (const auto& entry : entries_) {
            if (entry.recordId == kRecord) {
                leaves.push_back(leafOf_.at(entry.entryId));
            }
        }
        std::sort(leaves.begin(), leaves.end());
        return leaves;
    }

    kep::net::Response get(const std::string& token, const QString& path) {
        return desk_->request("GET", path.toStdString(), {}, {}, bearer(token));
    }

    // Entries as the server writes them, into its database from beside it (WAL: one writer at
    // a time, readers never blocked).
    void write(const std::vector<kep::audit::AuditEntry>& entries) {
        auto db = database();
        kep::db::Transaction transaction(db);
        kep::server::audit::AuditLog(db).append(entries);
        transaction.commit();
        auto select = db.prepare("SELECT leaf_index FROM audit_entry WHERE entry_id = ?1");
        for (const auto& entry : entries) {
            entries_.push_back(entry);
            select.bind(1, entry.entryId);
            select.step();
            leafOf_[entry.entryId] = static_cast<int>(select.int64(0));
            select.reset();
        }
    }

    // The public checkpoint once it covers `size` entries (the job signs every second).
    QJsonObject checkpointCovering(std::size_t size) {
        auto anonymous = kit_->anonymousClient();
        return pollJson([&anonymous] { return jsonOf(anonymous->get("/api/v1/audit/checkpoint")); },
                        [size](const QJsonObject& body) {
                            return body.value("tree_size").toInteger() >= qint64(size);
                        });
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<IdentityTestKit>(server_);
        QVERIFY2(kit_->loadDemo(), qPrintable(kit_->errorString()));
        const auto desk = kit_->enrol(kit_->takeDemoCode("0101"), "audit-desk");
        QVERIFY2(desk, qPrintable(kit_->errorString()));
        desk_ = kit_->clientFor(*desk);
        for (auto [name, token] :
             {std::pair{"manager", &managerToken_}, std::pair{"clerk", &clerkToken_},
              std::pair{"central", &centralToken_}}) {
            const auto signedIn = kit_->signIn(*desk_, name, kit_->account(name).password);
            QVERIFY2(signedIn, qPrintable(kit_->errorString()));
            *token = *signedIn;
        }
        // One record read at two offices, and others' records around it.
        auto entries = kep::test::syntheticAuditEntries(23);
        for (std::size_t i = 0; i < entries.size(); i += 4) {
            entries[i].recordId = kRecord;
        }
        write(entries);
    }

    void checkpointIsPublicAndVerifies() {
        const auto body = checkpointCovering(std::size_t(leafOf_.at(entries_.back().entryId)));
        const auto size = body.value("tree_size").toInteger();
        QVERIFY(size >= leafOf_.at(entries_.back().entryId));
        const auto checkpoint =
            kep::audit::checkpointFromLine(body.value("line").toString().toStdString());
        const auto publicKey = body.value("public_key").toString().toStdString();
        QVERIFY(kep::audit::verifyCheckpoint(publicKey, checkpoint));
        const auto leaves = storedLeaves();
        QVERIFY(checkpoint.root ==
                kep::audit::treeHead(std::span(leaves).first(std::size_t(size))));
        QCOMPARE(body.value("root").toString(),
                 QString::fromStdString(kep::audit::toHex(checkpoint.root)));
    }

    void entriesFollowThePolicy_data() {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("office");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("count");
        // Entries 1, 5, 9, 13, 17, 21 name the record; odd n (0-based even) are office 0101.
        QTest::newRow("manager, own office") << "manager"
                                             << "0101" << 200 << 6;
        QTest::newRow("manager, another office") << "manager"
                                                 << "0202" << 403 << 0;
        QTest::newRow("manager, national") << "manager"
                                           << "" << 403 << 0;
        QTest::newRow("clerk") << "clerk"
                               << "0101" << 403 << 0;
        QTest::newRow("central, national") << "central"
                                           << "" << 200 << 6;
        QTest::newRow("central, an office") << "central"
                                            << "0202" << 200 << 0;
    }
    void entriesFollowThePolicy() {
        QFETCH(QString, who);
        QFETCH(QString, office);
        QFETCH(int, status);
        QFETCH(int, count);
        const auto& token = who == "manager" ? managerToken_
                            : who == "clerk" ? clerkToken_
                                             : centralToken_;
        QString path = QString("/api/v1/audit/entries?record_type=case&record_id=%1").arg(kRecord);
        if (!office.isEmpty()) {
            path += "&office=" + office;
        }
        const auto response = get(token, path);
        QCOMPARE(response.status, status);
        if (status != 200) {
            return;
        }
        const auto list = jsonOf(response).value("entries").toArray();
        QCOMPARE(list.size(), count);
        const auto leaves = storedLeaves();
        for (const auto& item : list) {
            const auto entry = item.toObject();
            const auto index = entry.value("leaf_index").toInt();
            QCOMPARE(leafOf_.at(entry.value("entry_id").toString().toStdString()), index);
            QCOMPARE(entry.value("record_id").toString(), QString(kRecord));
            QCOMPARE(entry.value("leaf_hash").toString(),
                     QString::fromStdString(kep::audit::toHex(leaves.at(std::size_t(index - 1)))));
        }
    }

    void entriesComeInPages() {
        const auto base =
            QString("/api/v1/audit/entries?record_type=case&record_id=%1&limit=4").arg(kRecord);
        const auto first = jsonOf(get(centralToken_, base));
        QCOMPARE(first.value("entries").toArray().size(), 4);
        const auto after = first.value("next_after").toInt();
        QCOMPARE(after, recordLeaves().at(3));
        const auto second = jsonOf(get(centralToken_, base + "&after=" + QString::number(after)));
        QCOMPARE(second.value("entries").toArray().size(), 2);
        QVERIFY(second.value("next_after").isNull());
    }

    void inclusionProofsVerify() {
        const auto checkpoint =
            checkpointCovering(std::size_t(leafOf_.at(entries_.back().entryId)));
        const auto root = hashOf(checkpoint.value("root").toString());
        const auto size = std::size_t(checkpoint.value("tree_size").toInteger());
        const auto leaves = storedLeaves();
        for (std::size_t index = 1; index <= size; ++index) {
            const auto body =
                jsonOf(get(centralToken_,
                           QString("/api/v1/audit/proof?index=%1&size=%2").arg(index).arg(size)));
            QCOMPARE(body.value("tree_size").toInteger(), qint64(size));
            QVERIFY(hashOf(body.value("root").toString()) == root);
            QVERIFY(hashOf(body.value("leaf_hash").toString()) == leaves[index - 1]);
            QVERIFY2(kep::audit::verifyInclusion(leaves[index - 1], index - 1, size,
                                                 hashesOf(body.value("proof")), root),
                     qPrintable(QString::number(index)));
        }
        // In an older, smaller tree too.
        const auto body = jsonOf(get(centralToken_, "/api/v1/audit/proof?index=3&size=7"));
        QVERIFY(kep::audit::verifyInclusion(leaves[2], 2, 7, hashesOf(body.value("proof")),
                                            kep::audit::treeHead(std::span(leaves).first(7))));
    }

    void proofsFollowThePolicy_data() {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        // The first entry written here is office 0101's, the second office 0202's.
        QTest::newRow("manager, own office's entry") << "manager"
                                                     << "proof?index=own" << 200;
        QTest::newRow("manager, another office's entry") << "manager"
                                                         << "proof?index=other" << 403;
        QTest::newRow("clerk") << "clerk"
                               << "proof?index=own" << 403;
        QTest::newRow("manager, consistency") << "manager"
                                              << "consistency?first=3" << 403;
        QTest::newRow("central, consistency") << "central"
                                              << "consistency?first=3" << 200;
    }
    void proofsFollowThePolicy() {
        QFETCH(QString, who);
        QFETCH(QString, path);
        QFETCH(int, status);
        const auto& token = who == "manager" ? managerToken_
                            : who == "clerk" ? clerkToken_
                                             : centralToken_;
        path.replace("index=own", QString("index=%1").arg(leafOf_.at(entries_[0].entryId)))
            .replace("index=other", QString("index=%1").arg(leafOf_.at(entries_[1].entryId)));
        QCOMPARE(get(token, "/api/v1/audit/" + path).status, status);
    }

    void consistencyProofsVerify() {
        // More entries, and the job's next checkpoint over them.
        const auto older = checkpointCovering(1).value("tree_size").toInteger();
        write(kep::test::syntheticAuditEntries(9, 100));
        const auto checkpoint =
            checkpointCovering(std::size_t(leafOf_.at(entries_.back().entryId)));
        const auto second = std::size_t(checkpoint.value("tree_size").toInteger());
        QVERIFY(qint64(second) > older);
        const auto leaves = storedLeaves();
        for (std::size_t first = 1; first <= second; ++first) {
            const auto body = jsonOf(get(
                centralToken_,
                QString("/api/v1/audit/consistency?first=%1&second=%2").arg(first).arg(second)));
            const auto firstRoot = hashOf(body.value("first_root").toString());
            const auto secondRoot = hashOf(body.value("second_root").toString());
            QVERIFY(firstRoot == kep::audit::treeHead(std::span(leaves).first(first)));
            QVERIFY(secondRoot == hashOf(checkpoint.value("root").toString()));
            QVERIFY2(kep::audit::verifyConsistency(first, second, firstRoot, secondRoot,
                                                   hashesOf(body.value("proof"))),
                     qPrintable(QString::number(first)));
        }
    }

    void badParametersAreNamed_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("parameter");
        QTest::newRow("no record id") << "entries?record_type=case"
                                      << "record_id";
        QTest::newRow("limit too large") << "entries?record_type=case&record_id=x&limit=5000"
                                         << "limit";
        QTest::newRow("no index") << "proof"
                                  << "index";
        QTest::newRow("index 0") << "proof?index=0"
                                 << "index";
        QTest::newRow("index past size") << "proof?index=9&size=4"
                                         << "index";
        QTest::newRow("size past the end") << "proof?index=1&size=100000"
                                           << "size";
        QTest::newRow("first above second") << "consistency?first=9&second=4"
                                            << "first";
        QTest::newRow("not a number") << "consistency?first=x"
                                      << "first";
    }
    void badParametersAreNamed() {
        QFETCH(QString, path);
        QFETCH(QString, parameter);
        const auto response = get(centralToken_, "/api/v1/audit/" + path);
        QCOMPARE(response.status, 400);
        QCOMPARE(errorCodeOf(response), QStringLiteral("invalid_query"));
        QVERIFY2(QString::fromStdString(response.body).contains("'" + parameter + "'"),
                 response.body.c_str());
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_AuditRoutes)
#include "tst_audit_routes.moc"
