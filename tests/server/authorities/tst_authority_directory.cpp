// The directory of competent authorities: ids as the MITOS register writes them, names checked,
// one authority per id; and migration 0011's rule that authority users, and only they, have an
// authority — kept by the database even for a writer that skips Administration's checks.
#include "TestServerStore.h"
#include "authorities/AuthorityDirectory.h"
#include "http/HttpError.h"
#include "identity/Administration.h"

#include <QTemporaryDir>
#include <QTest>

using kep::server::authorities::AuthorityDirectory;
using kep::server::storage::ServerStore;

class tst_AuthorityDirectory : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    kep::test::TestServerDatabase database_{dir_.path().toStdString()};
    std::unique_ptr<ServerStore> store_;

    // The HTTP status and code a refused add answers, or 0 when it was added.
    std::pair<int, std::string> addOutcome(const std::string& id, const std::string& nameEl,
                                           const std::string& nameEn) {
        try {
            AuthorityDirectory(*store_).add({id, nameEl, nameEn});
            return {0, {}};
        } catch (const kep::http::HttpError& error) {
            return {error.status(), error.code()};
        }
    }

    void insertUser(const char* username, const char* role, const char* authority) {
        auto insert = store_->database().prepare(
            "INSERT INTO users (id, username, display_name, role, password_hash, created_at, "
            "username_folded, authority_id) VALUES (?1, ?1, ?1, ?2, 'x', 'now', ?1, ?3)");
        insert.bind(1, username).bind(2, role);
        if (authority) {
            insert.bind(3, authority);
        }
        insert.run();
    }

private slots:
    void initTestCase() {
        store_ = database_.createStore();
        AuthorityDirectory(*store_).add(
            {"10102", "Υπουργείο Εσωτερικών", "Ministry of the Interior"});
    }

    void add_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("nameEl");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("MITOS id") << "10115"
                                  << "Υπουργείο Υγείας" << 0 << "";
        QTest::newRow("id with letters and dash") << "AUTH-7"
                                                  << "Αρχή" << 0 << "";
        QTest::newRow("taken id") << "10102"
                                  << "Άλλη" << 409 << "authority_exists";
        QTest::newRow("empty id") << ""
                                  << "Αρχή" << 400 << "invalid_field";
        QTest::newRow("space in id") << "10 1"
                                     << "Αρχή" << 400 << "invalid_field";
        QTest::newRow("id too long") << QString(33, '1') << "Αρχή" << 400 << "invalid_field";
        QTest::newRow("no Greek name") << "10116"
                                       << "" << 400 << "invalid_field";
        QTest::newRow("control character") << "10117"
                                           << "Α\tΒ" << 400 << "invalid_field";
    }

    void add() {
        QFETCH(QString, id);
        QFETCH(QString, nameEl);
        QFETCH(int, status);
        QFETCH(QString, code);
        const auto [answered, answeredCode] =
            addOutcome(id.toStdString(), nameEl.toStdString(), "English name");
        QCOMPARE(answered, status);
        QCOMPARE(QString::fromStdString(answeredCode), code);
        QCOMPARE(AuthorityDirectory(*store_).find(id.toStdString()).has_value(),
                 status == 0 || status == 409);
    }

    void listIsByIdWithBothNames() {
        const auto all = AuthorityDirectory(*store_).list();
        QVERIFY(all.size() >= 2);
        QCOMPARE(all.front().id, std::string("10102"));
        QCOMPARE(all.front().nameEn, std::string("Ministry of the Interior"));
        QVERIFY(!all.front().disabled);
        QVERIFY(std::is_sorted(all.begin(), all.end(),
                               [](const auto& a, const auto& b) { return a.id < b.id; }));
    }

    void databaseKeepsTheAuthorityUserRule_data() {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("authority");  // "" for none
        QTest::addColumn<bool>("accepted");
        QTest::newRow("authority user of an authority") << "authority"
                                                        << "10102" << true;
        QTest::newRow("authority user of none") << "authority"
                                                << "" << false;
        QTest::newRow("authority user of an unknown one") << "authority"
                                                          << "99999" << false;
        QTest::newRow("central admin with an authority") << "central_admin"
                                                         << "10102" << false;
        QTest::newRow("central admin without") << "central_admin"
                                               << "" << true;
    }

    void databaseKeepsTheAuthorityUserRule() {
        QFETCH(QString, role);
        QFETCH(QString, authority);
        QFETCH(bool, accepted);
        const auto username = "user." + std::string(QTest::currentDataTag()).substr(0, 20);
        bool inserted = true;
        try {
            insertUser(username.c_str(), role.toUtf8().constData(),
                       authority.isEmpty() ? nullptr : authority.toUtf8().constData());
        } catch (const kep::db::Error& error) {
            QVERIFY(error.isConstraint());
            inserted = false;
        }
        QCOMPARE(inserted, accepted);
    }

    void roleChangeKeepsTheRule() {
        insertUser("user.changing", "authority", "10102");
        QVERIFY_THROWS_EXCEPTION(kep::db::Error, store_->database()
                                                     .prepare("UPDATE users SET role = 'it' "
                                                              "WHERE username = 'user.changing'")
                                                     .run());
    }
};

QTEST_GUILESS_MAIN(tst_AuthorityDirectory)
#include "tst_authority_directory.moc"
