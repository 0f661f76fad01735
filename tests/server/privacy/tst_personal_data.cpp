// Which case fields a purge keeps, how content addresses are found in stored JSON, and which
// retention rules can be stored (server/lib/privacy).
// Qt Test first: moc, reading the headers, cannot parse <concepts> unless Qt's came before.
#include <QTest>

#include "privacy/PersonalData.h"
#include "privacy/RetentionRules.h"

using kep::server::privacy::contentAddressesIn;
using kep::server::privacy::keptAfterPurge;
using kep::server::privacy::problemWith;
using kep::server::privacy::RetentionRule;
using kep::server::privacy::withoutPersonalFields;

class tst_PersonalData : public QObject {
    Q_OBJECT

private slots:
    void fieldsKeptAfterPurge_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<bool>("kept");
        for (const char* kept : {"protocol_number", "procedure_id", "catalogue_version", "due_date",
                                 "channel", "language", "authority_id", "status", "status_actor",
                                 "status_role", "status_at", "filed_by", "requires_approval"}) {
            QTest::newRow(kept) << kept << true;
        }
        for (const char* personal : {"citizen", "contact", "attachments", "evidence",
                                     "result_sha256", "registry_documents", "satisfaction",
                                     "status_reason", "notes", "a_field_added_later"}) {
            QTest::newRow(personal) << personal << false;
        }
    }

    void fieldsKeptAfterPurge() {
        QFETCH(QString, field);
        QFETCH(bool, kept);
        QCOMPARE(keptAfterPurge(field.toStdString()), kept);
    }

    void withoutPersonalFieldsDropsTheRest() {
        const auto kept = withoutPersonalFields(
            {{"citizen", "{\"afm\":\"135790242\"}"}, {"status", "delivered"}, {"notes", "x"}});
        QCOMPARE(kept.size(), std::size_t{1});
        QCOMPARE(kept.at("status"), std::string("delivered"));
    }

    void contentAddressesAreFoundAtAnyDepth() {
        const std::string a(64, 'a');
        const std::string b = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        // As sync_entity.state holds them: a JSON list inside a JSON string, quotes escaped.
        const std::string state = "{\"f\":{\"attachments\":[\"[{\\\"sha256\\\":\\\"" + a +
                                  "\\\"}]\",0],\"result_sha256\":[\"" + b + "\",1]}}";
        const auto found = contentAddressesIn(state);
        QCOMPARE(found.size(), std::size_t{2});
        QVERIFY(found.contains(a) && found.contains(b));
        // Longer or shorter runs, and upper case, are not addresses.
        QVERIFY(contentAddressesIn(std::string(65, 'a')).empty());
        QVERIFY(contentAddressesIn(std::string(63, 'a')).empty());
        QVERIFY(contentAddressesIn(std::string(64, 'A')).empty());
    }

    void retentionRules_data() {
        QTest::addColumn<QString>("procedure");
        QTest::addColumn<int>("purgeAfter");
        QTest::addColumn<int>("keepAtLeast");
        QTest::addColumn<bool>("valid");
        QTest::newRow("default shape") << "p1" << 5 << 0 << true;
        QTest::newRow("legal minimum") << "p1" << 10 << 3 << true;
        QTest::newRow("minimum equals purge") << "p1" << 4 << 4 << true;
        QTest::newRow("no procedure") << "" << 5 << 0 << false;
        QTest::newRow("zero years") << "p1" << 0 << 0 << false;
        QTest::newRow("beyond a century") << "p1" << 101 << 0 << false;
        QTest::newRow("minimum beyond purge") << "p1" << 3 << 4 << false;
        QTest::newRow("negative minimum") << "p1" << 3 << -1 << false;
    }

    void retentionRules() {
        QFETCH(QString, procedure);
        QFETCH(int, purgeAfter);
        QFETCH(int, keepAtLeast);
        QFETCH(bool, valid);
        const RetentionRule rule{procedure.toStdString(), purgeAfter, keepAtLeast, {}, {}};
        QCOMPARE(!problemWith(rule).has_value(), valid);
    }
};

QTEST_APPLESS_MAIN(tst_PersonalData)
#include "tst_personal_data.moc"
