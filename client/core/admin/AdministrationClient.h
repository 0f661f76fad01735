// The administration API as the admin screens use it: one typed call per action (offices,
// users, enrolment codes, devices, catalogue drafts and options) over the server link, answered
// by one typed signal each, or by failed() with the server's reason.
#pragma once

#include "ApiReply.h"
#include "admin/AdminReplies.h"
#include "admin/CatalogueDrafts.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace kep::desk {
class ServerLink;
}

namespace kep::desk::admin {

class AdministrationClient : public QObject {
    Q_OBJECT
public:
    explicit AdministrationClient(ServerLink& link, QObject* parent = nullptr);

    void listOffices();
    void addOffice(const Office& office);
    void listUsers(const QString& officeCode);
    void addUser(const NewUser& user);
    void setUserDisabled(const QString& userId, bool disabled);
    void issueEnrolmentCode(const QString& officeCode);
    void listDevices(const QString& officeCode);
    void revokeDevice(const QString& deviceId);
    // The catalogue (central_admin): drafts with their differences, publishing, options.
    void listCatalogueDrafts(int offset, int limit);
    void publishCatalogue(const QStringList& ids);  // empty: every draft
    // The options in force, read from the published procedure.
    void loadProcedureOptions(const QString& procedureId);
    void saveProcedureOptions(const QString& procedureId, const ProcedureOptions& options);

signals:
    void officesListed(const QList<kep::desk::admin::Office>& offices);
    void officeAdded();
    void usersListed(const QList<kep::desk::admin::User>& users);
    void userAdded();
    void userChanged();  // disabled or enabled
    void enrolmentCodeIssued(const kep::desk::admin::IssuedEnrolmentCode& code);
    void devicesListed(const QList<kep::desk::admin::Device>& devices);
    void deviceRevoked();
    void catalogueDraftsListed(const kep::desk::admin::DraftPage& page);
    void cataloguePublished(const kep::desk::admin::Publication& publication);
    void procedureOptionsLoaded(const QString& procedureId,
                                const kep::desk::admin::ProcedureOptions& options);
    void procedureOptionsSaved(const QString& procedureId,
                               const kep::desk::admin::ProcedureOptions& options);
    void failed(const kep::desk::admin::AdminFailure& failure);

private:
    using Handler = std::function<void(const QByteArray& body)>;
    // Sends; a 2xx answer goes to `onSuccess`, anything else to failed().
    void send(const QByteArray& method, const QByteArray& target, const QByteArray& body,
              int expectedStatus, Handler onSuccess);
    void onReplied(int ticket, const kep::desk::ApiReply& reply);
    void unreadable();

    ServerLink& link_;
    QHash<int, std::pair<int, Handler>> pending_;  // ticket → expected status, handler
};

}  // namespace kep::desk::admin
