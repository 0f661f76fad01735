#include "ApiServer.h"

#include "auth/SqliteSessionStore.h"
#include "cli/CatalogueDemo.h"
#include "cli/DemoData.h"
#include "cli/ServerRoutes.h"
#include "identity/IdentityServices.h"
#include "pki/CertificateAuthority.h"
#include "storage/ServerStore.h"

#include <boost/json/parse.hpp>

#include <stdlib.h>

#include <map>
#include <stdexcept>

namespace kep::fuzz {

namespace {

namespace server = kep::server;

constexpr const char* kOffice = "0101";
constexpr const char* kFingerprint =
    "f0220f0220f0220f0220f0220f0220f0220f0220f0220f0220f0220f0220f022";
constexpr const char* kAddress = "127.0.0.3";
// The digest of the enrolment code the set-up uses itself (never sent: it enrols directly).
constexpr const char* kCodeHash =
    "c0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0dec0de";

std::filesystem::path makeDataFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kep-fuzz-api-XXXXXX");
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary data folder");
    }
    return pattern;
}

// Sessions never expire while fuzzing (a long run lasts longer than the idle limit); enrolment
// is not rate-limited (each input would otherwise see 429 after the first ten). Sign-in keeps
// its throttle: without it every input naming a demo user would run Argon2id.
server::identity::IdentitySettings fuzzSettings() {
    server::identity::IdentitySettings settings;
    settings.sessions.idle = std::chrono::hours{24 * 365};
    settings.sessions.absolute = std::chrono::hours{24 * 365};
    settings.enrolment.attemptsPerAddress = 1 << 30;
    return settings;
}

}  // namespace

struct ApiServer::State {
    explicit State(const std::filesystem::path& dir)
        : store(server::storage::ServerStore::create((dir / "kep.db").string()))
        , ca(kep::pki::CertificateAuthority::create("kep fuzz CA", kep::pki::Days{30})) {
        server::cli::loadSampleCatalogue(*store, server::cli::locateSampleCatalogue(""));
        demo = server::cli::loadDemoData(*store);
        // No per-address status look-up limit worth hitting: the fuzzer is one address asking
        // many times.
        routes = std::make_unique<server::cli::ServerRoutes>(
            *store, ca,
            server::cli::RouteSettings{dir.string(),
                                       (dir / "kep.db").string(),
                                       {1 << 30, std::chrono::seconds{60}},
                                       fuzzSettings(),
                                       {}});
    }

    std::unique_ptr<server::storage::ServerStore> store;
    kep::pki::CertificateAuthority ca;
    server::cli::DemoData demo;
    std::unique_ptr<server::cli::ServerRoutes> routes;
    std::map<Caller, std::string> credentials;   // token or key by caller
    std::map<std::string, std::string> userIds;  // "$clerk" -> id
    std::string circularId;
    std::string flagId;
    std::string caseId = "01890a5d-ac96-774b-bcce-b302099a0001";
    http::Router router;  // last: destroyed first, before what its handlers hold
};

