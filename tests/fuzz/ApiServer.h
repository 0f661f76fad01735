// kep-server's whole API in one process, for fuzz_api_bodies: every route registered over a
// temporary data folder with demo offices and users, one enrolled workstation, a session for each
// user role and an API key for each system — so that a request can carry whoever a route admits.
#pragma once

#include "http/HttpMessage.h"
#include "http/Router.h"

#include <filesystem>
#include <memory>
#include <string>

namespace kep::fuzz {

// Who a fuzzed request comes as: the credential the request gate checks for it.
enum class Caller {
    Anyone,           // no certificate, no key (public routes)
    Workstation,      // the enrolled workstation of office 0101, no user
    Clerk,            // the demo clerk of 0101, signed in on that workstation
    Manager,          // the demo manager of 0101
    CentralAdmin,     // the demo central administrator
    It,               // the demo IT user
    AuthorityUser,    // the demo authority's user
    GovChannel,       // gov.gr's API key
    EuGoChannel,      // EU-GO's API key
    AuthoritySystem,  // the demo authority's system key
};

class ApiServer {
public:
    ApiServer();
    ~ApiServer();
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;

    const http::Router& router() const;

    // Adds the certificate, token or key of `caller` to the request (and its address).
    void authenticate(http::Request& request, Caller caller) const;

    // "$clerk" and "$manager" in a fuzzed body become those users' ids (made at start-up, so a
    // seed cannot hold them); the workstation's id and office are fixed (kDeviceId, "0101").
    std::string withUserIds(std::string body) const;

    // Ids of things made at start-up that routes take in their path.
    const std::string& circularId() const;
    const std::string& flagId() const;
    const std::string& caseId() const;

    static constexpr const char* kDeviceId = "01890a5d-ac96-774b-bcce-b302099a8057";

private:
    struct State;
    std::filesystem::path dir_;
    std::unique_ptr<State> state_;
};

}  // namespace kep::fuzz
