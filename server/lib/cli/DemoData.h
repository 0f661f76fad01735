// The synthetic offices and users that `init --demo` loads, and DIR/demo.json, which tells the
// desk's tour and the tests who they can sign in as. Never for production data folders.
#pragma once

#include "storage/ServerStore.h"

#include <chrono>
#include <string>
#include <vector>

namespace kep::server::cli {

struct DemoUser {
    std::string username;
    std::string password;  // generated, random
    std::string role;
    std::string officeCode;  // empty for the central roles
};

struct DemoEnrolmentCode {
    std::string officeCode;
    std::string code;  // one-time, valid for kDemoEnrolmentCodeValidity
};

struct DemoData {
    std::vector<storage::NewOffice> offices;
    std::vector<DemoUser> users;
    std::vector<DemoEnrolmentCode> enrolmentCodes;  // one per office, and a spare for the first
};

// Longer than the 72 h of a real code, so a demo folder still enrols desks next week.
inline constexpr std::chrono::hours kDemoEnrolmentCodeValidity{24 * 30};

// Adds the demo offices, one user of each role (with fresh random passwords; the IT user looks
// after the first office's region) and the enrolment codes to the store.
DemoData loadDemoData(storage::ServerStore& store);

// {"serverCa":"ca.pem","offices":[{code,name,region}],"users":[{username,password,role,office}],
//  "enrolmentCodes":[{office,code}]}
std::string demoJson(const DemoData& demo, const std::string& caFileName);

// A random password of `length` characters from an unambiguous alphabet.
std::string randomPassword(std::size_t length = 16);

}  // namespace kep::server::cli
