// The administration routes of kep-server, played in memory behind FakeServer: offices, users
// (disable/enable), enrolment codes and devices (revoke), with the answers of the contract.
#pragma once

#include "FakeServerTransport.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace kep::desk::test {

struct FakeAdminServer {
    struct Person {
        QString id, username, displayName, role, office;
        bool disabled = false;
    };
    struct Machine {
        QString id, office, hostname;
        bool revoked = false;
    };

    FakeServer server;
    QList<QJsonObject> offices{{{"code", "0101"}, {"name", "ΚΕΠ Δοκιμών"}, {"region", "Attica"}},
                               {{"code", "0102"}, {"name", "ΚΕΠ Δεύτερο"}, {"region", "Crete"}}};
    QList<Person> people{{"u1", "clerk.a", "Clerk A", "clerk", "0101"},
                         {"u2", "manager.a", "Manager A", "manager", "0101"},
                         {"u3", "clerk.b", "Clerk B", "clerk", "0102"}};
    QList<Machine> machines{{"d1", "0101", "counter-1"}, {"d2", "0101", "counter-2"}};

    FakeAdminServer() {
        server.handler = [this](const QByteArray& method, const QByteArray& target,
                                const QByteArray& body) { return answer(method, target, body); };
    }

    HttpReply answer(const QByteArray& method, const QByteArray& target, const QByteArray& body) {
        const QString path = QString::fromUtf8(target).section(u'?', 0, 0);
        const QString office =
            QUrlQuery(QString::fromUtf8(target).section(u'?', 1)).queryItemValue("office");
        const QJsonObject request = QJsonDocument::fromJson(body).object();
        if (path == "/api/v1/offices" && method == "GET") {
            QJsonArray list;
            for (const auto& o : offices)
                list.append(o);
            return FakeServer::json(200, {{"offices", list}});
        }
        if (path == "/api/v1/offices" && method == "POST") {
            offices.append(request);
            return FakeServer::json(201, request);
        }
        if (path == "/api/v1/users" && method == "GET") {
            QJsonArray list;
            for (const auto& p : people) {
                if (p.office == office) {
                    list.append(QJsonObject{{"id", p.id},
                                            {"username", p.username},
                                            {"displayName", p.displayName},
                                            {"role", p.role},
                                            {"disabled", p.disabled}});
                }
            }
            return FakeServer::json(200, {{"users", list}});
        }
        if (path == "/api/v1/users" && method == "POST") {
            if (request.value("password").toString().size() < 12) {
                return FakeServer::json(
                    400,
                    {{"error", QJsonObject{{"code", "weak_password"}, {"message", "too short"}}}});
            }
            people.append({QStringLiteral("u%1").arg(people.size() + 1),
                           request.value("username").toString(),
                           request.value("displayName").toString(),
                           request.value("role").toString(), request.value("office").toString()});
            return FakeServer::json(201, {{"user", QJsonObject{{"id", people.last().id}}}});
        }
        if (path.startsWith("/api/v1/users/")) {
            for (auto& p : people) {
                if (path == "/api/v1/users/" + p.id + "/disable")
                    p.disabled = true;
                if (path == "/api/v1/users/" + p.id + "/enable")
                    p.disabled = false;
            }
            return FakeServer::json(200, {});
        }
        if (path.endsWith("/enrolment-codes")) {
            return FakeServer::json(
                201, {{"code", "WXYZ-2345-ABCD"}, {"expiresAt", "2030-01-05T08:00:00Z"}});
        }
        if (path == "/api/v1/devices") {
            QJsonArray list;
            for (const auto& m : machines) {
                if (m.office == office) {
                    list.append(
                        QJsonObject{{"id", m.id},
                                    {"office", m.office},
                                    {"hostname", m.hostname},
                                    {"enrolledAt", "2030-01-02T08:00:00Z"},
                                    {"revokedAt", m.revoked ? QJsonValue("2030-02-01T08:00:00Z")
                                                            : QJsonValue()}});
                }
            }
            return FakeServer::json(200, {{"devices", list}});
        }
        if (path.startsWith("/api/v1/devices/") && path.endsWith("/revoke")) {
            for (auto& m : machines) {
                if (path == "/api/v1/devices/" + m.id + "/revoke")
                    m.revoked = true;
            }
            return FakeServer::json(200, {});
        }
        return FakeServer::healthy();
    }
};

}  // namespace kep::desk::test
