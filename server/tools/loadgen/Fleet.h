// The offices, users and enrolled workstations a run needs, made through the server's admin API
// as the central administrator: what each simulated desk is and who works at it.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "LoadgenOptions.h"
#include "shared/cases/Actor.h"

namespace kep::loadgen {

struct DeskIdentity {
    int index = 0;
    std::string deviceId;        // from the enrolment
    std::string office;          // the office code; the desk's bucket is office:<code>
    std::string credentialFile;  // the workstation's certificate and key (PEM), owner-only
    cases::Actor clerk;          // files the desk's cases
    cases::Actor manager;        // approves them (four eyes: not the filer)
};

struct Fleet {
    std::string runTag;
    std::vector<std::string> offices;
    std::vector<DeskIdentity> desks;
};

// Office i (from 0) of a run: "L<tag><i, four digits>", a protocol-number office code.
std::string officeCode(const std::string& runTag, int index);

// Signs in as "admin" with `adminPassword` on the admin tool's certificate; creates
// ceil(desks / desksPerOffice) offices in a region of their own, a clerk and a manager in each,
// and an IT user for the region who issues the enrolment codes (the central administrator
// issues none: the policy gives that to IT and managers); then enrols every desk with a fresh
// P-256 key, its credential written under `workDir`. `progress` is told each step.
Fleet provisionFleet(const LoadgenOptions& options, const std::string& runTag,
                     const std::string& adminPassword, const std::filesystem::path& workDir,
                     const std::function<void(const std::string&)>& progress);

}  // namespace kep::loadgen
