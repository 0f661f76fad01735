// The desks of the demo office in end-to-end tests against a real kep-server: demo.json read for
// the first office's enrolment codes and staff, and a counter PC enrolled, signed in online and
// syncing in the background over HTTPS, as the shipped desk does.
#pragma once

#include "../core/sync/SyncTestServer.h"
#include "HttpsTransport.h"
#include "ServerLink.h"
#include "ServerProcess.h"
#include "Workstation.h"
#include "sync/DeskSync.h"
#include "sync/HttpsSyncConnector.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace kep::desk::test {

struct DemoOffice {
    QString code;
    QStringList enrolmentCodes;
    QPair<QString, QString> clerk;    // username, password
    QPair<QString, QString> manager;  // username, password
};

// The first office of demo.json: its enrolment codes (two), a clerk and its manager.
std::optional<DemoOffice> readDemo(const QString& file) {
    QFile demo(file);
    if (!demo.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QJsonObject root = QJsonDocument::fromJson(demo.readAll()).object();
    DemoOffice office;
    for (const QJsonValue& value : root.value("enrolmentCodes").toArray()) {
        const QJsonObject code = value.toObject();
        if (office.code.isEmpty()) {
            office.code = code.value("office").toString();
        }
        if (code.value("office").toString() == office.code) {
            office.enrolmentCodes << code.value("code").toString();
        }
    }
    for (const QJsonValue& value : root.value("users").toArray()) {
        const QJsonObject user = value.toObject();
        if (user.value("office").toString() != office.code) {
            continue;
        }
        const QPair<QString, QString> login{user.value("username").toString(),
                                            user.value("password").toString()};
        if (user.value("role").toString() == "clerk" && office.clerk.first.isEmpty()) {
            office.clerk = login;
        } else if (user.value("role").toString() == "manager" && office.manager.first.isEmpty()) {
            office.manager = login;
        }
    }
    if (office.enrolmentCodes.size() < 2 || office.clerk.first.isEmpty() ||
        office.manager.first.isEmpty()) {
        return std::nullopt;
    }
    return office;
}

// One counter PC: its data folder, enrolled, with a user signed in online.
struct CounterPc {
    QTemporaryDir dir;
    std::unique_ptr<kep::desk::Workstation> workstation;
    std::unique_ptr<kep::desk::ServerLink> link;
    kep::desk::ServerAddress address;
    kep::desk::UserSession session;
    std::unique_ptr<kep::desk::sync::DeskSync> sync;
    std::unique_ptr<SyncWatch> watch;  // made before the sync starts: misses nothing

    QString open(const kep::test::ServerProcess& server, const QString& code,
                 const QPair<QString, QString>& user) {
        static kep::desk::SystemClock clock;
        QString error;
        workstation = kep::desk::Workstation::open(dir.filePath("data"), clock, {}, &error);
        if (!workstation) {
            return error;
        }
        address = {server.url(), server.caFile(), workstation->dataFolder().certificateFile(),
                   workstation->credential().tlsKeyFile()};
        link = std::make_unique<kep::desk::ServerLink>(kep::desk::httpsTransport(address),
                                                       &workstation->credential());
        QSignalSpy enrolled(link.get(), &kep::desk::ServerLink::enrolled);
        QSignalSpy refused(link.get(), &kep::desk::ServerLink::enrolmentFailed);
        link->enrol(code, "e2e-sync");
        if (!QTest::qWaitFor([&] { return enrolled.count() + refused.count() > 0; }, 20000) ||
            !refused.isEmpty()) {
            return QStringLiteral("enrolment failed");
        }
        QSignalSpy signedIn(link.get(), &kep::desk::ServerLink::signedIn);
        QSignalSpy signInFailed(link.get(), &kep::desk::ServerLink::signInFailed);
        link->signIn(user.first, user.second);
        if (!QTest::qWaitFor([&] { return signedIn.count() + signInFailed.count() > 0; }, 20000) ||
            signedIn.isEmpty()) {
            return QStringLiteral("sign-in failed");
        }
        session = signedIn.first().at(0).value<kep::desk::UserSession>();
        return {};
    }

    void startSync(std::chrono::milliseconds poll) {
        kep::desk::sync::DeskSyncSetup setup;
        setup.databaseFile = workstation->dataFolder().databaseFile();
        setup.deviceId = workstation->credential().certificate()->deviceId.toStdString();
        setup.officeCode = session.officeCode.toStdString();
        setup.connector = kep::desk::sync::httpsSyncConnector(address);
        setup.pollInterval = poll;
        setup.outboxCheck = std::chrono::milliseconds{200};
        watch.reset();
        sync = std::make_unique<kep::desk::sync::DeskSync>(std::move(setup));
        watch = std::make_unique<SyncWatch>(*sync);
        sync->start();
    }
    void stopSync() {
        watch.reset();
        sync.reset();
    }

    std::string deviceId() const {
        return workstation->credential().certificate()->deviceId.toStdString();
    }
    kep::db::Database& db() { return workstation->database(); }
};

}  // namespace kep::desk::test