ApiServer::ApiServer() : dir_(makeDataFolder()), state_(std::make_unique<State>(dir_)) {
    auto& s = *state_;
    auto& store = *s.store;
    const auto& demo = s.demo;

    // Every route, as `kep-server serve` registers them, minus the background jobs.
    server::cli::registerServerRoutes(s.router, *s.routes);

    // The workstation: enrolled with a code of our own, under a fixed id and fingerprint.
    auto& identity = s.routes->identity;
    const auto now = server::identity::nowInstant();
    const auto office = identity.directory.officeByCode(kOffice);
    if (!office) {
        throw std::runtime_error("the demo data has no office 0101");
    }
    identity.devices.addCode(kCodeHash, office->id, now, now + std::chrono::hours{1});
    if (!identity.devices.enrol(
            kCodeHash, now, {kDeviceId, *office, "fuzz", kFingerprint, "0f", "", std::nullopt})) {
        throw std::runtime_error("cannot enrol the fuzz workstation");
    }

    // A session for each demo user on that workstation, a key for each system.
    const std::map<std::string, Caller> roles = {{"clerk", Caller::Clerk},
                                                 {"manager", Caller::Manager},
                                                 {"central", Caller::CentralAdmin},
                                                 {"it", Caller::It},
                                                 {"authority", Caller::AuthorityUser}};
    for (const auto& [username, caller] : roles) {
        const auto account = identity.directory.userByName(username);
        if (!account) {
            throw std::runtime_error("the demo data has no user " + username);
        }
        std::lock_guard lock(store.mutex());
        kep::auth::SqliteSessionStore rows(store.database());
        s.credentials[caller] = kep::auth::SessionTokens(rows, identity.signIn.sessionLimits())
                                    .issue(account->id, kFingerprint, now)
                                    .token;
        s.userIds["$" + username] = account->id;
    }
    s.credentials[Caller::GovChannel] = "Bearer " + demo.channelKeys.front().key;
    s.credentials[Caller::EuGoChannel] =
        "Bearer " + identity.apiKeys.issue("eu_go_channel", "EU-GO", "", now).key;
    s.credentials[Caller::AuthoritySystem] =
        "ApiKey " +
        identity.apiKeys
            .issue("authority_system", "fuzz authority", server::cli::kDemoAuthority.id, now)
            .key;
    for (const auto caller : {Caller::Clerk, Caller::Manager, Caller::CentralAdmin, Caller::It,
                              Caller::AuthorityUser}) {
        s.credentials[caller] = "Bearer " + s.credentials[caller];
    }

    // What the path of some routes names: a circular to acknowledge, a flag to close.
    const auto made = [this](http::Method method, const char* path, Caller caller,
                             std::string body) {
        http::Request request;
        request.method = method;
        request.methodText = http::methodName(method);
        request.target = request.path = path;
        request.headers.emplace_back("Content-Type", "application/json");
        request.body = withUserIds(std::move(body));
        authenticate(request, caller);
        const auto response = state_->router.dispatch(request);
        if (response.status != 201) {
            throw std::runtime_error(std::string("fuzz set-up: ") + path + " answered " +
                                     std::to_string(response.status) + ": " + response.body);
        }
        return boost::json::parse(response.body).as_object();
    };
    s.circularId = made(http::Method::Post, "/api/v1/circulars", Caller::CentralAdmin,
                        R"({"kind":"announcement","title":{"el":"Δοκιμή"},)"
                        R"("body":{"el":"Κείμενο."},"audience":{"kind":"all"}})")
                       .at("circular")
                       .as_object()
                       .at("id")
                       .as_string()
                       .c_str();
    s.flagId = "01890a5d-ac96-774b-bcce-b302099af1a9";
    made(http::Method::Post, "/api/v1/catalogue/procedures/900001/feedback", Caller::Workstation,
         R"({"id":")" + s.flagId + R"(","kind":"other","text":"Λάθος παράβολο.","user":"$clerk"})");
}

ApiServer::~ApiServer() {
    state_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

const http::Router& ApiServer::router() const {
    return state_->router;
}

void ApiServer::authenticate(http::Request& request, Caller caller) const {
    request.remoteAddress = kAddress;
    request.requestId = "fuzz-000000000002";
    switch (caller) {
        case Caller::Anyone:
            return;
        case Caller::GovChannel:
        case Caller::EuGoChannel:
        case Caller::AuthoritySystem:
            // Systems call without a certificate (DESIGN.md decision 6).
            request.headers.emplace_back("Authorization", state_->credentials.at(caller));
            return;
        case Caller::Workstation:
            break;
        default:
            request.headers.emplace_back("Authorization", state_->credentials.at(caller));
            break;
    }
    request.peerCertificate = http::PeerCertificate{"fuzz", "0f", kFingerprint, {}};
}

std::string ApiServer::withUserIds(std::string body) const {
    for (const auto& [placeholder, id] : state_->userIds) {
        for (auto at = body.find(placeholder); at != std::string::npos;
             at = body.find(placeholder, at + id.size())) {
            body.replace(at, placeholder.size(), id);
        }
    }
    return body;
}

const std::string& ApiServer::circularId() const {
    return state_->circularId;
}

const std::string& ApiServer::flagId() const {
    return state_->flagId;
}

const std::string& ApiServer::caseId() const {
    return state_->caseId;
}

}  // namespace kep::fuzz
