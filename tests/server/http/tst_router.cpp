// The routing table: pattern matching, path parameters, 404/405, HEAD, error shapes.
#include "http/HttpError.h"
#include "http/Router.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using kep::http::Method;
using kep::http::Request;
using kep::http::Response;
using kep::http::RouteAccess;
using kep::http::Router;

namespace {

Request requestFor(Method method, std::string path) {
    Request request;
    request.method = method;
    request.methodText = std::string(kep::http::methodName(method));
    request.path = std::move(path);
    return request;
}

Response answer(std::string text) {
    return Response::json(200, std::move(text));
}

QJsonObject errorOf(const Response& response) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(response.body))
        .object()
        .value("error")
        .toObject();
}

class Silent : public kep::http::WebSocketEndpoint {
    std::vector<std::string> onOpen(const Request&,
                                    const std::shared_ptr<kep::http::WebSocketPeer>&) override {
        return {};
    }
    std::optional<std::string> onText(std::string_view) override { return {}; }
};

// A gatekeeper with a fixed answer; when it admits, the caller it sets names the action.
class FixedGate : public kep::http::Gatekeeper {
public:
    explicit FixedGate(bool admits) : admits_(admits) {}
    std::optional<Response> admit(Request& request, const RouteAccess& access) const override {
        if (!admits_) {
            return Response::error(401, "workstation_required", "no certificate");
        }
        request.caller.emplace();
        request.caller->deviceId = access.action;
        return std::nullopt;
    }

private:
    bool admits_;
};

}  // namespace

class tst_Router : public QObject {
    Q_OBJECT

private:
    Router router_;

private slots:
    void initTestCase() {
        router_.add(Method::Get, "/healthz", RouteAccess::publicRoute(),
                    [](Request&) { return answer("health"); });
        router_.add(Method::Get, "/api/v1/cases/{id}", RouteAccess::publicRoute(),
                    [](Request& request) { return answer("case " + request.pathParams.at("id")); });
        router_.add(Method::Put, "/api/v1/cases/{id}", RouteAccess::publicRoute(),
                    [](Request&) { return answer("put"); });
        router_.add(Method::Get, "/api/v1/cases/open", RouteAccess::publicRoute(),
                    [](Request&) { return answer("open"); });
        router_.add(
            Method::Get, "/api/v1/offices/{office}/cases/{id}", RouteAccess::publicRoute(),
            [](Request& request) {
                return answer(request.pathParams.at("office") + "/" + request.pathParams.at("id"));
            });
        router_.add(Method::Post, "/refuse", RouteAccess::publicRoute(), [](Request&) -> Response {
            throw kep::http::HttpError(409, "conflict", "already filed");
        });
        router_.add(Method::Post, "/crash", RouteAccess::publicRoute(),
                    [](Request&) -> Response { throw std::runtime_error("secret detail"); });
    }

