// The policy test generated from the server's own route table: every route the running server
// lists (GET /api/v1/routes) × every user role × a resource of the caller's own office and of
// another, plus a workstation without a session, the admin tool, every API-key kind (and a
// revoked key) and no certificate at all. Each answer is compared with AccessPolicy::decide on
// the route's declared action: allowed → neither 401 nor 403; denied → 403 (401 when the caller
// is not even identified). A guarded route the test has no fixture for fails the test, so a new
// route cannot escape the policy unnoticed.
#include "IdentityTestKit.h"
#include "auth/AccessPolicy.h"

#include <QDate>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

using kep::auth::decide;
using kep::auth::Principal;
using kep::auth::PrincipalKind;
using kep::auth::ResourceScope;
using kep::auth::Role;
using kep::test::bearer;
using kep::test::EnrolledWorkstation;
using kep::test::errorCodeOf;
using kep::test::IdentityTestKit;
using kep::test::jsonOf;
using kep::test::ServerProcess;

namespace {

constexpr char kOwnOffice[] = "0101";
constexpr char kOtherOffice[] = "0202";
// The demo's competent authority (server/lib/cli/DemoData.h): the demo authority user's, and the
// authority system key's below.
constexpr char kOwnAuthority[] = "10102";

struct RouteRow {
    QString method;
    QString pattern;
    QString gate;
    QString action;
    bool webSocket = false;  // probed as an upgrade: the gate must run before it is accepted
};

// One request a fixture makes for a resource of `office`, and the scope the policy sees.
struct Probe {
    QString path;
    std::string body;
    ResourceScope scope;
};

struct Caller {
    QString name;         // for the failure message
    Principal principal;  // what the test expects the server to see
    std::string token;    // empty: no session
};

// A system's key as `kep-server api-key add` printed it (the first line), and its id.
struct SystemKey {
    QString name;
    Principal principal;
    std::string key;
    QString id;
};

kep::test::Headers apiKey(const std::string& key) {
    return {{"Authorization", "ApiKey " + key}};
}

std::string json(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

}  // namespace

class tst_RoutePolicy : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;
    std::unique_ptr<IdentityTestKit> kit_;
    EnrolledWorkstation desk_;                 // office 0101: where every user signs in
    std::map<QString, QString> targetUser_;    // office → a user the disable/enable routes act on
    std::map<QString, QString> targetDevice_;  // office → a device the revoke route acts on
    std::vector<RouteRow> routes_;
    std::vector<SystemKey> systems_;  // one live key per kind
    std::string revokedKey_;
    int counter_ = 0;
    int cells_ = 0;

    ResourceScope scopeOf(const QString& office) const {
        return {office.toStdString(), kit_->regionOf(office).toStdString(), {}};
    }

