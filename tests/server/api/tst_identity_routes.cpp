// Identity and access against a real kep-server over TLS on loopback (issue 3's acceptance):
// workstations enrolled through the enrol route, sign-in and its throttle, sessions bound to
// the certificate, revocation and disabling that count from the next request, and the admin
// routes and commands.
#include "IdentityTestKit.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "db/Database.h"

using kep::test::bearer;
using kep::test::EnrolledWorkstation;
using kep::test::errorCodeOf;
using kep::test::IdentityTestKit;
using kep::test::jsonOf;
using kep::test::ServerProcess;

namespace {

std::string json(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

// A CSR made with OpenSSL directly, for keys the desk would never make.
QString csrFor(EVP_PKEY* key, bool corruptSignature = false) {
    X509_REQ* request = X509_REQ_new();
    X509_NAME* name = X509_REQ_get_subject_name(request);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("counter-9"), -1, -1, 0);
    X509_REQ_set_pubkey(request, key);
    X509_REQ_sign(request, key, EVP_sha256());
    if (corruptSignature) {
        const ASN1_BIT_STRING* signature = nullptr;
        X509_REQ_get0_signature(request, &signature, nullptr);
        auto* bytes = const_cast<unsigned char*>(ASN1_STRING_get0_data(signature));
        bytes[ASN1_STRING_length(signature) / 2] ^= 0x5a;
    }
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509_REQ(bio, request);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QString pem = QString::fromLatin1(data, size);
    BIO_free(bio);
    X509_REQ_free(request);
    EVP_PKEY_free(key);
    return pem;
}

}  // namespace

