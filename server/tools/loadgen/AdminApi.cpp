#include "AdminApi.h"

#include "ClientTls.h"

#include <boost/json.hpp>

#include <thread>

namespace kep::loadgen {

namespace {

namespace json = boost::json;

std::string errorCode(const std::string& body) {
    boost::system::error_code ec;
    const auto value = json::parse(body, ec);
    if (ec || !value.is_object()) {
        return "no error body";
    }
    const auto* error = value.as_object().if_contains("error");
    if (error && error->is_object()) {
        if (const auto* code = error->as_object().if_contains("code"); code && code->is_string()) {
            return std::string(code->as_string());
        }
    }
    return "no error code";
}

std::string field(const json::object& object, std::string_view name) {
    const auto* value = object.if_contains(name);
    if (!value || !value->is_string()) {
        throw AdminApiError("the server's answer has no '" + std::string(name) + "'");
    }
    return std::string(value->as_string());
}

json::object parseObject(const std::string& body) {
    boost::system::error_code ec;
    auto value = json::parse(body, ec);
    if (ec || !value.is_object()) {
        throw AdminApiError("the server's answer is not a JSON object");
    }
    return std::move(value.as_object());
}

}  // namespace

AdminApi::AdminApi(const net::Endpoint& server, const std::string& caFile,
                   const std::string& adminPem, std::chrono::milliseconds timeout)
    : client_(server, clientTls(caFile, adminPem), timeout) {}

std::string AdminApi::call(const std::string& method, const std::string& target,
                           const std::string& body, int expectedStatus) {
    std::vector<std::pair<std::string, std::string>> headers;
    if (!token_.empty()) {
        headers.emplace_back("Authorization", "Bearer " + token_);
    }
    const auto response = client_.request(method, target, body, "application/json", headers);
    if (response.status != expectedStatus) {
        throw AdminApiError(method + " " + target + ": " + std::to_string(response.status) + " " +
                            errorCode(response.body));
    }
    return response.body;
}

void AdminApi::signIn(const std::string& username, const std::string& password) {
    token_.clear();
    const auto body =
        call("POST", "/api/v1/auth/login",
             json::serialize(json::object{{"username", username}, {"password", password}}), 200);
    token_ = field(parseObject(body), "token");
}

void AdminApi::createOffice(const std::string& code, const std::string& name,
                            const std::string& region) {
    call("POST", "/api/v1/offices",
         json::serialize(json::object{{"code", code}, {"name", name}, {"region", region}}), 201);
}

std::string AdminApi::createUser(const NewUser& user) {
    json::object request{{"username", user.username},
                         {"displayName", user.displayName},
                         {"role", user.role},
                         {"password", user.password}};
    if (user.office) {
        request["office"] = *user.office;
    }
    if (user.region) {
        request["region"] = *user.region;
    }
    const auto body = call("POST", "/api/v1/users", json::serialize(request), 201);
    const auto answer = parseObject(body);
    const auto* created = answer.if_contains("user");
    if (!created || !created->is_object()) {
        throw AdminApiError("POST /api/v1/users: the answer has no user");
    }
    return field(created->as_object(), "id");
}

std::string AdminApi::issueEnrolmentCode(const std::string& office) {
    const auto target = "/api/v1/offices/" + office + "/enrolment-codes";
    return field(parseObject(call("POST", target, "{}", 201)), "code");
}

EnrolledWorkstation enrolWorkstation(net::HttpsClient& client, const std::string& code,
                                     const std::string& csrPem, const std::string& hostname) {
    const auto request =
        json::serialize(json::object{{"code", code}, {"csr", csrPem}, {"hostname", hostname}});
    for (;;) {
        const auto response = client.post("/api/v1/devices/enrol", request);
        if (response.status == 429) {
            const auto wait = response.header("Retry-After").value_or("1");
            std::this_thread::sleep_for(std::chrono::seconds(std::max(1, std::atoi(wait.c_str()))));
            continue;
        }
        if (response.status != 201) {
            throw AdminApiError("POST /api/v1/devices/enrol: " + std::to_string(response.status) +
                                " " + errorCode(response.body));
        }
        const auto answer = parseObject(response.body);
        const auto* office = answer.if_contains("office");
        if (!office || !office->is_object()) {
            throw AdminApiError("POST /api/v1/devices/enrol: the answer has no office");
        }
        return {field(answer, "deviceId"), field(office->as_object(), "code"),
                field(answer, "certificate")};
    }
}

}  // namespace kep::loadgen
