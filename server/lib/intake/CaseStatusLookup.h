// The citizen's status look-up: a case by its protocol number and the applicant's ΑΦΜ or passport
// number, answering its status and nothing else — and the same "no" for a wrong identifier as for
// a number that does not exist, reached by the same work, so the look-up tells nobody which exist.
#pragma once

#include "shared/cases/CaseStatus.h"
#include "storage/ServerStore.h"

#include <optional>
#include <string_view>

namespace kep::server::intake {

class CaseStatusLookup {
public:
    explicit CaseStatusLookup(storage::ServerStore& store) : store_(store) {}

    // `protocolNumber` in its canonical text (ProtocolNumber::toString); `identifier` as the
    // citizen typed it (spaces and case do not matter). nullopt both when no case has the number
    // and when the identifier is not the applicant's. Thread-safe (the store's lock).
    std::optional<kep::cases::CaseStatus> find(std::string_view protocolNumber,
                                               std::string_view identifier);

private:
    storage::ServerStore& store_;
};

}  // namespace kep::server::intake
