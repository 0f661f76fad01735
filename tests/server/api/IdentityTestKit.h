// What the identity integration tests share: a demo kep-server, its demo.json (users and
// enrolment codes), workstations enrolled through the real enrol route with keys made as the
// desk makes them (shared/net/WorkstationKey.h), and clients that present them.
#pragma once

#include "ServerProcess.h"
#include "net/HttpsClient.h"

#include <QJsonObject>
#include <QString>
#include <QTemporaryDir>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace kep::test {

// A workstation's credential files, written into the kit's temporary folder.
struct EnrolledWorkstation {
    QString deviceId;
    QString officeCode;
    QString certFile;
    QString keyFile;
};

struct DemoAccount {
    QString username;
    QString password;
    QString role;
    QString office;  // empty for the central roles
};

class IdentityTestKit {
public:
    explicit IdentityTestKit(ServerProcess& server) : server_(server) {}

    // Reads DIR/demo.json; false (with errorString) if it is missing or malformed.
    bool loadDemo();
    QString errorString() const { return error_; }

    const DemoAccount& account(const QString& username) const { return accounts_.at(username); }
    // The demo offices' regions, by office code.
    QString regionOf(const QString& office) const { return regions_.at(office); }
    const std::map<QString, DemoAccount>& accounts() const { return accounts_; }
    // The first unused demo enrolment code of the office (each is handed out once).
    QString takeDemoCode(const QString& office);

    // POSTs /api/v1/devices/enrol with a fresh P-256 key's CSR; the raw answer (and the key).
    kep::net::Response enrolRaw(const QString& code, const QString& hostname = "counter-1",
                                std::string* privateKeyPem = nullptr);
    // Enrols and writes the key and certificate; nullopt (and errorString) when not 201.
    std::optional<EnrolledWorkstation> enrol(const QString& code,
                                             const QString& hostname = "counter-1");
    // Issues a code with `kep-server enrol-code` and enrols with it.
    std::optional<EnrolledWorkstation> enrolNew(const QString& office);

    // A client with no certificate, a workstation's, or the admin tool's (admin.pem).
    std::unique_ptr<kep::net::HttpsClient> anonymousClient() const;
    std::unique_ptr<kep::net::HttpsClient> clientFor(const EnrolledWorkstation& workstation) const;
    std::unique_ptr<kep::net::HttpsClient> adminToolClient() const;

    // POST /api/v1/auth/login; the token, or nullopt (and errorString with the answer).
    std::optional<std::string> signIn(kep::net::HttpsClient& client, const QString& username,
                                      const QString& password);
    kep::net::Response signInRaw(kep::net::HttpsClient& client, const QString& username,
                                 const QString& password);

    // Runs a kep-server command with "--data <its data folder>" appended (and KEP_USER_PASSWORD
    // set when `userPassword` is given); the exit code. Output in server().lastOutput().
    int command(QStringList arguments, const QString& userPassword = {});

    ServerProcess& server() { return server_; }

private:
    kep::net::TlsOptions tls() const;

    ServerProcess& server_;
    QTemporaryDir files_;
    QString error_;
    std::map<QString, DemoAccount> accounts_;
    std::map<QString, QString> regions_;
    std::multimap<QString, QString> demoCodes_;
    int enrolled_ = 0;
};

// Request helpers.
using Headers = std::vector<std::pair<std::string, std::string>>;
Headers bearer(const std::string& token);
// The headers of a WebSocket upgrade (RFC 6455), to send it as a plain HTTPS request and read
// the answer: 101 when admitted, the gate's JSON refusal otherwise.
Headers webSocketUpgrade();
QJsonObject jsonOf(const kep::net::Response& response);
QString errorCodeOf(const kep::net::Response& response);
// What `fetch` answers once `done` holds for it, or its last answer when `timeout` runs out: for
// figures and checkpoints that a server job (every second) brings up to date a moment later.
QJsonObject pollJson(const std::function<QJsonObject()>& fetch,
                     const std::function<bool(const QJsonObject&)>& done,
                     std::chrono::milliseconds timeout = std::chrono::seconds(15));

}  // namespace kep::test
