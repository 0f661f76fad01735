// The server's administration API as kep-loadgen uses it to set a run up: a signed-in user on
// the admin tool's certificate creates offices and users and issues enrolment codes.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "net/HttpsClient.h"

namespace kep::loadgen {

// An answer other than the one expected: the message has the route, the status and the
// server's error code (never a password).
class AdminApiError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct NewUser {
    std::string username;
    std::string displayName;
    std::string role;  // "clerk", "manager", "it", …
    std::optional<std::string> office;
    std::optional<std::string> region;  // it users only
    std::string password;
};

// One HTTPS connection with the admin tool's certificate (DIR/admin.pem holds the certificate
// and its key) and the session of the user who signed in on it.
class AdminApi {
public:
    AdminApi(const net::Endpoint& server, const std::string& caFile, const std::string& adminPem,
             std::chrono::milliseconds timeout);

    void signIn(const std::string& username, const std::string& password);
    void createOffice(const std::string& code, const std::string& name, const std::string& region);
    std::string createUser(const NewUser& user);  // the new user's id
    std::string issueEnrolmentCode(const std::string& office);

private:
    std::string call(const std::string& method, const std::string& target, const std::string& body,
                     int expectedStatus);

    net::HttpsClient client_;
    std::string token_;
};

struct EnrolledWorkstation {
    std::string deviceId;
    std::string office;
    std::string certificatePem;
};

// POST /api/v1/devices/enrol (public). A 429 is waited out (Retry-After) and tried again: the
// server limits enrolments per address, and a run may enrol hundreds of desks.
EnrolledWorkstation enrolWorkstation(net::HttpsClient& client, const std::string& code,
                                     const std::string& csrPem, const std::string& hostname);

}  // namespace kep::loadgen
