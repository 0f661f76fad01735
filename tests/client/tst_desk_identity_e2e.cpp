// The desk's identity against a real kep-server (`init --demo`, `serve` on loopback): enrol with
// the demo code of the clerk's office, sign in online as the clerk, then with the server stopped
// sign in offline, and eight days later (the injected clock) see offline sign-in refused.
#include "HttpsTransport.h"
#include "ServerLink.h"
#include "ServerProcess.h"
#include "Workstation.h"
#include "support/ManualClock.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kep::desk;
using kep::desk::test::ManualClock;
using kep::test::ServerProcess;

namespace {

struct DemoClerk {
    QString username;
    QString password;
    QString office;
    QString enrolmentCode;
};

// The first clerk of demo.json and the enrolment code of their office.
std::optional<DemoClerk> readDemo(const QString& file, QString* error) {
    QFile demo(file);
    if (!demo.open(QIODevice::ReadOnly)) {
        *error = "cannot read " + file;
        return std::nullopt;
    }
    const QJsonObject root = QJsonDocument::fromJson(demo.readAll()).object();
    DemoClerk clerk;
    for (const QJsonValue& value : root.value("users").toArray()) {
        const QJsonObject user = value.toObject();
        if (user.value("role").toString() == "clerk") {
            clerk = {user.value("username").toString(),
                     user.value("password").toString(),
                     user.value("office").toString(),
                     {}};
            break;
        }
    }
    for (const QJsonValue& value : root.value("enrolmentCodes").toArray()) {
        if (value.toObject().value("office").toString() == clerk.office) {
            clerk.enrolmentCode = value.toObject().value("code").toString();
        }
    }
    if (clerk.username.isEmpty() || clerk.enrolmentCode.isEmpty()) {
        *error = file + " has no clerk, or no \"enrolmentCodes\" entry for the clerk's office";
        return std::nullopt;
    }
    return clerk;
}

}  // namespace

class tst_DeskIdentityE2e : public QObject {
    Q_OBJECT

private slots:
    void enrolSignInOnlineThenOfflineUntilExpiry() {
        ServerProcess server;
        QVERIFY2(server.start(true), qPrintable(server.errorString()));
        QString error;
        const auto clerk = readDemo(server.demoJson(), &error);
        QVERIFY2(clerk, qPrintable(error));

        QTemporaryDir dir;
        ManualClock clock(QDateTime::currentDateTimeUtc());
        auto workstation =
            Workstation::open(dir.filePath("data"), clock, OfflineSignInRule{}, &error);
        QVERIFY2(workstation, qPrintable(error));
        ServerLink link(httpsTransport({server.url(), server.caFile(),
                                        workstation->dataFolder().certificateFile(),
                                        workstation->credential().tlsKeyFile()}),
                        &workstation->credential());
        // As the shell does: keep the verifier of each online sign-in.
        connect(&link, &ServerLink::offlineVerifierReady, this,
                [&](const UserSession& session, const QString& verifier) {
                    workstation->offlineSignIn().rememberOnlineSignIn(session, verifier);
                });

        // 1. Enrol with the one-time code.
        QSignalSpy enrolled(&link, &ServerLink::enrolled);
        QSignalSpy enrolmentFailed(&link, &ServerLink::enrolmentFailed);
        link.enrol(clerk->enrolmentCode, "e2e-counter");
        QTRY_VERIFY_WITH_TIMEOUT(enrolled.count() + enrolmentFailed.count() > 0, 20000);
        if (!enrolmentFailed.isEmpty()) {
            const auto failure = enrolmentFailed.first().at(0).value<EnrolmentFailure>();
            QFAIL(qPrintable(QString("enrolment failed: %1 %2").arg(failure.code, failure.detail)));
        }
        QString problem;
        QVERIFY2(workstation->credential().isEnrolled(&problem), qPrintable(problem));
        QCOMPARE(workstation->credential().certificate()->officeCode, clerk->office);

        // 2. The same code cannot enrol a second time (one-time codes).
        QTemporaryDir otherDir;
        auto other = Workstation::open(otherDir.filePath("data"), clock, {}, &error);
        QVERIFY2(other, qPrintable(error));
        ServerLink otherLink(
            httpsTransport({server.url(), server.caFile(), other->dataFolder().certificateFile(),
                            other->credential().tlsKeyFile()}),
            &other->credential());
        QSignalSpy reused(&otherLink, &ServerLink::enrolmentFailed);
        otherLink.enrol(clerk->enrolmentCode, "e2e-counter-2");
        QVERIFY(reused.wait(20000));
        QCOMPARE(int(reused.first().at(0).value<EnrolmentFailure>().reason),
                 int(EnrolmentFailure::Reason::InvalidCode));

        // 3. Online sign-in over the workstation certificate; the verifier is kept.
        QSignalSpy signedIn(&link, &ServerLink::signedIn);
        QSignalSpy signInFailed(&link, &ServerLink::signInFailed);
        link.signIn(clerk->username, clerk->password);
        QTRY_VERIFY_WITH_TIMEOUT(signedIn.count() + signInFailed.count() > 0, 20000);
        if (!signInFailed.isEmpty()) {
            const auto failure = signInFailed.first().at(0).value<SignInFailure>();
            QFAIL(qPrintable(
                QString("online sign-in failed: %1 %2").arg(failure.code, failure.detail)));
        }
        const auto session = signedIn.first().at(0).value<UserSession>();
        QCOMPARE(session.role, QString("clerk"));
        QCOMPARE(session.officeCode, clerk->office);
        QVERIFY(!session.offline);
        QTRY_COMPARE(workstation->verifiers().count(), 1);
        link.signOut();

        // 4. Server gone: online sign-in reports it unreachable (not refused) ...
        QCOMPARE(server.stop(), 0);
        signInFailed.clear();
        link.signIn(clerk->username, clerk->password);
        QVERIFY(signInFailed.wait(20000));
        QCOMPARE(int(signInFailed.first().at(0).value<SignInFailure>().reason),
                 int(SignInFailure::Reason::Unreachable));

        // ... and offline sign-in works with the same password, not with another.
        auto offline = workstation->offlineSignIn().signIn(clerk->username, clerk->password);
        QVERIFY(std::holds_alternative<UserSession>(offline));
        QVERIFY(std::get<UserSession>(offline).offline);
        QCOMPARE(std::get<UserSession>(offline).role, QString("clerk"));
        offline = workstation->offlineSignIn().signIn(clerk->username, "not the password 1");
        QVERIFY(std::holds_alternative<OfflineRefusal>(offline));

        // 5. Eight days later without an online check: refused.
        clock.advanceDays(8);
        offline = workstation->offlineSignIn().signIn(clerk->username, clerk->password);
        QVERIFY(std::holds_alternative<OfflineRefusal>(offline));
        QCOMPARE(int(std::get<OfflineRefusal>(offline).reason),
                 int(OfflineRefusal::Reason::Expired));
    }
};

QTEST_GUILESS_MAIN(tst_DeskIdentityE2e)
#include "tst_desk_identity_e2e.moc"
