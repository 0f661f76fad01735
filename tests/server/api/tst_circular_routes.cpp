// Circulars against a real kep-server over TLS: the central administration (or a region's IT
// staff, for their region only) sends a circular; it reaches, through the `circulars` sync
// bucket, exactly the desks of its audience — an office outside it never receives it, not even
// by asking for its receipt — and the sender reads who has read it, per office.
#include "SyncTestKit.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <set>

using kep::test::bearer;
using kep::test::errorCodeOf;
using kep::test::jsonOf;
using kep::test::ServerProcess;
using kep::test::SyncDesk;
using kep::test::SyncTestKit;

namespace {

const QString kAttica = QString::fromUtf8("Αττική");
const QString kMacedonia = QString::fromUtf8("Κεντρική Μακεδονία");

std::string json(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

QJsonObject circular(const QString& title, const QJsonObject& audience,
                     const QString& kind = "announcement") {
    return {{"kind", kind},
            {"title", QJsonObject{{"el", title}, {"en", title + " (en)"}}},
            {"body", QJsonObject{{"el", QString::fromUtf8("Κείμενο εγκυκλίου.")}}},
            {"audience", audience}};
}

QJsonObject toOffices(const QStringList& codes) {
    return {{"kind", "offices"}, {"offices", QJsonArray::fromStringList(codes)}};
}

}  // namespace

class tst_CircularRoutes : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<SyncTestKit> kit_;
    std::optional<SyncDesk> athens_;  // office 0101, region Αττική
    std::optional<SyncDesk> thess_;   // office 0202, region Κεντρική Μακεδονία
    std::string centralToken_;
    std::string itToken_;  // the IT staff of Αττική
    std::string managerToken_;
    // The desks' cursors in the circulars bucket, and the circular ids each has received.
    std::int64_t athensCursor_ = 0;
    std::int64_t thessCursor_ = 0;

    kep::net::Response post(SyncDesk& desk, const std::string& token, const QString& path,
                            const QJsonObject& body) {
        return desk.client->request("POST", path.toStdString(), json(body), "application/json",
                                    token.empty() ? kep::test::Headers{} : bearer(token));
    }

    kep::net::Response get(SyncDesk& desk, const std::string& token, const QString& path) {
        return desk.client->request("GET", path.toStdString(), {}, {}, bearer(token));
    }

    // Sends as `token`; the new circular's id ("" and a failure when not 201).
    QString send(const std::string& token, const QJsonObject& body) {
        const auto response = post(*athens_, token, "/api/v1/circulars", body);
        if (response.status != 201) {
            qWarning("send answered %d: %s", response.status, response.body.c_str());
            return {};
        }
        return jsonOf(response).value("circular").toObject().value("id").toString();
    }

