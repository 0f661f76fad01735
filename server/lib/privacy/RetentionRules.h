// The retention rule of each procedure (issue 9, must-have 3): how many years after a case
// closes its personal data is purged, and how long the law requires the file kept — the
// server's default, and the procedures' own rules in privacy_retention (migration 0019).
#pragma once

#include "db/Database.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::privacy {

struct RetentionSettings {
    int defaultYears = 5;  // `serve --retention-years`
};

inline constexpr int kMaxRetentionYears = 100;

struct RetentionRule {
    std::string procedureId;
    int purgeAfterYears = 5;
    int keepAtLeastYears = 0;  // erasure on request is refused within this many years
    std::string setAt;         // ISO 8601 UTC
    std::string setBy;         // a user id, or "cli"
};

// `day` moved by `years` (negative: back), a 29 February landing in a year without one on 28
// February: the one calendar rule of retention, for the purge's cutoff and erasure's legal hold,
// whatever the database (SQLite's date arithmetic would say 1 March, PostgreSQL's 28 February).
std::chrono::sys_days movedByYears(std::chrono::sys_days day, int years);

// The latest closing instant (ms since the epoch, as a case's status_at) whose `years` of
// retention have run out at `now`: `now` less the years by movedByYears(), its time of day kept.
std::int64_t retentionCutoffMs(std::chrono::system_clock::time_point now, int years);

// The reason a rule cannot be stored ("purge_after_years must be 1 to 100"), or nullopt.
std::optional<std::string> problemWith(const RetentionRule& rule);

// The caller serialises use of `db`. Throws std::invalid_argument for a rule problemWith()
// refuses, kep::db::Error on a database fault.
void putRetentionRule(kep::db::Database& db, const RetentionRule& rule);
// True when the procedure had a rule of its own.
bool removeRetentionRule(kep::db::Database& db, std::string_view procedureId);
std::vector<RetentionRule> retentionRules(kep::db::Database& db);
// The rule that applies to a procedure: its own, or the default (keep_at_least 0).
RetentionRule ruleFor(kep::db::Database& db, std::string_view procedureId,
                      const RetentionSettings& settings);

}  // namespace kep::server::privacy
