#include "cli/DemoData.h"

#include "authorities/AuthorityDirectory.h"
#include "identity/Administration.h"
#include "identity/ApiKeys.h"
#include "identity/RequestGate.h"
#include "intake/IntakeChannel.h"
#include "shared/identity/PasswordHash.h"

#include <openssl/rand.h>
#include <boost/json.hpp>

#include <map>
#include <stdexcept>

namespace kep::server::cli {

namespace {

struct DemoPerson {
    const char* username;
    const char* displayName;
    const char* role;
    const char* officeCode;
};

// Synthetic names; none belongs to a real person.
constexpr DemoPerson kPeople[] = {
    {"clerk", "Ελένη Δημητρίου", "clerk", "0101"},
    {"manager", "Νίκος Αντωνίου", "manager", "0101"},
    {"clerk.thess", "Γιώργος Νικολάου", "clerk", "0202"},
    {"central", "Κατερίνα Γεωργίου", "central_admin", ""},
    {"it", "Σπύρος Ιωάννου", "it", ""},
    {"authority", "Αρχή Δοκιμών", "authority", ""},
};

// gov.gr files online applications with its channel key, as `kep-server channel-key` issues it.
DemoChannelKey issueGovGrKey(storage::ServerStore& store) {
    constexpr auto kChannel = intake::IntakeChannel::GovGr;
    const auto issued = identity::ApiKeys(store).issue(intake::apiKeyKindOf(kChannel), "gov.gr", "",
                                                       identity::nowInstant());
    return {std::string(intake::channelCode(kChannel)), issued.key};
}

}  // namespace

std::string randomPassword(std::size_t length) {
    static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr std::size_t kSize = sizeof kAlphabet - 1;
    std::string password;
    while (password.size() < length) {
        unsigned char byte = 0;
        if (RAND_bytes(&byte, 1) != 1) {
            throw std::runtime_error("the random generator failed");
        }
        // Rejection sampling keeps every character equally likely.
        if (byte < 256 - 256 % kSize) {
            password += kAlphabet[byte % kSize];
        }
    }
    return password;
}

DemoData loadDemoData(storage::ServerStore& store) {
    DemoData demo;
    demo.offices = {
        {"0101", "ΚΕΠ Δήμου Αθηναίων", "Αττική"},
        {"0202", "ΚΕΠ Δήμου Θεσσαλονίκης", "Κεντρική Μακεδονία"},
        {"0303", "ΚΕΠ Περιφέρειας Κρήτης", "Κρήτη"},
    };
    std::map<std::string, std::string> officeIds;
    for (const auto& office : demo.offices) {
        officeIds[office.code] = store.addOffice(office);
    }
    authorities::AuthorityDirectory(store).add(
        {kDemoAuthority.id, kDemoAuthority.nameEl, kDemoAuthority.nameEn});
    identity::Directory directory(store);
    for (const auto& person : kPeople) {
        DemoUser user{person.username, randomPassword(), person.role, person.officeCode, {}};
        if (user.role == "authority") {
            user.authorityId = kDemoAuthority.id;
        }
        std::optional<std::string> officeId;
        if (!user.officeCode.empty()) {
            officeId = officeIds.at(user.officeCode);
        }
        std::optional<std::string> region;
        if (user.role == "it") {
            region = demo.offices.front().region;
        }
        directory.addUser({user.username, person.displayName, user.role, officeId, region,
                           kep::identity::hashPassword(user.password),
                           user.authorityId.empty() ? std::nullopt
                                                    : std::optional<std::string>(user.authorityId)},
                          identity::adminCommandActor());
        demo.users.push_back(std::move(user));
    }
    identity::DeviceRegistry devices(store);
    identity::Administration administration(store, directory, devices);
    const auto now = identity::nowInstant();
    for (const auto& office : demo.offices) {
        demo.enrolmentCodes.push_back(
            {office.code, administration
                              .issueEnrolmentCode(office.code, now, identity::adminCommandActor(),
                                                  kDemoEnrolmentCodeValidity)
                              .code});
    }
    demo.enrolmentCodes.push_back(
        {demo.offices.front().code,
         administration
             .issueEnrolmentCode(demo.offices.front().code, now, identity::adminCommandActor(),
                                 kDemoEnrolmentCodeValidity)
             .code});
    demo.channelKeys.push_back(issueGovGrKey(store));
    return demo;
}

std::string demoJson(const DemoData& demo, const std::string& caFileName) {
    boost::json::array offices;
    for (const auto& office : demo.offices) {
        offices.push_back(
            {{"code", office.code}, {"name", office.name}, {"region", office.region}});
    }
    boost::json::array users;
    for (const auto& user : demo.users) {
        boost::json::object entry{
            {"username", user.username}, {"password", user.password}, {"role", user.role}};
        entry["office"] = user.officeCode.empty() ? boost::json::value(nullptr)
                                                  : boost::json::value(user.officeCode);
        if (!user.authorityId.empty()) {
            entry["authority"] = user.authorityId;
        }
        users.push_back(std::move(entry));
    }
    boost::json::object root{{"serverCa", caFileName}};
    root["offices"] = std::move(offices);
    root["users"] = std::move(users);
    boost::json::array codes;
    for (const auto& code : demo.enrolmentCodes) {
        codes.push_back({{"office", code.officeCode}, {"code", code.code}});
    }
    root["enrolmentCodes"] = std::move(codes);
    boost::json::array keys;
    for (const auto& key : demo.channelKeys) {
        keys.push_back({{"channel", key.channel}, {"key", key.key}});
    }
    root["channelKeys"] = std::move(keys);
    return boost::json::serialize(root) + "\n";
}

}  // namespace kep::server::cli