    // The ids of the circulars the desk pulls after its cursor (which moves on).
    std::set<QString> pullNew(SyncDesk& desk, std::int64_t& cursor) {
        std::set<QString> ids;
        QString error;
        const auto pulled = kep::test::pullOnce(*desk.transport, "circulars", cursor, &error);
        if (!pulled) {
            qWarning("pull failed: %s", qPrintable(error));
            return ids;
        }
        for (const auto& change : pulled->changes) {
            if (change.entity.type == "circular") {
                ids.insert(QString::fromStdString(change.entity.id));
            }
        }
        cursor = pulled->cursor;
        return ids;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true), qPrintable(server_.errorString()));
        kit_ = std::make_unique<SyncTestKit>(server_);
        QVERIFY2(kit_->setUpWithDesks({{&athens_, "0101"}, {&thess_, "0202"}}),
                 qPrintable(kit_->errorString()));
        QCOMPARE(kit_->identity().regionOf("0101"), kAttica);
        QCOMPARE(kit_->identity().regionOf("0202"), kMacedonia);
        const auto& identity = kit_->identity();
        const auto central = kit_->identity().signIn(*athens_->client, "central",
                                                     identity.account("central").password);
        const auto it =
            kit_->identity().signIn(*athens_->client, "it", identity.account("it").password);
        const auto manager = kit_->identity().signIn(*athens_->client, "manager",
                                                     identity.account("manager").password);
        QVERIFY2(central && it && manager, qPrintable(kit_->errorString()));
        centralToken_ = *central;
        itToken_ = *it;
        managerToken_ = *manager;
    }

    // Each audience reaches its offices' desks and no other: an office outside it pulls past the
    // circular without receiving it.
    void audienceDecidesWhichDesksReceive() {
        const auto onlyAthens = send(centralToken_, circular("Μόνο Αθήνα", toOffices({"0101"})));
        const auto macedonia =
            send(centralToken_,
                 circular("Μακεδονία", QJsonObject{{"kind", "region"}, {"region", kMacedonia}},
                          "outage"));
        const auto everyone = send(centralToken_, circular("Όλοι", QJsonObject{{"kind", "all"}}));
        QVERIFY(!onlyAthens.isEmpty() && !macedonia.isEmpty() && !everyone.isEmpty());

        const auto athens = pullNew(*athens_, athensCursor_);
        const auto thess = pullNew(*thess_, thessCursor_);
        QCOMPARE(athens, (std::set<QString>{onlyAthens, everyone}));
        QCOMPARE(thess, (std::set<QString>{macedonia, everyone}));
        // Both cursors passed every circular sent, the other offices' included.
        QCOMPARE(athensCursor_, thessCursor_);
        QVERIFY(pullNew(*athens_, athensCursor_).empty());

        // What a desk receives: the texts, the kind and the sender.
        const auto again = kep::test::pullOnce(*thess_->transport, "circulars", 0);
        QVERIFY(again);
        const auto& first = again->changes.front();
        QCOMPARE(QString::fromStdString(first.entity.id), macedonia);
        QCOMPARE(first.fields.at("kind"), std::string("outage"));
        QCOMPARE(QString::fromStdString(first.fields.at("title_el")),
                 QString::fromUtf8("Μακεδονία"));
        QCOMPARE(first.fields.at("sender"), std::string("national"));
        QVERIFY(!first.fields.at("sent_at").empty());
    }

    // A region's IT staff write to the offices of their own region only.
    void regionSendsWithinItsRegion() {
        const auto attica = send(
            itToken_, circular("Διακοπή δικτύου",
                               QJsonObject{{"kind", "region"}, {"region", kAttica}}, "outage"));
        QVERIFY(!attica.isEmpty());
        QCOMPARE(post(*athens_, itToken_, "/api/v1/circulars",
                      circular("Όλοι", QJsonObject{{"kind", "all"}}))
                     .status,
                 403);
        QCOMPARE(
            post(*athens_, itToken_, "/api/v1/circulars", circular("Θεσ/νίκη", toOffices({"0202"})))
                .status,
            403);
        QCOMPARE(
            post(*athens_, managerToken_, "/api/v1/circulars", circular("Όχι", toOffices({"0101"})))
                .status,
            403);

        const auto pulled = kep::test::pullOnce(*athens_->transport, "circulars", athensCursor_);
        QVERIFY(pulled);
        QCOMPARE(pulled->changes.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(pulled->changes.front().fields.at("sender")), kAttica);
        athensCursor_ = pulled->cursor;
        QVERIFY(pullNew(*thess_, thessCursor_).empty());
    }

    void badCircularsAreRefused_data() {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("code");
        auto good = circular("Σωστή", QJsonObject{{"kind", "all"}});
        auto badKind = good;
        badKind["kind"] = "gossip";
        auto noGreek = good;
        noGreek["title"] = QJsonObject{{"en", "English only"}};
        auto unknownOffice = circular("Άγνωστο", toOffices({"0101", "9999"}));
        auto noRegion =
            circular("Πουθενά", QJsonObject{{"kind", "region"}, {"region", "Ατλαντίδα"}});
        auto noOffices = circular("Κανένα", toOffices({}));
        QTest::newRow("unknown kind") << badKind << "invalid_field";
        QTest::newRow("no Greek title") << noGreek << "invalid_field";
        QTest::newRow("unknown office") << unknownOffice << "invalid_field";
        QTest::newRow("region without offices") << noRegion << "invalid_field";
        QTest::newRow("no offices") << noOffices << "invalid_field";
    }

    void badCircularsAreRefused() {
        QFETCH(QJsonObject, body);
        QFETCH(QString, code);
        const auto response = post(*athens_, centralToken_, "/api/v1/circulars", body);
        QCOMPARE(response.status, 400);
        QCOMPARE(errorCodeOf(response), code);
    }

    // Desks send their users' receipts; the sender sees, per office, who read and who not yet.
    void receiptsPerOffice() {
        const auto id =
            send(centralToken_, circular("Νέος κανόνας", toOffices({"0101", "0202"}), "new_rule"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(pullNew(*athens_, athensCursor_), std::set<QString>{id});
        QCOMPARE(pullNew(*thess_, thessCursor_), std::set<QString>{id});
        const auto clerk = kit_->actor(*athens_, "clerk");
        const auto thessClerk = kit_->actor(*thess_, "clerk.thess");
        QVERIFY2(clerk && thessClerk, qPrintable(kit_->errorString()));
        const QString path = "/api/v1/circulars/" + id + "/read";
        const QJsonObject receipt{{"user", QString::fromStdString(clerk->id)},
                                  {"readAt", "2026-03-02T09:15:00Z"}};

        auto first = post(*athens_, {}, path, receipt);
        QCOMPARE(first.status, 200);
        QCOMPARE(jsonOf(first).value("recorded").toBool(), true);
        auto repeat = post(*athens_, {}, path, receipt);
        QCOMPARE(repeat.status, 200);
        QCOMPARE(jsonOf(repeat).value("recorded").toBool(), false);
        // Another office's user is not this desk's to speak for.
        auto foreign =
            post(*athens_, {}, path, QJsonObject{{"user", QString::fromStdString(thessClerk->id)}});
        QCOMPARE(foreign.status, 403);
        QCOMPARE(errorCodeOf(foreign), QString("actor_forbidden"));
        QCOMPARE(
            post(*thess_, {}, path, QJsonObject{{"user", QString::fromStdString(thessClerk->id)}})
                .status,
            200);

        const auto answer = get(*athens_, centralToken_, "/api/v1/circulars/" + id + "/receipts");
        QCOMPARE(answer.status, 200);
        const auto body = jsonOf(answer);
        QCOMPARE(body.value("read").toInt(), 2);
        const auto offices = body.value("offices").toArray();
        QCOMPARE(offices.size(), 2);
        const auto athens = offices[0].toObject();
        QCOMPARE(athens.value("code").toString(), QString("0101"));
        const auto read = athens.value("read").toArray();
        QCOMPARE(read.size(), 1);
        QCOMPARE(read[0].toObject().value("user_id").toString(), QString::fromStdString(clerk->id));
        QCOMPARE(read[0].toObject().value("read_at").toString(), QString("2026-03-02T09:15:00Z"));
        QStringList notYet;
        for (const auto& each : athens.value("not_yet").toArray()) {
            notYet << each.toObject().value("display_name").toString();
        }
        QCOMPARE(notYet, QStringList{QString::fromUtf8("Νίκος Αντωνίου")});  // the manager
        QCOMPARE(offices[1].toObject().value("read").toArray().size(), 1);
        QCOMPARE(body.value("users").toInt(), 3);

        // The receipts of a circular to two regions are national: not Αττική's IT staff's.
        QCOMPARE(get(*athens_, itToken_, "/api/v1/circulars/" + id + "/receipts").status, 403);
        QCOMPARE(get(*athens_, managerToken_, "/api/v1/circulars/" + id + "/receipts").status, 403);
    }

    // A circular for other offices is, to this desk, one that does not exist.
    void outsideTheAudienceIsNotFound() {
        const auto id = send(centralToken_, circular("Μόνο Θεσσαλονίκη", toOffices({"0202"})));
        QVERIFY(!id.isEmpty());
        const auto clerk = kit_->actor(*athens_, "clerk");
        QVERIFY(clerk);
        const auto answer = post(*athens_, {}, "/api/v1/circulars/" + id + "/read",
                                 QJsonObject{{"user", QString::fromStdString(clerk->id)}});
        QCOMPARE(answer.status, 404);
        QVERIFY(pullNew(*athens_, athensCursor_).empty());
        QCOMPARE(get(*athens_, centralToken_, "/api/v1/circulars/unknown/receipts").status, 404);
    }
};

QTEST_GUILESS_MAIN(tst_CircularRoutes)
#include "tst_circular_routes.moc"
