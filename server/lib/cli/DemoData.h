// The synthetic offices and users that `init --demo` loads, and DIR/demo.json, which tells the
// desk's tour and the tests who they can sign in as. Never for production data folders.
#pragma once

#include "storage/ServerStore.h"

#include <string>
#include <vector>

namespace kep::server::cli {

struct DemoUser {
    std::string username;
    std::string password;  // generated, random
    std::string role;
    std::string officeCode;  // empty for the central roles
};

struct DemoData {
    std::vector<storage::NewOffice> offices;
    std::vector<DemoUser> users;
};

// Adds the demo offices and one user of each role (with fresh random passwords) to the store.
DemoData loadDemoData(storage::ServerStore& store);

// {"serverCa":"ca.pem","offices":[{code,name,region}],"users":[{username,password,role,office}]}
std::string demoJson(const DemoData& demo, const std::string& caFileName);

// A random password of `length` characters from an unambiguous alphabet.
std::string randomPassword(std::size_t length = 16);

}  // namespace kep::server::cli