    void dispatch_data() {
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("pattern");
        const int get = static_cast<int>(Method::Get);
        QTest::newRow("literal") << get << "/healthz" << 200 << "health"
                                 << "/healthz";
        QTest::newRow("parameter") << get << "/api/v1/cases/0193ab" << 200 << "case 0193ab"
                                   << "/api/v1/cases/{id}";
        QTest::newRow("literal beats parameter") << get << "/api/v1/cases/open" << 200 << "open"
                                                 << "/api/v1/cases/open";
        QTest::newRow("two parameters") << get << "/api/v1/offices/0101/cases/7" << 200 << "0101/7"
                                        << "/api/v1/offices/{office}/cases/{id}";
        QTest::newRow("HEAD uses GET")
            << static_cast<int>(Method::Head) << "/healthz" << 200 << "health"
            << "/healthz";
        QTest::newRow("trailing slash is another path") << get << "/healthz/" << 404 << ""
                                                        << "-";
        QTest::newRow("empty parameter does not match") << get << "/api/v1/cases/" << 404 << ""
                                                        << "-";
        QTest::newRow("too deep") << get << "/api/v1/cases/1/x" << 404 << ""
                                  << "-";
        QTest::newRow("unknown") << get << "/nothing" << 404 << ""
                                 << "-";
        QTest::newRow("wrong method")
            << static_cast<int>(Method::Delete) << "/api/v1/cases/1" << 405 << ""
            << "/api/v1/cases/{id}";
    }
    void dispatch() {
        QFETCH(int, method);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, body);
        QFETCH(QString, pattern);
        auto request = requestFor(static_cast<Method>(method), path.toStdString());
        std::string matched;
        const auto response = router_.dispatch(request, &matched);
        QCOMPARE(response.status, status);
        QCOMPARE(QString::fromStdString(matched), pattern);
        if (status == 200) {
            QCOMPARE(QString::fromStdString(response.body), body);
        } else {
            QVERIFY(!errorOf(response).value("code").toString().isEmpty());
            QCOMPARE(QString::fromStdString(response.contentType),
                     QStringLiteral("application/json"));
        }
    }

    void methodNotAllowedListsTheAllowedMethods() {
        auto request = requestFor(Method::Post, "/api/v1/cases/1");
        const auto response = router_.dispatch(request);
        QCOMPARE(response.status, 405);
        QCOMPARE(errorOf(response).value("code").toString(), QStringLiteral("method_not_allowed"));
        QCOMPARE(response.headers.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(response.headers[0].first), QStringLiteral("Allow"));
        QCOMPARE(QString::fromStdString(response.headers[0].second),
                 QStringLiteral("GET, HEAD, PUT"));
    }

    void handlerErrorsBecomeJson() {
        auto refused = requestFor(Method::Post, "/refuse");
        const auto conflict = router_.dispatch(refused);
        QCOMPARE(conflict.status, 409);
        QCOMPARE(errorOf(conflict).value("code").toString(), QStringLiteral("conflict"));
        QCOMPARE(errorOf(conflict).value("message").toString(), QStringLiteral("already filed"));

        auto crashed = requestFor(Method::Post, "/crash");
        const auto internal = router_.dispatch(crashed);
        QCOMPARE(internal.status, 500);
        QVERIFY(!QString::fromStdString(internal.body).contains("secret"));
    }

    void badPatternsAreRefused_data() {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("no slash") << "healthz";
        QTest::newRow("empty segment") << "/a//b";
        QTest::newRow("half a brace") << "/a/{id";
        QTest::newRow("empty name") << "/a/{}";
        QTest::newRow("duplicate") << "/healthz";
        QTest::newRow("duplicate shape") << "/api/v1/cases/{other}";
    }
    void badPatternsAreRefused() {
        QFETCH(QString, pattern);
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            router_.add(Method::Get, pattern.toStdString(), RouteAccess::publicRoute(),
                        [](Request&) { return answer(""); }));
    }

    void webSocketEndpointsAreFoundAndPlainGetGets426() {
        Router router;
        auto endpoint = std::make_shared<Silent>();
        router.addWebSocket("/api/v1/events", RouteAccess::publicRoute(), endpoint);
        auto request = requestFor(Method::Get, "/api/v1/events");
        const auto found = router.upgrade(request);
        QVERIFY(found);
        QCOMPARE(found->endpoint.get(), endpoint.get());
        QVERIFY(!found->refusal);
        QCOMPARE(found->pattern, std::string("/api/v1/events"));
        QCOMPARE(router.dispatch(request).status, 426);
        auto other = requestFor(Method::Get, "/api/v1/other");
        QVERIFY(!router.upgrade(other));
    }

    // An upgrade passes the same gate as a route, before the socket is handed to the endpoint:
    // a refused one gets the gate's answer and no endpoint.
    void webSocketUpgradesPassTheGate_data() {
        QTest::addColumn<int>("gate");
        QTest::addColumn<bool>("withGatekeeper");
        QTest::addColumn<bool>("gatekeeperAdmits");
        QTest::addColumn<int>("refusal");  // 0: admitted
        const int pub = static_cast<int>(kep::http::Gate::Public);
        const int ws = static_cast<int>(kep::http::Gate::Workstation);
        const int session = static_cast<int>(kep::http::Gate::Session);
        const int undeclared = static_cast<int>(kep::http::Gate::Undeclared);
        QTest::newRow("public") << pub << true << false << 0;
        QTest::newRow("workstation admitted") << ws << true << true << 0;
        QTest::newRow("workstation refused") << ws << true << false << 401;
        QTest::newRow("session refused") << session << true << false << 401;
        QTest::newRow("guarded without gatekeeper") << ws << false << false << 403;
        QTest::newRow("undeclared") << undeclared << true << true << 403;
    }
    void webSocketUpgradesPassTheGate() {
        QFETCH(int, gate);
        QFETCH(bool, withGatekeeper);
        QFETCH(bool, gatekeeperAdmits);
        QFETCH(int, refusal);
        Router router;
        auto endpoint = std::make_shared<Silent>();
        router.addWebSocket("/events/{office}",
                            RouteAccess{static_cast<kep::http::Gate>(gate), "events.subscribe", {}},
                            endpoint);
        if (withGatekeeper) {
            router.setGatekeeper(std::make_shared<FixedGate>(gatekeeperAdmits));
        }
        auto request = requestFor(Method::Get, "/events/0101");
        request.caller.emplace();  // a caller set before the check must not survive it
        request.caller->deviceId = "forged";
        const auto found = router.upgrade(request);
        QVERIFY(found);
        if (refusal == 0) {
            QVERIFY(!found->refusal);
            QCOMPARE(found->endpoint.get(), endpoint.get());
            QCOMPARE(request.pathParams.at("office"), std::string("0101"));
            QVERIFY(!request.caller || request.caller->deviceId != "forged");
        } else {
            QVERIFY(found->refusal);
            QCOMPARE(found->refusal->status, refusal);
            QVERIFY(!found->endpoint);
        }
    }

    // The path parameters are named by the route that answers, not by the first route that
    // matched the path: GET /x/{id} and PATCH /x/{xid} share the segment under two names.
    void pathParamsComeFromTheChosenMethodsRoute_data() {
        QTest::addColumn<int>("method");
        QTest::addColumn<QString>("expected");
        QTest::newRow("GET") << static_cast<int>(Method::Get) << "get id=7";
        QTest::newRow("PATCH") << static_cast<int>(Method::Patch) << "patch xid=7";
        QTest::newRow("HEAD served by GET") << static_cast<int>(Method::Head) << "get id=7";
    }
    void pathParamsComeFromTheChosenMethodsRoute() {
        QFETCH(int, method);
        QFETCH(QString, expected);
        Router router;
        router.add(Method::Get, "/x/{id}", RouteAccess::publicRoute(), [](Request& request) {
            return answer("get id=" + request.pathParams.at("id"));
        });
        router.add(Method::Patch, "/x/{xid}", RouteAccess::publicRoute(), [](Request& request) {
            return answer("patch xid=" + request.pathParams.at("xid"));
        });
        auto request = requestFor(static_cast<Method>(method), "/x/7");
        const auto response = router.dispatch(request);
        QCOMPARE(response.status, 200);
        QCOMPARE(QString::fromStdString(response.body), expected);
    }

    // The middleware's place in dispatch: a guarded route never runs its handler unless the
    // gatekeeper admits the request, and a route with no declaration never runs at all.
    void guardedRoutes_data() {
        QTest::addColumn<int>("gate");
        QTest::addColumn<bool>("withGatekeeper");
        QTest::addColumn<bool>("gatekeeperAdmits");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("handlerRan");
        const int pub = static_cast<int>(kep::http::Gate::Public);
        const int ws = static_cast<int>(kep::http::Gate::Workstation);
        const int session = static_cast<int>(kep::http::Gate::Session);
        const int undeclared = static_cast<int>(kep::http::Gate::Undeclared);
        QTest::newRow("public runs without gatekeeper") << pub << false << false << 200 << true;
        QTest::newRow("public skips the gatekeeper") << pub << true << false << 200 << true;
        QTest::newRow("workstation admitted") << ws << true << true << 200 << true;
        QTest::newRow("workstation refused") << ws << true << false << 401 << false;
        QTest::newRow("session refused") << session << true << false << 401 << false;
        QTest::newRow("guarded without gatekeeper") << ws << false << false << 403 << false;
        QTest::newRow("undeclared with gatekeeper") << undeclared << true << true << 403 << false;
    }
    void guardedRoutes() {
        QFETCH(int, gate);
        QFETCH(bool, withGatekeeper);
        QFETCH(bool, gatekeeperAdmits);
        QFETCH(int, status);
        QFETCH(bool, handlerRan);

        Router router;
        bool ran = false;
        std::string seenDevice;
        RouteAccess access{static_cast<kep::http::Gate>(gate), "office.manage", {}};
        router.add(Method::Get, "/guarded", access, [&](Request& request) {
            ran = true;
            seenDevice = request.caller ? request.caller->deviceId : "";
            return answer("ok");
        });
        if (withGatekeeper) {
            router.setGatekeeper(std::make_shared<FixedGate>(gatekeeperAdmits));
        }
        auto request = requestFor(Method::Get, "/guarded");
        request.caller.emplace();  // a caller set before dispatch must not survive it
        request.caller->deviceId = "forged";
        const auto response = router.dispatch(request);
        QCOMPARE(response.status, status);
        QCOMPARE(ran, handlerRan);
        QVERIFY(seenDevice != "forged");
        if (status == 403) {
            QCOMPARE(errorOf(response).value("code").toString(), QStringLiteral("forbidden"));
        }
    }

    void describeListsEveryRouteWithItsAccess() {
        Router router;
        router.add(Method::Get, "/a", RouteAccess::publicRoute(),
                   [](Request&) { return answer(""); });
        router.add(Method::Post, "/b/{id}", RouteAccess::session("user.manage"),
                   [](Request&) { return answer(""); });
        const auto rows = router.describe();
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[1].method, Method::Post);
        QCOMPARE(rows[1].pattern, std::string("/b/{id}"));
        QVERIFY(rows[1].gate == kep::http::Gate::Session);
        QCOMPARE(rows[1].action, std::string("user.manage"));
        QVERIFY(rows[0].gate == kep::http::Gate::Public);
    }
};

QTEST_GUILESS_MAIN(tst_Router)
#include "tst_router.moc"
