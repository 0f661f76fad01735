// Citizens' satisfaction as the figures show it: how many rated, the average and the spread of
// the 1–5 ratings, per procedure, and an office's latest comments — summed from the job's
// daily counts (migration 0016), never from the cases.
#pragma once

#include "storage/ServerStore.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kep::server::feedback {

struct RatingCounts {
    std::array<std::int64_t, 5> byRating{};  // [0] = how many rated 1 … [4] = rated 5
    std::int64_t rated() const;
    std::optional<double> average() const;  // nullopt when nobody rated
};

struct ProcedureRatings {
    std::string procedureId;
    RatingCounts counts;
};

struct RatingComment {
    std::string day;  // YYYY-MM-DD
    std::string procedureId;
    int rating = 0;
    std::string comment;
};

struct SatisfactionQuery {
    std::vector<std::string> scopes;  // office codes, or {""} for the nation
    std::string procedureId;          // "" for every procedure
    std::string from;                 // YYYY-MM-DD, both included
    std::string to;
    int procedureLimit = 20;  // the procedures rated most, when procedureId is ""
    int commentLimit = 0;     // 0: no comments
};

struct SatisfactionFigures {
    RatingCounts counts;
    std::vector<ProcedureRatings> procedures;  // rated most first
    std::vector<RatingComment> comments;       // newest first; of scopes[0] only
};

// Takes the store's lock; thread-safe.
SatisfactionFigures satisfactionFigures(storage::ServerStore& store,
                                        const SatisfactionQuery& query);

}  // namespace kep::server::feedback