    // The fixtures of the guarded routes: how to aim a request at a resource of `office`. A
    // fixture returns nullopt where the route cannot name another office (its scope is the
    // workstation's own).
    std::optional<Probe> probe(const RouteRow& route, const QString& office) {
        const auto key = route.method + " " + route.pattern;
        const auto unique = QString::number(++counter_);
        if (key == "GET /api/v1/auth/session" || key == "POST /api/v1/auth/logout") {
            return Probe{route.pattern, {}, {}};
        }
        if (key == "GET /api/v1/directory/users") {
            if (office != kOwnOffice) {
                return std::nullopt;
            }
            return Probe{route.pattern, {}, scopeOf(kOwnOffice)};
        }
        if (key == "GET /api/v1/offices") {
            return Probe{route.pattern, {}, {}};
        }
        if (key == "POST /api/v1/offices") {
            return Probe{
                route.pattern, json({{"code", "P" + unique}, {"name", "Policy " + unique}}), {}};
        }
        if (key == "GET /api/v1/users" || key == "GET /api/v1/devices") {
            return Probe{route.pattern + "?office=" + office, {}, scopeOf(office)};
        }
        if (key == "POST /api/v1/users") {
            return Probe{route.pattern,
                         json({{"username", "policy.user" + unique},
                               {"role", "clerk"},
                               {"office", office},
                               {"password", "Policy test passphrase"}}),
                         scopeOf(office)};
        }
        if (key == "POST /api/v1/users/{id}/disable" || key == "POST /api/v1/users/{id}/enable") {
            auto path = route.pattern;
            return Probe{path.replace("{id}", targetUser_.at(office)), "{}", scopeOf(office)};
        }
        if (key == "POST /api/v1/offices/{code}/enrolment-codes") {
            auto path = route.pattern;
            return Probe{path.replace("{code}", office), "{}", scopeOf(office)};
        }
        if (key == "POST /api/v1/devices/{id}/revoke") {
            auto path = route.pattern;
            return Probe{path.replace("{id}", targetDevice_.at(office)), "{}", scopeOf(office)};
        }
        if (key == "POST /api/v1/protocol-numbers/lease") {
            if (office != kOwnOffice) {
                return std::nullopt;  // always the workstation's own office
            }
            const int year = QDate::currentDate().year();
            return Probe{route.pattern, json({{"year", year}, {"count", 1}}), scopeOf(kOwnOffice)};
        }
        // The catalogue is national: one resource whichever office the caller is of.
        if (key == "GET /api/v1/admin/catalogue/drafts") {
            return Probe{route.pattern, {}, {}};
        }
        if (key == "POST /api/v1/admin/catalogue/publish") {
            return Probe{route.pattern, json({{"all", true}}), {}};
        }
        if (key == "PUT /api/v1/admin/catalogue/procedures/{id}/options") {
            auto path = route.pattern;
            return Probe{path.replace("{id}", "900001"), json({{"requiresApproval", true}}), {}};
        }
        if (key == "POST /api/v1/sync/push") {
            if (office != kOwnOffice) {
                return std::nullopt;  // always the workstation's own device and office
            }
            return Probe{
                route.pattern,
                json({{"protocol", 1}, {"deviceId", desk_.deviceId}, {"ops", QJsonArray()}}),
                scopeOf(kOwnOffice)};
        }
        if (key == "GET /api/v1/sync/pull") {
            return Probe{
                route.pattern + "?protocol=1&bucket=office:" + office, {}, scopeOf(office)};
        }
        if (key == "GET /api/v1/sync/ws") {
            if (office != kOwnOffice) {
                return std::nullopt;  // nudges for the workstation's own buckets only
            }
            return Probe{route.pattern + "?protocol=1", {}, scopeOf(kOwnOffice)};
        }
        // Attachments: uploads are the workstation's own office's (content is shared by hash).
        if (key == "PUT /api/v1/attachments/{sha256}" ||
            key == "GET /api/v1/attachments/{sha256}" ||
            key == "PUT /api/v1/attachments/{sha256}/chunks/{index}") {
            if (office != kOwnOffice) {
                return std::nullopt;  // always the workstation's own office
            }
            auto path = route.pattern;
            path.replace("{sha256}", QString(64, 'b')).replace("{index}", "0");
            if (route.method == "PUT" && !route.pattern.contains("{index}")) {
                path += "?size=10&type=application/pdf";
            }
            return Probe{path, {}, scopeOf(kOwnOffice)};
        }
        // The competent authorities' directory is national.
        if (key == "GET /api/v1/admin/authorities") {
            return Probe{route.pattern, {}, {}};
        }
        if (key == "POST /api/v1/admin/authorities") {
            return Probe{
                route.pattern,
                json({{"id", "P" + unique}, {"name_el", "Αρχή"}, {"name_en", "Authority"}}),
                {}};
        }
        // The authority routes reach the caller's own authority's inbox (a case outside it is
        // 404 inside the handler): every authority caller here is of kOwnAuthority.
        if (route.pattern.startsWith("/api/v1/authority/")) {
            if (office != kOwnOffice) {
                return std::nullopt;
            }
            auto path = route.pattern;
            path.replace("{id}", "0190a3c2-7d1e-7000-8000-000000000001")
                .replace("{sha256}", QString(64, 'c'));
            const bool needsReason =
                path.endsWith("/reject") || path.endsWith("/request-documents");
            return Probe{path, needsReason ? json({{"reason", "policy"}}) : std::string(),
                         ResourceScope{{}, {}, kOwnAuthority}};
        }
        // A case's result, for a workstation of the case's office; an unknown case is of none.
        if (key == "GET /api/v1/cases/{id}/result") {
            if (office != kOwnOffice) {
                return std::nullopt;
            }
            auto path = route.pattern;
            return Probe{path.replace("{id}", "0190a3c2-7d1e-7000-8000-000000000001"), {}, {}};
        }
        // Statistics (issue 8): an office's figures and its clerks' workload; offices are national.
        if (key == "GET /api/v1/stats/overview" || key == "GET /api/v1/stats/procedures" ||
            key == "GET /api/v1/stats/clerks") {
            return Probe{route.pattern + "?office=" + office, {}, scopeOf(office)};
        }
        if (key == "GET /api/v1/stats/offices") {
            return Probe{route.pattern, {}, {}};
        }
        // Monthly reports (issue 8): an office's past month, scoped like its overview.
        if (key == "GET /api/v1/stats/reports/{office}/{file}") {
            auto path = route.pattern;
            path.replace("{office}", office);
            return Probe{path.replace("{file}", "2026-01.csv"), {}, scopeOf(office)};
        }
        // Circulars (issue 8): sent to an office's region (IT staff reach their own); receipts
        // and catalogue flags by the workstation for its own office; unknown ids are national.
        if (key == "POST /api/v1/circulars") {
            return Probe{route.pattern,
                         json({{"kind", "announcement"},
                               {"title", QJsonObject{{"el", "Πολιτική " + unique}}},
                               {"body", QJsonObject{{"el", "Έλεγχος πολιτικής"}}},
                               {"audience", QJsonObject{{"kind", "offices"},
                                                        {"offices", QJsonArray{office}}}}}),
                         ResourceScope{{}, scopeOf(office).region, {}}};
        }
        if (key == "POST /api/v1/circulars/{id}/read" ||
            key == "POST /api/v1/catalogue/procedures/{id}/feedback") {
            if (office != kOwnOffice) {
                return std::nullopt;  // always the workstation's own office
            }
            auto path = route.pattern;
            return Probe{path.replace("{id}", "900001"), "{}", scopeOf(kOwnOffice)};
        }
        if (key == "GET /api/v1/circulars/{id}/receipts") {
            auto path = route.pattern;
            return Probe{path.replace("{id}", "policy-" + unique), {}, {}};
        }
        if (key == "GET /api/v1/catalogue/feedback") {
            return Probe{route.pattern, {}, {}};
        }
        if (key == "POST /api/v1/catalogue/feedback/{flag}/close") {
            auto path = route.pattern;
            return Probe{path.replace("{flag}", "policy-" + unique), json({{"note", "x"}}), {}};
        }
        if (key == "GET /api/v1/stats/satisfaction") {
            return Probe{route.pattern + "?office=" + office, {}, scopeOf(office)};
        }
        // Online applications go to any office's queue (national); an admitted key's empty
        // body is then refused by the handler (400), which is past the policy.
        if (key == "POST /api/v1/intake") {
            return Probe{route.pattern, "{}", {}};
        }
        // Personal data (issue 9): a citizen without a case (a synthetic ΑΦΜ) is of no office,
        // so only national rules reach the erasure and the export; retention rules are national.
        if (key == "POST /api/v1/privacy/erasure" || key == "POST /api/v1/privacy/export") {
            return Probe{
                route.pattern, json({{"tax_id", "800000002"}, {"reason", "policy_test"}}), {}};
        }
        if (key == "GET /api/v1/privacy/retention") {
            return Probe{route.pattern, {}, {}};
        }
        if (key == "PUT /api/v1/privacy/retention/{procedure}" ||
            key == "DELETE /api/v1/privacy/retention/{procedure}") {
            auto path = route.pattern;
            return Probe{path.replace("{procedure}", "policy-" + unique),
                         route.method == "PUT" ? json({{"purge_after_years", 5}}) : std::string(),
                         {}};
        }
        // The audit log (issue 9): a record's entries at an office; a proof is scoped by its
        // entry's office (an index past the end is of none: national); consistency is national.
        if (key == "GET /api/v1/audit/entries") {
            return Probe{route.pattern + "?record_type=case&record_id=policy&office=" + office,
                         {},
                         scopeOf(office)};
        }
        if (key == "GET /api/v1/audit/proof") {
            return Probe{route.pattern + "?index=999999999", {}, {}};
        }
        if (key == "GET /api/v1/audit/consistency") {
            return Probe{route.pattern + "?first=1", {}, {}};
        }
        if (key == "GET /api/v1/routes" || key == "GET /api/v1/events" ||
            key == "GET /api/v1/system/whoami") {
            return Probe{route.pattern, {}, {}};
        }
        return std::nullopt;
    }