class tst_IdentityRoutes : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<IdentityTestKit> kit_;
    EnrolledWorkstation athens_;        // office 0101
    EnrolledWorkstation thessaloniki_;  // office 0202

    std::string signIn(kep::net::HttpsClient& client, const QString& username) {
        const auto token = kit_->signIn(client, username, kit_->account(username).password);
        if (!token) {
            qWarning("%s", qPrintable(kit_->errorString()));
            return {};
        }
        return *token;
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        // Lock-out after three failures, so the test need not wait out the growing delay; high
        // address rates, so the many sign-ins and enrolments of this test are not limited (the
        // default rates have their own test below, on a server of their own).
        QVERIFY2(server_.start(true, {"--sign-in-lock-after", "3", "--sign-in-attempts-per-minute",
                                      "1000", "--enrol-attempts-per-minute", "1000"}),
                 qPrintable(server_.errorString()));
        kit_ = std::make_unique<IdentityTestKit>(server_);
        QVERIFY2(kit_->loadDemo(), qPrintable(kit_->errorString()));
        auto athens = kit_->enrol(kit_->takeDemoCode("0101"), "athens-1");
        QVERIFY2(athens, qPrintable(kit_->errorString()));
        athens_ = *athens;
        auto thessaloniki = kit_->enrol(kit_->takeDemoCode("0202"), "thess-1");
        QVERIFY2(thessaloniki, qPrintable(kit_->errorString()));
        thessaloniki_ = *thessaloniki;
    }

    void deskRoutesWithoutCertificateAnswer401_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("login") << "POST"
                               << "/api/v1/auth/login";
        QTest::newRow("session") << "GET"
                                 << "/api/v1/auth/session";
        QTest::newRow("directory") << "GET"
                                   << "/api/v1/directory/users";
        QTest::newRow("offices") << "GET"
                                 << "/api/v1/offices";
        QTest::newRow("devices") << "GET"
                                 << "/api/v1/devices?office=0101";
    }
    void deskRoutesWithoutCertificateAnswer401() {
        QFETCH(QString, method);
        QFETCH(QString, path);
        auto client = kit_->anonymousClient();
        const auto response =
            client->request(method.toStdString(), path.toStdString(), method == "POST" ? "{}" : "");
        QCOMPARE(response.status, 401);
        QCOMPARE(errorCodeOf(response), QStringLiteral("workstation_required"));
    }

    void enrolmentGivesACertificateForTheOffice() {
        auto client = kit_->clientFor(athens_);
        QVERIFY(!athens_.deviceId.isEmpty());
        QCOMPARE(athens_.officeCode, QStringLiteral("0101"));
        const auto token = signIn(*client, "clerk");
        QVERIFY(!token.empty());
        const auto session = client->request("GET", "/api/v1/auth/session", {}, {}, bearer(token));
        QCOMPARE(session.status, 200);
        const auto user = jsonOf(session).value("user").toObject();
        QCOMPARE(user.value("username").toString(), QStringLiteral("clerk"));
        QCOMPARE(user.value("role").toString(), QStringLiteral("clerk"));
        QCOMPARE(user.value("office").toObject().value("code").toString(), QStringLiteral("0101"));
        QVERIFY(!jsonOf(session).value("expiresAt").toString().isEmpty());
    }

    void signInAnswersOfTheContract() {
        auto client = kit_->clientFor(athens_);
        const auto ok = kit_->signInRaw(*client, "manager", kit_->account("manager").password);
        QCOMPARE(ok.status, 200);
        const auto body = jsonOf(ok);
        QCOMPARE(body.value("token").toString().size(), 43);
        QVERIFY(body.value("expiresAt").toString().endsWith('Z'));
        QCOMPARE(body.value("user").toObject().value("displayName").toString(),
                 QString::fromUtf8("Νίκος Αντωνίου"));
        // Unknown user and wrong password: the same answer.
        const auto unknown = kit_->signInRaw(*client, "nobody.here", "whatever-password-1");
        const auto wrong = kit_->signInRaw(*client, "central", "not-the-password-1");
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(errorCodeOf(unknown), QStringLiteral("invalid_credentials"));
        QCOMPARE(unknown.body, wrong.body);
        // Bad bodies name the field.
        const auto missing = client->post("/api/v1/auth/login", R"({"username":"clerk"})");
        QCOMPARE(missing.status, 400);
        QVERIFY(jsonOf(missing).value("error").toObject().value("message").toString().contains(
            "password"));
    }

    void clerkOfOneOfficeCannotReachAnother() {
        // At another office's workstation the right password is not enough.
        auto atThessaloniki = kit_->clientFor(thessaloniki_);
        const auto response =
            kit_->signInRaw(*atThessaloniki, "clerk", kit_->account("clerk").password);
        QCOMPARE(response.status, 403);
        QCOMPARE(errorCodeOf(response), QStringLiteral("wrong_office"));
        // The central roles sign in anywhere.
        QVERIFY(!signIn(*atThessaloniki, "central").empty());

        // A manager of 0101 manages 0101 and nothing of 0202.
        auto atAthens = kit_->clientFor(athens_);
        const auto token = signIn(*atAthens, "manager");
        const auto own =
            atAthens->request("GET", "/api/v1/users?office=0101", {}, {}, bearer(token));
        QCOMPARE(own.status, 200);
        QVERIFY(!jsonOf(own).value("users").toArray().isEmpty());
        for (const auto& path : {"/api/v1/users?office=0202", "/api/v1/devices?office=0202"}) {
            const auto other = atAthens->request("GET", path, {}, {}, bearer(token));
            QCOMPARE(other.status, 403);
            QCOMPARE(errorCodeOf(other), QStringLiteral("forbidden"));
        }
        const auto code = atAthens->request("POST", "/api/v1/offices/0202/enrolment-codes", "{}",
                                            "application/json", bearer(token));
        QCOMPARE(code.status, 403);
        // The directory is the workstation's office's.
        auto clerkToken = signIn(*atAthens, "clerk");
        const auto directory =
            atAthens->request("GET", "/api/v1/directory/users", {}, {}, bearer(clerkToken));
        QCOMPARE(directory.status, 200);
        QStringList names;
        for (const auto& user : jsonOf(directory).value("users").toArray()) {
            names << user.toObject().value("username").toString();
        }
        QCOMPARE(names, QStringList({"clerk", "manager"}));
    }

    void sessionIsBoundToTheCertificate() {
        auto atAthens = kit_->clientFor(athens_);
        const auto token = signIn(*atAthens, "central");
        auto atThessaloniki = kit_->clientFor(thessaloniki_);
        const auto stolen =
            atThessaloniki->request("GET", "/api/v1/auth/session", {}, {}, bearer(token));
        QCOMPARE(stolen.status, 401);
        QCOMPARE(errorCodeOf(stolen), QStringLiteral("session_invalid"));
        const auto none = atAthens->get("/api/v1/auth/session");
        QCOMPARE(none.status, 401);
        QCOMPARE(errorCodeOf(none), QStringLiteral("session_invalid"));
    }

    void logoutRevokesWithinOneSecond() {
        auto client = kit_->clientFor(athens_);
        const auto token = signIn(*client, "clerk");
        QElapsedTimer elapsed;
        elapsed.start();
        const auto out = client->request("POST", "/api/v1/auth/logout", {}, {}, bearer(token));
        QCOMPARE(out.status, 204);
        const auto after = client->request("GET", "/api/v1/auth/session", {}, {}, bearer(token));
        QCOMPARE(after.status, 401);
        QCOMPARE(errorCodeOf(after), QStringLiteral("session_invalid"));
        QVERIFY2(elapsed.elapsed() < 1000, qPrintable(QString::number(elapsed.elapsed())));
    }

    void enrolmentCodeIsOneTimeAndExpires() {
        QCOMPARE(kit_->command({"enrol-code", "--office", "0303"}), 0);
        const auto code = QString::fromUtf8(server_.lastOutput()).trimmed();
        QVERIFY2(QRegularExpression("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$").match(code).hasMatch(),
                 qPrintable(code));
        // Typed in lower case and without dashes it is the same code.
        QCOMPARE(kit_->enrolRaw(code.toLower().remove('-')).status, 201);
        const auto again = kit_->enrolRaw(code);
        QCOMPARE(again.status, 403);
        QCOMPARE(errorCodeOf(again), QStringLiteral("enrolment_code_invalid"));
        const auto unknown = kit_->enrolRaw("ABCD-EFGH-JKLM");
        QCOMPARE(unknown.status, 403);
        QCOMPARE(unknown.body, again.body);

        // An expired code: issued, then aged in the database the server reads.
        QCOMPARE(kit_->command({"enrol-code", "--office", "0303"}), 0);
        const auto old = QString::fromUtf8(server_.lastOutput()).trimmed();
        const auto hash = QCryptographicHash::hash(QString(old).remove('-').toLatin1(),
                                                   QCryptographicHash::Sha256)
                              .toHex()
                              .toStdString();
        {
            auto db = kep::db::Database::open((server_.dataDir() + "/kep.db").toStdString(),
                                              {.mode = kep::db::OpenMode::ReadWrite});
            db.prepare(
                  "UPDATE enrolment_codes SET expires_at = '2001-01-01T00:00:00Z' "
                  "WHERE code_hash = ?")
                .bind(1, hash)
                .run();
            QCOMPARE(db.changes(), 1);
        }
        const auto expired = kit_->enrolRaw(old);
        QCOMPARE(expired.status, 403);
        QCOMPARE(expired.body, again.body);
    }

    void badCsrIsRefused_data() {
        QTest::addColumn<QString>("csr");
        QTest::addColumn<QString>("reason");
        QTest::newRow("RSA 1024") << csrFor(EVP_RSA_gen(1024)) << "2048";
        QTest::newRow("P-384") << csrFor(EVP_EC_gen("P-384")) << "P-256";
        QTest::newRow("bad signature") << csrFor(EVP_EC_gen("P-256"), true) << "signature";
        QTest::newRow("not PEM") << "hello"
                                 << "PEM";
    }
    void badCsrIsRefused() {
        QFETCH(QString, csr);
        QFETCH(QString, reason);
        QCOMPARE(kit_->command({"enrol-code", "--office", "0303"}), 0);
        const auto code = QString::fromUtf8(server_.lastOutput()).trimmed();
        auto client = kit_->anonymousClient();
        const auto response = client->post(
            "/api/v1/devices/enrol", json({{"code", code}, {"csr", csr}, {"hostname", "pc-9"}}));
        QCOMPARE(response.status, 400);
        QCOMPARE(errorCodeOf(response), QStringLiteral("invalid_csr"));
        QVERIFY(jsonOf(response).value("error").toObject().value("message").toString().contains(
            reason));
        // A refused CSR does not spend the code.
        QCOMPARE(kit_->enrolRaw(code).status, 201);
    }

    void revokedWorkstationIsRefusedAtItsNextRequest() {
        const auto workstation = kit_->enrolNew("0101");
        QVERIFY2(workstation, qPrintable(kit_->errorString()));
        auto client = kit_->clientFor(*workstation);
        const auto token = signIn(*client, "clerk");
        QCOMPARE(client->request("GET", "/api/v1/auth/session", {}, {}, bearer(token)).status, 200);

        QElapsedTimer elapsed;
        elapsed.start();
        QCOMPARE(kit_->command({"revoke-device", "--device", workstation->deviceId}), 0);
        // The gate reads the devices table on every request: the very next one is refused,
        // far inside the contract's five minutes (measured here).
        const auto after = client->request("GET", "/api/v1/auth/session", {}, {}, bearer(token));
        QCOMPARE(after.status, 401);
        QCOMPARE(errorCodeOf(after), QStringLiteral("workstation_revoked"));
        QVERIFY(elapsed.elapsed() < 5 * 60 * 1000);
        qInfo("revocation took effect %lld ms after revoke-device started", elapsed.elapsed());
        const auto login = kit_->signInRaw(*client, "clerk", kit_->account("clerk").password);
        QCOMPARE(errorCodeOf(login), QStringLiteral("workstation_revoked"));
    }

    void lockOutAfterRepeatedFailures() {
        QCOMPARE(kit_->command({"user", "add", "--office", "0101", "--role", "clerk", "--username",
                                "locked.clerk"},
                               "Lock out test passphrase 7"),
                 0);
        auto client = kit_->clientFor(athens_);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(kit_->signInRaw(*client, "locked.clerk", "wrong password number").status, 401);
        }
        // Locked: even the right password is turned away, with a time to come back.
        const auto locked = kit_->signInRaw(*client, "locked.clerk", "Lock out test passphrase 7");
        QCOMPARE(locked.status, 429);
        QCOMPARE(errorCodeOf(locked), QStringLiteral("too_many_attempts"));
        QVERIFY(locked.header("Retry-After").value_or("0") != "0");
        // Only this user is locked.
        QVERIFY(!signIn(*client, "manager").empty());
    }

    void disabledUserLosesSessionsAndCannotSignIn() {
        QCOMPARE(kit_->command({"user", "add", "--office", "0101", "--role", "clerk", "--username",
                                "leaving.clerk", "--display-name", "Μαρία Παππά"},
                               "Leaving clerk passphrase 3"),
                 0);
        auto client = kit_->clientFor(athens_);
        const auto token = kit_->signIn(*client, "leaving.clerk", "Leaving clerk passphrase 3");
        QVERIFY2(token, qPrintable(kit_->errorString()));
        QCOMPARE(kit_->command({"user", "disable", "--username", "leaving.clerk"}), 0);
        const auto after = client->request("GET", "/api/v1/auth/session", {}, {}, bearer(*token));
        QCOMPARE(after.status, 401);
        QCOMPARE(errorCodeOf(after), QStringLiteral("session_invalid"));
        const auto right = kit_->signInRaw(*client, "leaving.clerk", "Leaving clerk passphrase 3");
        QCOMPARE(right.status, 403);
        QCOMPARE(errorCodeOf(right), QStringLiteral("account_disabled"));
        const auto wrong = kit_->signInRaw(*client, "leaving.clerk", "not the passphrase at all");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(errorCodeOf(wrong), QStringLiteral("invalid_credentials"));

        // The directory tells the desk, so it drops the offline verifier.
        const auto clerkToken = signIn(*client, "clerk");
        const auto directory =
            client->request("GET", "/api/v1/directory/users", {}, {}, bearer(clerkToken));
        bool seen = false;
        for (const auto& user : jsonOf(directory).value("users").toArray()) {
            if (user.toObject().value("username") == "leaving.clerk") {
                seen = true;
                QCOMPARE(user.toObject().value("disabled").toBool(), true);
            }
        }
        QVERIFY(seen);
    }

    void managerDisablesThroughTheApiAndSessionsEndAtOnce() {
        QCOMPARE(kit_->command({"user", "add", "--office", "0101", "--role", "clerk", "--username",
                                "temp.clerk"},
                               "Temporary clerk passphrase"),
                 0);
        auto clerkDesk = kit_->clientFor(athens_);
        const auto clerkToken =
            kit_->signIn(*clerkDesk, "temp.clerk", "Temporary clerk passphrase");
        QVERIFY(clerkToken);
        auto managerDesk = kit_->clientFor(athens_);
        const auto managerToken = signIn(*managerDesk, "manager");
        const auto users =
            managerDesk->request("GET", "/api/v1/users?office=0101", {}, {}, bearer(managerToken));
        QString id;
        for (const auto& user : jsonOf(users).value("users").toArray()) {
            if (user.toObject().value("username") == "temp.clerk") {
                id = user.toObject().value("id").toString();
            }
        }
        QVERIFY(!id.isEmpty());
        const auto disabled =
            managerDesk->request("POST", ("/api/v1/users/" + id + "/disable").toStdString(), "{}",
                                 "application/json", bearer(managerToken));
        QCOMPARE(disabled.status, 200);
        QCOMPARE(jsonOf(disabled).value("user").toObject().value("disabled").toBool(), true);
        QCOMPARE(
            clerkDesk->request("GET", "/api/v1/auth/session", {}, {}, bearer(*clerkToken)).status,
            401);
        const auto enabled =
            managerDesk->request("POST", ("/api/v1/users/" + id + "/enable").toStdString(), "{}",
                                 "application/json", bearer(managerToken));
        QCOMPARE(enabled.status, 200);
        // Re-enabled, the user signs in again; the old session stays dead.
        QVERIFY(kit_->signIn(*clerkDesk, "temp.clerk", "Temporary clerk passphrase"));
        QCOMPARE(
            clerkDesk->request("GET", "/api/v1/auth/session", {}, {}, bearer(*clerkToken)).status,
            401);
    }

    void administrationThroughTheAdminTool() {
        auto admin = kit_->adminToolClient();
        const auto token = kit_->signIn(*admin, "admin", ServerProcess::kAdminPassword);
        QVERIFY2(token, qPrintable(kit_->errorString()));
        const auto created = admin->request("POST", "/api/v1/offices",
                                            json({{"code", "0404"},
                                                  {"name", QString::fromUtf8("ΚΕΠ Δήμου Πατρέων")},
                                                  {"region", QString::fromUtf8("Δυτική Ελλάδα")}}),
                                            "application/json", bearer(*token));
        QCOMPARE(created.status, 201);
        const auto duplicate =
            admin->request("POST", "/api/v1/offices", json({{"code", "0404"}, {"name", "x"}}),
                           "application/json", bearer(*token));
        QCOMPARE(duplicate.status, 409);
        QCOMPARE(errorCodeOf(duplicate), QStringLiteral("office_exists"));
        const auto offices = admin->request("GET", "/api/v1/offices", {}, {}, bearer(*token));
        QCOMPARE(jsonOf(offices).value("offices").toArray().size(), 4);

        const auto weak = admin->request("POST", "/api/v1/users",
                                         json({{"username", "new.clerk"},
                                               {"displayName", "Νέος"},
                                               {"role", "clerk"},
                                               {"office", "0404"},
                                               {"password", "password1234"}}),
                                         "application/json", bearer(*token));
        QCOMPARE(weak.status, 400);
        QCOMPARE(errorCodeOf(weak), QStringLiteral("weak_password"));
        const auto user = admin->request("POST", "/api/v1/users",
                                         json({{"username", "new.clerk"},
                                               {"displayName", "Νέος"},
                                               {"role", "clerk"},
                                               {"office", "0404"},
                                               {"password", "A sound new passphrase"}}),
                                         "application/json", bearer(*token));
        QCOMPARE(user.status, 201);
        QCOMPARE(jsonOf(user).value("user").toObject().value("office").toObject().value("code"),
                 QJsonValue("0404"));
        const auto noOffice = admin->request("POST", "/api/v1/users",
                                             json({{"username", "clerk.nowhere"},
                                                   {"role", "clerk"},
                                                   {"password", "A sound new passphrase"}}),
                                             "application/json", bearer(*token));
        QCOMPARE(noOffice.status, 400);
        QVERIFY(jsonOf(noOffice).value("error").toObject().value("message").toString().contains(
            "office"));

        // A manager may not create central roles.
        auto desk = kit_->clientFor(athens_);
        const auto managerToken = signIn(*desk, "manager");
        const auto central = desk->request("POST", "/api/v1/users",
                                           json({{"username", "sneaky"},
                                                 {"role", "central_admin"},
                                                 {"password", "A sound new passphrase"}}),
                                           "application/json", bearer(managerToken));
        QCOMPARE(central.status, 403);
        QCOMPARE(errorCodeOf(central), QStringLiteral("forbidden"));
        const auto issued = desk->request("POST", "/api/v1/offices/0101/enrolment-codes", "{}",
                                          "application/json", bearer(managerToken));
        QCOMPARE(issued.status, 201);
        QVERIFY(kit_->enrol(jsonOf(issued).value("code").toString(), "athens-2"));
        const auto devices =
            desk->request("GET", "/api/v1/devices?office=0101", {}, {}, bearer(managerToken));
        QCOMPARE(devices.status, 200);
        QStringList hostnames;
        for (const auto& device : jsonOf(devices).value("devices").toArray()) {
            hostnames << device.toObject().value("hostname").toString();
        }
        QVERIFY2(hostnames.contains("athens-1") && hostnames.contains("athens-2"),
                 qPrintable(hostnames.join(',')));
    }

    void commandsRefuseWeakPasswordsAndUnknownOffices_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("message");
        const QStringList clerk{"user",   "add",   "--office",   "0101",
                                "--role", "clerk", "--username", "cli.clerk"};
        QTest::newRow("short") << clerk << "short pass"
                               << "at least 12";
        QTest::newRow("breached") << clerk << "password1234"
                                  << "breached";
        QTest::newRow("unknown office") << QStringList{"user",   "add",   "--office",   "9999",
                                                       "--role", "clerk", "--username", "cli.clerk"}
                                        << "A sound new passphrase"
                                        << "names no office";
        QTest::newRow("no such device")
            << QStringList{"revoke-device", "--device", "0190a3c2-7d1e-7000-8000-000000000000"}
            << ""
            << "no such device";
    }
    void commandsRefuseWeakPasswordsAndUnknownOffices() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, password);
        QFETCH(QString, message);
        QCOMPARE(kit_->command(arguments, password), 1);
        QVERIFY2(QString::fromUtf8(server_.lastOutput()).contains(message),
                 server_.lastOutput().constData());
    }

    // The default address rates, on a server of their own: 40 quick failed sign-ins from one
    // address, then 11 quick enrolments.
    void fastFailuresFromOneAddressMeet429() {
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        IdentityTestKit kit(server);
        QVERIFY2(kit.loadDemo(), qPrintable(kit.errorString()));
        const auto workstation = kit.enrol(kit.takeDemoCode("0101"));
        QVERIFY2(workstation, qPrintable(kit.errorString()));
        auto client = kit.clientFor(*workstation);
        int refused = 0;
        int firstRefusal = -1;
        for (int i = 0; i < 40; ++i) {
            // Different names each time: the address limit, not a user's delay, must stop it.
            const auto response =
                kit.signInRaw(*client, QString("guess%1").arg(i), "not a password of anyone");
            if (response.status == 429) {
                ++refused;
                firstRefusal = firstRefusal < 0 ? i : firstRefusal;
                QCOMPARE(errorCodeOf(response), QStringLiteral("too_many_attempts"));
                QVERIFY(std::stoi(response.header("Retry-After").value_or("0")) > 0);
            } else {
                QCOMPARE(response.status, 401);
            }
        }
        QVERIFY2(refused >= 20, qPrintable(QString::number(refused)));
        QCOMPARE(firstRefusal, 20);

        // Enrolment has its own rate per address (10 a minute), whatever the codes: the one
        // above and nine more pass, the eleventh is refused even with a good code.
        for (int i = 0; i < 9; ++i) {
            QCOMPARE(kit.enrolRaw("ABCD-EFGH-JKLM").status, 403);
        }
        const auto limited = kit.enrolRaw(kit.takeDemoCode("0202"));
        QCOMPARE(limited.status, 429);
        QVERIFY(limited.header("Retry-After").has_value());
        QCOMPARE(server.stop(), 0);
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_IdentityRoutes)
#include "tst_identity_routes.moc"
