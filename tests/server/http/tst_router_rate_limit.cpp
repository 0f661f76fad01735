// The router's rate limit: a route with a rate bucket asks the limiter after its gate (so the
// limiter knows an API key's caller) and before its handler; a refusal is answered as given and
// the handler never runs; a route without a bucket is never counted.
#include "http/Router.h"

#include <QTest>

#include <map>
#include <string>

using kep::http::Method;
using kep::http::Request;
using kep::http::Response;
using kep::http::RouteAccess;
using kep::http::Router;

namespace {

// Admits every guarded request as the system behind key "key-1".
class SystemGate : public kep::http::Gatekeeper {
public:
    std::optional<Response> admit(Request& request, const RouteAccess&) const override {
        request.caller.emplace();
        request.caller->systemKeyId = "key-1";
        return std::nullopt;
    }
};

// Lets `allowance` requests per bucket and caller through, then answers 429; remembers whom it
// counted.
class CountingLimiter : public kep::http::RequestLimiter {
public:
    explicit CountingLimiter(int allowance) : allowance_(allowance) {}
    std::optional<Response> admit(const Request& request, std::string_view bucket) const override {
        const std::string who =
            request.caller ? request.caller->systemKeyId : request.remoteAddress;
        counted.push_back(std::string(bucket) + ":" + who);
        if (++counts_[counted.back()] <= allowance_) {
            return std::nullopt;
        }
        auto refusal = Response::error(429, "too_many_requests", "slow down");
        refusal.headers.emplace_back("Retry-After", "7");
        return refusal;
    }
    mutable std::vector<std::string> counted;

private:
    int allowance_;
    mutable std::map<std::string, int> counts_;
};

Request from(std::string address, std::string path) {
    Request request;
    request.method = Method::Get;
    request.methodText = "GET";
    request.path = std::move(path);
    request.remoteAddress = std::move(address);
    return request;
}

}  // namespace

class tst_RouterRateLimit : public QObject {
    Q_OBJECT

private:
    Router router_;
    std::shared_ptr<CountingLimiter> limiter_ = std::make_shared<CountingLimiter>(2);
    int handled_ = 0;

private slots:
    void initTestCase() {
        const auto handler = [this](Request&) {
            ++handled_;
            return Response::json(200, "{}");
        };
        router_.add(Method::Get, "/limited", RouteAccess::publicRoute().withRateLimit("public"),
                    handler);
        router_.add(Method::Get, "/free", RouteAccess::publicRoute(), handler);
        router_.add(Method::Get, "/keyed",
                    RouteAccess::apiKey("channel.submit").withRateLimit("intake"), handler);
        router_.setGatekeeper(std::make_shared<SystemGate>());
        router_.setRequestLimiter(limiter_);
    }

    void overTheRateTheHandlerDoesNotRun() {
        handled_ = 0;
        for (int i = 0; i < 2; ++i) {
            auto request = from("10.0.0.1", "/limited");
            QCOMPARE(router_.dispatch(request).status, 200);
        }
        auto third = from("10.0.0.1", "/limited");
        const auto refused = router_.dispatch(third);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.headers.front().second, std::string("7"));
        QCOMPARE(handled_, 2);
        // Another address has its own count.
        auto other = from("10.0.0.2", "/limited");
        QCOMPARE(router_.dispatch(other).status, 200);
    }

    void aRouteWithoutABucketIsNeverCounted() {
        limiter_->counted.clear();
        for (int i = 0; i < 5; ++i) {
            auto request = from("10.0.0.1", "/free");
            QCOMPARE(router_.dispatch(request).status, 200);
        }
        QVERIFY(limiter_->counted.empty());
    }

    // The gate ran first: the limiter counts the API key, not the address.
    void aKeyedRouteIsCountedPerKey() {
        limiter_->counted.clear();
        auto request = from("10.0.0.9", "/keyed");
        QCOMPARE(router_.dispatch(request).status, 200);
        QCOMPARE(limiter_->counted, (std::vector<std::string>{"intake:key-1"}));
    }
};

QTEST_GUILESS_MAIN(tst_RouterRateLimit)
#include "tst_router_rate_limit.moc"