    bool hasFixture(const RouteRow& route) { return probe(route, kOwnOffice).has_value(); }

    kep::net::Response send(kep::net::HttpsClient& client, const RouteRow& route,
                            const Probe& probe, const std::string& token,
                            const kep::test::Headers& credentials = {}) {
        auto headers = token.empty() ? credentials : bearer(token);
        if (route.webSocket) {
            // A real upgrade request: an admitted one gets 101, a refused one the gate's JSON.
            const auto upgrade = kep::test::webSocketUpgrade();
            headers.insert(headers.end(), upgrade.begin(), upgrade.end());
        }
        auto response =
            client.request(route.method.toStdString(), probe.path.toStdString(), probe.body,
                           probe.body.empty() ? std::string() : "application/json", headers);
        if (response.status == 101) {
            client.close();  // the connection now speaks WebSocket; the next request reconnects
        }
        return response;
    }

    void expectAnswer(const kep::net::Response& response, bool allowed, const QString& where) {
        ++cells_;
        const auto text = where + " → " + QString::number(response.status) + " " +
                          QString::fromStdString(response.body).left(200);
        if (allowed) {
            QVERIFY2(response.status != 401 && response.status != 403, qPrintable(text));
        } else {
            QVERIFY2(response.status == 403, qPrintable(text));
            QCOMPARE(errorCodeOf(response), QStringLiteral("forbidden"));
        }
    }

