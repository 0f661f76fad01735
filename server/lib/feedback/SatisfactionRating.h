// A citizen's satisfaction as a case carries it (case field `satisfaction`, shared/cases/
// CaseFields.h): read strictly, so that a malformed value counts in no figure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kep::server::feedback {

struct SatisfactionRating {
    int rating = 0;  // 1..5
    std::string comment;
};

// {"rating":1..5,"comment":"…"} (comment optional); nullopt for anything else.
std::optional<SatisfactionRating> readSatisfaction(std::string_view json);

}  // namespace kep::server::feedback
