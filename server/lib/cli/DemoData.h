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
    std::string officeCode;   // empty for the central roles
    std::string authorityId;  // the authority user's: kDemoAuthority.id
};

struct DemoEnrolmentCode {
    std::string officeCode;
    std::string code;  // one-time, valid for kDemoEnrolmentCodeValidity
};

// An online channel's API key (issue 7): what the demo's "gov.gr" files applications with.
struct DemoChannelKey {
    std::string channel;  // "govgr", the case's channel code
    std::string key;      // the key itself: only its digest is in the database
};

struct DemoData {
    std::vector<storage::NewOffice> offices;
    std::vector<DemoUser> users;
    std::vector<DemoEnrolmentCode> enrolmentCodes;  // one per office, and a spare for the first
    std::vector<DemoChannelKey> channelKeys;        // gov.gr's
};

// The demo's competent authority (issue 7), the owner of several sample catalogue procedures.
inline constexpr struct {
    const char* id;
    const char* nameEl;
    const char* nameEn;
} kDemoAuthority{"10102", "Υπουργείο Εσωτερικών", "Ministry of the Interior"};

// Longer than the 72 h of a real code, so a demo folder still enrols desks next week.
inline constexpr std::chrono::hours kDemoEnrolmentCodeValidity{24 * 30};

// Adds the demo offices, the demo authority, one user of each role (with fresh random passwords;
// the IT user looks after the first office's region, the authority user works for
// kDemoAuthority), the enrolment codes and a gov.gr channel key to the store. No circular: the
// tour sends one from the desk, and the circulars tests count from an empty bucket.
DemoData loadDemoData(storage::ServerStore& store);

// {"serverCa":"ca.pem","offices":[{code,name,region}],"users":[{username,password,role,office,
//  authority?}],
//  "enrolmentCodes":[{office,code}],"channelKeys":[{channel,key}]}
std::string demoJson(const DemoData& demo, const std::string& caFileName);

// A random password of `length` characters from an unambiguous alphabet.
std::string randomPassword(std::size_t length = 16);

}  // namespace kep::server::cli