    std::vector<Caller> signedInUsers() {
        struct Seat {
            const char* username;
            Role role;
            bool ofOwnOffice;
            bool ofOwnRegion;
            const char* authority = "";
        };
        const Seat seats[] = {{"clerk", Role::Clerk, true, true},
                              {"manager", Role::Manager, true, true},
                              {"central", Role::CentralAdmin, false, false},
                              {"authority", Role::Authority, false, false, kOwnAuthority},
                              {"it", Role::It, false, true}};
        std::vector<Caller> callers;
        auto client = kit_->clientFor(desk_);
        for (const auto& seat : seats) {
            Principal principal{PrincipalKind::User,
                                seat.role,
                                "?",
                                seat.ofOwnOffice ? kOwnOffice : "",
                                seat.ofOwnRegion ? kit_->regionOf(kOwnOffice).toStdString() : "",
                                seat.authority};
            const auto token =
                kit_->signIn(*client, seat.username, kit_->account(seat.username).password);
            if (!token) {
                qWarning("%s", qPrintable(kit_->errorString()));
                return {};
            }
            callers.push_back({seat.username, principal, *token});
        }
        return callers;
    }

    // `kep-server api-key add`, reading the key and its id from what it printed.
    std::optional<SystemKey> addSystem(const QString& kind, const QString& name,
                                       const QString& authority, Role role) {
        QStringList arguments{"api-key", "add", "--kind", kind, "--name", name};
        if (!authority.isEmpty()) {
            arguments << "--authority" << authority;
        }
        if (kit_->command(arguments) != 0) {
            qWarning("%s", server_.lastOutput().constData());
            return std::nullopt;
        }
        const auto lines = QString::fromUtf8(server_.lastOutput()).split('\n');
        const auto words = lines.value(1).split(' ');
        if (lines.size() < 2 || words.value(0) != "api" || words.value(1) != "key") {
            return std::nullopt;
        }
        return SystemKey{
            name, Principal{PrincipalKind::ApiKey, role, {}, {}, {}, authority.toStdString()},
            lines.value(0).toStdString(), words.value(2)};
    }

private slots:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(true, {"--sign-in-attempts-per-minute", "100000"}),
                 qPrintable(server_.errorString()));
        kit_ = std::make_unique<IdentityTestKit>(server_);
        QVERIFY2(kit_->loadDemo(), qPrintable(kit_->errorString()));
        auto desk = kit_->enrol(kit_->takeDemoCode(kOwnOffice), "policy-desk");
        QVERIFY2(desk, qPrintable(kit_->errorString()));
        desk_ = *desk;

        // What the routes act on, per office: a user to disable and enable, a device to revoke.
        for (const QString office : {kOwnOffice, kOtherOffice}) {
            const auto device = kit_->enrol(kit_->takeDemoCode(office), "spare-" + office);
            QVERIFY2(device, qPrintable(kit_->errorString()));
            targetDevice_[office] = device->deviceId;
            QCOMPARE(kit_->command({"user", "add", "--office", office, "--role", "clerk",
                                    "--username", "target." + office},
                                   "Target user passphrase"),
                     0);
        }
        auto admin = kit_->adminToolClient();
        const auto token = kit_->signIn(*admin, "admin", ServerProcess::kAdminPassword);
        QVERIFY2(token, qPrintable(kit_->errorString()));
        for (const QString office : {kOwnOffice, kOtherOffice}) {
            const auto users = admin->request(
                "GET", ("/api/v1/users?office=" + office).toStdString(), {}, {}, bearer(*token));
            for (const auto& user : jsonOf(users).value("users").toArray()) {
                if (user.toObject().value("username").toString() == "target." + office) {
                    targetUser_[office] = user.toObject().value("id").toString();
                }
            }
            QVERIFY(targetUser_.contains(office));
        }

        // One system of each kind, and one whose key has been revoked.
        for (const auto& [kind, role, authority] :
             {std::tuple{"gov_channel", Role::GovChannel, ""},
              std::tuple{"eu_go_channel", Role::EuGoChannel, ""},
              std::tuple{"authority_system", Role::AuthoritySystem, kOwnAuthority}}) {
            const auto system = addSystem(kind, QString("policy ") + kind, authority, role);
            QVERIFY2(system, kind);
            QCOMPARE(system->key.size(), std::size_t(43));  // 256 bits, base64url, unpadded
            systems_.push_back(*system);
        }
        const auto revoked = addSystem("gov_channel", "revoked channel", {}, Role::GovChannel);
        QVERIFY(revoked);
        QCOMPARE(kit_->command({"api-key", "revoke", "--id", revoked->id}), 0);
        revokedKey_ = revoked->key;

        // The route table, from the server itself (the admin tool may read it).
        const auto listed = admin->get("/api/v1/routes");
        QCOMPARE(listed.status, 200);
        for (const auto& entry : jsonOf(listed).value("routes").toArray()) {
            const auto row = entry.toObject();
            routes_.push_back({row.value("method").toString(), row.value("pattern").toString(),
                               row.value("gate").toString(), row.value("action").toString(),
                               row.value("websocket").toBool()});
        }
        QVERIFY(routes_.size() >= 15);
        // The WebSocket endpoints are in the table, and none of them is public.
        const auto events = std::find_if(routes_.begin(), routes_.end(), [](const RouteRow& row) {
            return row.pattern == "/api/v1/events";
        });
        QVERIFY(events != routes_.end());
        QVERIFY(events->webSocket);
        QCOMPARE(events->gate, QStringLiteral("workstation"));
    }

    void everyGuardedRouteHasAFixture() {
        for (const auto& route : routes_) {
            if (route.gate == "public" || route.pattern == "/api/v1/auth/login") {
                continue;
            }
            QVERIFY2(!route.action.isEmpty() || route.gate == "undeclared",
                     qPrintable(route.method + " " + route.pattern));
            QVERIFY2(route.gate == "undeclared" || hasFixture(route),
                     qPrintable("no fixture for " + route.method + " " + route.pattern + " (" +
                                route.action + "): add one to tst_route_policy.cpp"));
        }
    }

    // Public routes: nobody is turned away for who they are (nor for lack of a certificate).
    void publicRoutesRefuseNobody() {
        auto anonymous = kit_->anonymousClient();
        for (const auto& route : routes_) {
            if (route.gate != "public" || route.webSocket) {
                continue;
            }
            QString path = route.pattern;
            path.replace(QRegularExpression("\\{[^}]+\\}"), "x");
            const auto response = anonymous->request(route.method.toStdString(), path.toStdString(),
                                                     route.method == "POST" ? "{}" : "");
            expectAnswer(response, true, "anonymous " + route.method + " " + path);
        }
    }

    // Guarded routes without a certificate, and session routes without a session: 401.
    void unidentifiedCallersGet401() {
        auto anonymous = kit_->anonymousClient();
        auto desk = kit_->clientFor(desk_);
        for (const auto& route : routes_) {
            if (route.gate == "public" || route.gate == "undeclared") {
                continue;
            }
            const auto aim = probe(route, kOwnOffice);
            const Probe request = aim ? *aim : Probe{route.pattern, "{}", {}};
            ++cells_;
            const auto bare = send(*anonymous, route, request, {});
            if (route.gate == "api_key") {
                // No key: neither nothing at all nor a workstation's certificate stands for one.
                QVERIFY2(bare.status == 401, qPrintable(route.pattern + " without a key"));
                QCOMPARE(errorCodeOf(bare), QStringLiteral("api_key_invalid"));
                ++cells_;
                const auto deskOnly = send(*desk, route, request, {});
                QVERIFY2(deskOnly.status == 401, qPrintable(route.pattern + " from a desk"));
                QCOMPARE(errorCodeOf(deskOnly), QStringLiteral("api_key_invalid"));
                continue;
            }
            QVERIFY2(bare.status == 401, qPrintable(route.pattern + " without certificate"));
            QCOMPARE(errorCodeOf(bare), QStringLiteral("workstation_required"));
            if (route.gate == "session" || route.gate == "session_or_api_key") {
                ++cells_;
                const auto noSession = send(*desk, route, request, {});
                QVERIFY2(noSession.status == 401, qPrintable(route.pattern + " without session"));
                QCOMPARE(errorCodeOf(noSession), QStringLiteral("session_invalid"));
            }
        }
    }

    // Workstation routes: the enrolled desk and the admin tool, each judged as itself.
    void workstationRoutesFollowThePolicy() {
        auto desk = kit_->clientFor(desk_);
        auto admin = kit_->adminToolClient();
        const Principal deskPrincipal{PrincipalKind::Workstation,
                                      Role::Any,
                                      {},
                                      kOwnOffice,
                                      kit_->regionOf(kOwnOffice).toStdString(),
                                      {}};
        const Principal adminPrincipal{PrincipalKind::AdminTool, Role::Any, {}, {}, {}, {}};
        for (const auto& route : routes_) {
            if (route.gate != "workstation" || route.pattern == "/api/v1/auth/login") {
                continue;
            }
            const auto request = *probe(route, kOwnOffice);
            for (auto [client, principal, name] :
                 {std::tuple{desk.get(), deskPrincipal, "desk"},
                  std::tuple{admin.get(), adminPrincipal, "admin tool"}}) {
                const bool allowed =
                    decide(principal, route.action.toStdString(), request.scope).allowed;
                expectAnswer(send(*client, route, request, {}), allowed,
                             QString(name) + " " + route.method + " " + route.pattern);
            }
        }
    }

    // Sign-in: the workstation may host it; whether this user may sign in at this office's
    // workstation is the policy's auth.sign_in for users (wrong_office otherwise).
    void signInFollowsThePolicy() {
        const auto other = kit_->enrolNew(kOtherOffice);
        QVERIFY2(other, qPrintable(kit_->errorString()));
        struct Seat {
            const char* username;
            Role role;
            const char* office;
            bool ownRegion;
        };
        const Seat seats[] = {{"clerk", Role::Clerk, kOwnOffice, true},
                              {"manager", Role::Manager, kOwnOffice, true},
                              {"central", Role::CentralAdmin, "", false},
                              {"authority", Role::Authority, "", false},
                              {"it", Role::It, "", true}};
        for (const auto& seat : seats) {
            const Principal user{PrincipalKind::User,
                                 seat.role,
                                 "?",
                                 seat.office,
                                 seat.ownRegion ? kit_->regionOf(kOwnOffice).toStdString() : "",
                                 {}};
            for (const QString office : {kOwnOffice, kOtherOffice}) {
                auto client = kit_->clientFor(office == kOwnOffice ? desk_ : *other);
                const bool allowed = decide(user, "auth.sign_in", scopeOf(office)).allowed;
                const auto response =
                    kit_->signInRaw(*client, seat.username, kit_->account(seat.username).password);
                ++cells_;
                const auto where = QString("%1 signing in at %2 → %3")
                                       .arg(seat.username, office)
                                       .arg(response.status);
                QVERIFY2(response.status == (allowed ? 200 : 403), qPrintable(where));
                if (!allowed) {
                    QCOMPARE(errorCodeOf(response), QStringLiteral("wrong_office"));
                }
            }
        }
    }

    // Session routes: every role × own office × other office.
    void sessionRoutesFollowThePolicy() {
        const auto callers = signedInUsers();
        QCOMPARE(callers.size(), std::size_t(5));
        auto desk = kit_->clientFor(desk_);
        for (const auto& route : routes_) {
            if (route.gate != "session" && route.gate != "session_or_api_key") {
                continue;
            }
            for (const auto& caller : callers) {
                for (const QString office : {kOwnOffice, kOtherOffice}) {
                    const auto request = probe(route, office);
                    if (!request) {
                        continue;
                    }
                    std::string token = caller.token;
                    if (route.pattern == "/api/v1/auth/logout") {
                        // Signing out ends the session: use one of its own.
                        token =
                            *kit_->signIn(*desk, caller.name, kit_->account(caller.name).password);
                    }
                    const bool allowed =
                        decide(caller.principal, route.action.toStdString(), request->scope)
                            .allowed;
                    expectAnswer(send(*desk, route, *request, token), allowed,
                                 caller.name + " " + route.method + " " + request->path +
                                     " (office " + office + ")");
                }
            }
        }
    }

    // API-key routes: every kind judged as itself, with no certificate (DESIGN.md decision 6);
    // a revoked key is 401. Every other guarded route needs a workstation: a key alone is 401.
    void apiKeysFollowThePolicy() {
        QCOMPARE(systems_.size(), std::size_t(3));
        auto anonymous = kit_->anonymousClient();
        int apiKeyRoutes = 0;
        for (const auto& route : routes_) {
            if (route.gate == "public" || route.gate == "undeclared") {
                continue;
            }
            const auto aim = probe(route, kOwnOffice);
            const Probe request = aim ? *aim : Probe{route.pattern, "{}", {}};
            if (route.gate != "api_key" && route.gate != "session_or_api_key") {
                for (const auto& system : systems_) {
                    ++cells_;
                    const auto response = send(*anonymous, route, request, {}, apiKey(system.key));
                    QVERIFY2(response.status == 401,
                             qPrintable(system.name + " " + route.method + " " + route.pattern));
                }
                continue;
            }
            ++apiKeyRoutes;
            for (const auto& system : systems_) {
                const bool allowed =
                    decide(system.principal, route.action.toStdString(), request.scope).allowed;
                expectAnswer(send(*anonymous, route, request, {}, apiKey(system.key)), allowed,
                             system.name + " " + route.method + " " + route.pattern);
            }
            ++cells_;
            const auto revoked = send(*anonymous, route, request, {}, apiKey(revokedKey_));
            QVERIFY2(revoked.status == 401, qPrintable("revoked key on " + route.pattern));
            QCOMPARE(errorCodeOf(revoked), QStringLiteral("api_key_invalid"));
        }
        QVERIFY(apiKeyRoutes >= 1);
    }

    // What whoami answers is what the key was issued as.
    void whoamiNamesTheSystem() {
        auto anonymous = kit_->anonymousClient();
        for (const auto& system : systems_) {
            const auto response =
                anonymous->request("GET", "/api/v1/system/whoami", {}, {}, apiKey(system.key));
            QCOMPARE(response.status, 200);
            const auto body = jsonOf(response);
            QCOMPARE(body.value("kind").toString(),
                     QString::fromUtf8(kep::auth::toString(system.principal.role)));
            QCOMPARE(body.value("name").toString(), system.name);
            if (system.principal.authorityId.empty()) {
                QVERIFY(body.value("authority").isNull());
            } else {
                QCOMPARE(body.value("authority").toString(),
                         QString::fromStdString(system.principal.authorityId));
            }
        }
    }

    void cleanupTestCase() {
        qInfo("%d cells checked against the policy over %zu routes", cells_, routes_.size());
        QCOMPARE(server_.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_RoutePolicy)
#include "tst_route_policy.moc"
