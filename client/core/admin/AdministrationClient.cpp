#include "admin/AdministrationClient.h"

#include "ServerLink.h"

#include <QUrl>

namespace kep::desk::admin {

namespace {
QByteArray encoded(const QString& part) {
    return QUrl::toPercentEncoding(part);
}
}  // namespace

AdministrationClient::AdministrationClient(ServerLink& link, QObject* parent)
    : QObject(parent)
    , link_(link) {
    qRegisterMetaType<AdminFailure>();
    connect(&link_, &ServerLink::replied, this, &AdministrationClient::onReplied);
}

void AdministrationClient::send(const QByteArray& method, const QByteArray& target,
                                const QByteArray& body, int expectedStatus, Handler onSuccess) {
    pending_.insert(link_.call(method, target, body), {expectedStatus, std::move(onSuccess)});
}

void AdministrationClient::onReplied(int ticket, const ApiReply& reply) {
    const auto found = pending_.find(ticket);
    if (found == pending_.end()) {
        return;  // another client's call
    }
    const auto [expected, handler] = found.value();
    pending_.erase(found);
    if (!reply.networkError.isEmpty()) {
        emit failed({0, {}, reply.networkError});
        return;
    }
    // 200 and the documented status alike: a server may answer a create with 200.
    if (reply.status == expected || reply.status == 200 || reply.status == 204) {
        handler(reply.body);
        return;
    }
    emit failed(readFailure(reply.status, reply.body));
}

void AdministrationClient::unreadable() {
    emit failed(
        {0, QStringLiteral("bad_reply"), QStringLiteral("the server's answer cannot be read")});
}

void AdministrationClient::listOffices() {
    send("GET", "/api/v1/offices", {}, 200, [this](const QByteArray& body) {
        const auto offices = readOffices(body);
        offices ? emit officesListed(*offices) : unreadable();
    });
}

void AdministrationClient::addOffice(const Office& office) {
    send("POST", "/api/v1/offices", officeBody(office), 201,
         [this](const QByteArray&) { emit officeAdded(); });
}

void AdministrationClient::listUsers(const QString& officeCode) {
    send("GET", "/api/v1/users?office=" + encoded(officeCode), {}, 200,
         [this](const QByteArray& body) {
             const auto users = readUsers(body);
             users ? emit usersListed(*users) : unreadable();
         });
}

void AdministrationClient::addUser(const NewUser& user) {
    QByteArray body = newUserBody(user);
    send("POST", "/api/v1/users", body, 201, [this](const QByteArray&) { emit userAdded(); });
    body.fill('\0');
}

void AdministrationClient::setUserDisabled(const QString& userId, bool disabled) {
    send("POST", "/api/v1/users/" + encoded(userId) + (disabled ? "/disable" : "/enable"), {}, 200,
         [this](const QByteArray&) { emit userChanged(); });
}

void AdministrationClient::issueEnrolmentCode(const QString& officeCode) {
    send("POST", "/api/v1/offices/" + encoded(officeCode) + "/enrolment-codes", {}, 201,
         [this](const QByteArray& body) {
             const auto code = readEnrolmentCode(body);
             code ? emit enrolmentCodeIssued(*code) : unreadable();
         });
}

void AdministrationClient::listDevices(const QString& officeCode) {
    send("GET", "/api/v1/devices?office=" + encoded(officeCode), {}, 200,
         [this](const QByteArray& body) {
             const auto devices = readDevices(body);
             devices ? emit devicesListed(*devices) : unreadable();
         });
}

void AdministrationClient::revokeDevice(const QString& deviceId) {
    send("POST", "/api/v1/devices/" + encoded(deviceId) + "/revoke", {}, 200,
         [this](const QByteArray&) { emit deviceRevoked(); });
}

void AdministrationClient::listCatalogueDrafts(int offset, int limit) {
    send("GET",
         "/api/v1/admin/catalogue/drafts?offset=" + QByteArray::number(offset) +
             "&limit=" + QByteArray::number(limit),
         {}, 200, [this](const QByteArray& body) {
             const auto page = readDraftPage(body);
             page ? emit catalogueDraftsListed(*page) : unreadable();
         });
}

void AdministrationClient::publishCatalogue(const QStringList& ids) {
    send("POST", "/api/v1/admin/catalogue/publish", publishBody(ids), 200,
         [this](const QByteArray& body) {
             const auto publication = readPublication(body);
             publication ? emit cataloguePublished(*publication) : unreadable();
         });
}

void AdministrationClient::loadProcedureOptions(const QString& procedureId) {
    send("GET", "/api/v1/catalogue/procedures/" + encoded(procedureId), {}, 200,
         [this, procedureId](const QByteArray& body) {
             const auto options = readProcedureOptions(body);
             options ? emit procedureOptionsLoaded(procedureId, *options) : unreadable();
         });
}

void AdministrationClient::saveProcedureOptions(const QString& procedureId,
                                                const ProcedureOptions& options) {
    send("PUT", "/api/v1/admin/catalogue/procedures/" + encoded(procedureId) + "/options",
         optionsBody(options), 200, [this, procedureId](const QByteArray& body) {
             const auto saved = readProcedureOptions(body);
             saved ? emit procedureOptionsSaved(procedureId, *saved) : unreadable();
         });
}

}  // namespace kep::desk::admin
