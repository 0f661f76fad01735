#include "Fleet.h"

#include "AdminApi.h"
#include "ClientTls.h"
#include "net/WorkstationKey.h"

#include <cstdio>
#include <fstream>
#include <random>

namespace kep::loadgen {

namespace {

// Passes the server's policy (12–128 characters, not a breached one): random, never printed.
std::string randomPassword() {
    static constexpr std::string_view kAlphabet =
        "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
    std::string password = "lg-";
    for (int i = 0; i < 24; ++i) {
        password += kAlphabet[pick(device)];
    }
    return password;
}

void writeOwnerOnly(const std::filesystem::path& file, const std::string& text) {
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out) {
            throw std::runtime_error("cannot write " + file.string());
        }
    }
    std::filesystem::permissions(
        file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

}  // namespace

std::string officeCode(const std::string& runTag, int index) {
    char digits[8];
    std::snprintf(digits, sizeof digits, "%04d", index);
    return "L" + runTag + digits;
}

Fleet provisionFleet(const LoadgenOptions& options, const std::string& runTag,
                     const std::string& adminPassword, const std::filesystem::path& workDir,
                     const std::function<void(const std::string&)>& progress) {
    const auto server = net::Endpoint::fromUrl(options.server);
    const std::string region = "loadgen " + runTag;
    const std::string password = randomPassword();

    AdminApi admin(server, options.caFile, options.adminCert, options.requestTimeout);
    admin.signIn("admin", adminPassword);

    Fleet fleet;
    fleet.runTag = runTag;
    const int officeCount = (options.desks + options.desksPerOffice - 1) / options.desksPerOffice;
    std::vector<std::pair<cases::Actor, cases::Actor>> staff;
    for (int i = 0; i < officeCount; ++i) {
        const auto code = officeCode(runTag, i);
        admin.createOffice(code, "Loadgen office " + std::to_string(i), region);
        const auto person = [&](const char* role) {
            const auto id = admin.createUser({"lg-" + runTag + "-" + code + "-" + role,
                                              "Loadgen " + std::string(role) + " " + code, role,
                                              code, std::nullopt, password});
            return cases::Actor{id, *cases::actorRoleFromString(role)};
        };
        staff.emplace_back(person("clerk"), person("manager"));
        fleet.offices.push_back(code);
    }
    progress("created " + std::to_string(officeCount) + " offices and their users");

    const std::string itUser = "lg-" + runTag + "-it";
    admin.createUser({itUser, "Loadgen IT", "it", std::nullopt, region, password});
    AdminApi it(server, options.caFile, options.adminCert, options.requestTimeout);
    it.signIn(itUser, password);

    net::HttpsClient enrolment(server, clientTls(options.caFile, {}), options.requestTimeout);
    for (int d = 0; d < options.desks; ++d) {
        const int office = d / options.desksPerOffice;
        const auto hostname = "loadgen-" + runTag + "-" + std::to_string(d);
        const auto key = net::makeWorkstationKeyRequest(hostname);
        const auto enrolled = enrolWorkstation(
            enrolment, it.issueEnrolmentCode(fleet.offices[office]), key.csrPem, hostname);
        const auto file = workDir / (enrolled.deviceId + ".pem");
        writeOwnerOnly(file, enrolled.certificatePem + key.privateKeyPem);
        fleet.desks.push_back({d, enrolled.deviceId, enrolled.office, file.string(),
                               staff[office].first, staff[office].second});
    }
    progress("enrolled " + std::to_string(options.desks) + " desks");
    return fleet;
}

}  // namespace kep::loadgen
