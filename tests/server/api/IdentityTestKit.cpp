#include "IdentityTestKit.h"

#include "net/WorkstationKey.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

namespace kep::test {

namespace {

bool writeFile(const QString& path, const std::string& content) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(content.data(), qint64(content.size())) == qint64(content.size());
}

std::string jsonText(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

}  // namespace

Headers webSocketUpgrade() {
    return {{"Connection", "Upgrade"},
            {"Upgrade", "websocket"},
            {"Sec-WebSocket-Version", "13"},
            {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="}};
}

Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

QJsonObject jsonOf(const kep::net::Response& response) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object();
}

QString errorCodeOf(const kep::net::Response& response) {
    return jsonOf(response).value("error").toObject().value("code").toString();
}

QJsonObject pollJson(const std::function<QJsonObject()>& fetch,
                     const std::function<bool(const QJsonObject&)>& done,
                     std::chrono::milliseconds timeout) {
    QElapsedTimer timer;
    timer.start();
    QJsonObject body = fetch();
    while (!done(body) && timer.elapsed() < timeout.count()) {
        QThread::msleep(100);
        body = fetch();
    }
    return body;
}

bool IdentityTestKit::loadDemo() {
    QFile file(server_.demoJson());
    if (!file.open(QIODevice::ReadOnly)) {
        error_ = "cannot read " + server_.demoJson();
        return false;
    }
    const auto demo = QJsonDocument::fromJson(file.readAll()).object();
    for (const auto& entry : demo.value("users").toArray()) {
        const auto user = entry.toObject();
        DemoAccount account{user.value("username").toString(), user.value("password").toString(),
                            user.value("role").toString(), user.value("office").toString()};
        accounts_[account.username] = account;
    }
    for (const auto& entry : demo.value("offices").toArray()) {
        const auto office = entry.toObject();
        regions_[office.value("code").toString()] = office.value("region").toString();
    }
    for (const auto& entry : demo.value("enrolmentCodes").toArray()) {
        const auto code = entry.toObject();
        demoCodes_.emplace(code.value("office").toString(), code.value("code").toString());
    }
    if (accounts_.empty() || demoCodes_.empty()) {
        error_ = "demo.json has no users or no enrolmentCodes";
        return false;
    }
    return true;
}

QString IdentityTestKit::takeDemoCode(const QString& office) {
    const auto it = demoCodes_.find(office);
    if (it == demoCodes_.end()) {
        return {};
    }
    const auto code = it->second;
    demoCodes_.erase(it);
    return code;
}

kep::net::TlsOptions IdentityTestKit::tls() const {
    kep::net::TlsOptions options;
    options.caFile = server_.caFile().toStdString();
    return options;
}

kep::net::Response IdentityTestKit::enrolRaw(const QString& code, const QString& hostname,
                                             std::string* privateKeyPem) {
    const auto request = kep::net::makeWorkstationKeyRequest(hostname.toStdString());
    if (privateKeyPem) {
        *privateKeyPem = request.privateKeyPem;
    }
    return anonymousClient()->post("/api/v1/devices/enrol",
                                   jsonText({{"code", code},
                                             {"csr", QString::fromStdString(request.csrPem)},
                                             {"hostname", hostname}}));
}

std::optional<EnrolledWorkstation> IdentityTestKit::enrol(const QString& code,
                                                          const QString& hostname) {
    std::string privateKeyPem;
    const auto response = enrolRaw(code, hostname, &privateKeyPem);
    if (response.status != 201) {
        error_ = QString("enrol answered %1: %2")
                     .arg(response.status)
                     .arg(QString::fromStdString(response.body));
        return std::nullopt;
    }
    const auto body = jsonOf(response);
    const QString stem = files_.filePath(QString("ws%1").arg(++enrolled_));
    EnrolledWorkstation workstation{body.value("deviceId").toString(),
                                    body.value("office").toObject().value("code").toString(),
                                    stem + ".crt", stem + ".key"};
    if (!writeFile(workstation.certFile, body.value("certificate").toString().toStdString()) ||
        !writeFile(workstation.keyFile, privateKeyPem)) {
        error_ = "cannot write the workstation's files under " + files_.path();
        return std::nullopt;
    }
    return workstation;
}

std::optional<EnrolledWorkstation> IdentityTestKit::enrolNew(const QString& office) {
    if (command({"enrol-code", "--office", office}) != 0) {
        error_ = "enrol-code failed: " + QString::fromUtf8(server_.lastOutput());
        return std::nullopt;
    }
    return enrol(QString::fromUtf8(server_.lastOutput()).trimmed());
}

std::unique_ptr<kep::net::HttpsClient> IdentityTestKit::anonymousClient() const {
    return std::make_unique<kep::net::HttpsClient>(
        kep::net::Endpoint::fromUrl(server_.url().toStdString()), tls());
}

std::unique_ptr<kep::net::HttpsClient> IdentityTestKit::clientFor(
    const EnrolledWorkstation& workstation) const {
    auto options = tls();
    options.clientCertFile = workstation.certFile.toStdString();
    options.clientKeyFile = workstation.keyFile.toStdString();
    return std::make_unique<kep::net::HttpsClient>(
        kep::net::Endpoint::fromUrl(server_.url().toStdString()), options);
}

std::unique_ptr<kep::net::HttpsClient> IdentityTestKit::adminToolClient() const {
    auto options = tls();
    options.clientCertFile = server_.adminPem().toStdString();
    options.clientKeyFile = server_.adminPem().toStdString();
    return std::make_unique<kep::net::HttpsClient>(
        kep::net::Endpoint::fromUrl(server_.url().toStdString()), options);
}

kep::net::Response IdentityTestKit::signInRaw(kep::net::HttpsClient& client,
                                              const QString& username, const QString& password) {
    return client.post("/api/v1/auth/login",
                       jsonText({{"username", username}, {"password", password}}));
}

std::optional<std::string> IdentityTestKit::signIn(kep::net::HttpsClient& client,
                                                   const QString& username,
                                                   const QString& password) {
    const auto response = signInRaw(client, username, password);
    if (response.status != 200) {
        error_ = QString("sign-in of %1 answered %2: %3")
                     .arg(username)
                     .arg(response.status)
                     .arg(QString::fromStdString(response.body));
        return std::nullopt;
    }
    return jsonOf(response).value("token").toString().toStdString();
}

int IdentityTestKit::command(QStringList arguments, const QString& userPassword) {
    arguments << "--data" << server_.dataDir();
    if (!userPassword.isEmpty()) {
        qputenv("KEP_USER_PASSWORD", userPassword.toUtf8());
    }
    const int code = server_.runOnce(arguments);
    qunsetenv("KEP_USER_PASSWORD");
    return code;
}

}  // namespace kep::test
