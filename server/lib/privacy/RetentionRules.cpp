#include "privacy/RetentionRules.h"

#include <stdexcept>

namespace kep::server::privacy {

std::chrono::sys_days movedByYears(std::chrono::sys_days day, int years) {
    std::chrono::year_month_day moved{day};
    moved += std::chrono::years{years};
    if (!moved.ok()) {  // 29 February in a year without one
        moved = moved.year() / moved.month() / std::chrono::last;
    }
    return moved;
}

std::int64_t retentionCutoffMs(std::chrono::system_clock::time_point now, int years) {
    using namespace std::chrono;
    const auto instant = time_point_cast<milliseconds>(now);
    const auto day = floor<days>(instant);
    const auto cutoff = sys_days{movedByYears(day, -years)} + (instant - day);
    return cutoff.time_since_epoch().count();
}

std::optional<std::string> problemWith(const RetentionRule& rule) {
    if (rule.procedureId.empty() || rule.procedureId.size() > 128) {
        return "procedure_id must be 1 to 128 bytes";
    }
    if (rule.purgeAfterYears < 1 || rule.purgeAfterYears > kMaxRetentionYears) {
        return "purge_after_years must be 1 to " + std::to_string(kMaxRetentionYears);
    }
    if (rule.keepAtLeastYears < 0 || rule.keepAtLeastYears > rule.purgeAfterYears) {
        return "keep_at_least_years must be 0 to purge_after_years";
    }
    return std::nullopt;
}

void putRetentionRule(kep::db::Database& db, const RetentionRule& rule) {
    if (const auto problem = problemWith(rule)) {
        throw std::invalid_argument(*problem);
    }
    db.prepare(
          "INSERT INTO privacy_retention (procedure_id, purge_after_years, "
          "keep_at_least_years, set_at, set_by) VALUES (?1, ?2, ?3, ?4, ?5) "
          "ON CONFLICT (procedure_id) DO UPDATE SET purge_after_years = excluded."
          "purge_after_years, keep_at_least_years = excluded.keep_at_least_years, "
          "set_at = excluded.set_at, set_by = excluded.set_by")
        .bind(1, rule.procedureId)
        .bind(2, rule.purgeAfterYears)
        .bind(3, rule.keepAtLeastYears)
        .bind(4, rule.setAt)
        .bind(5, rule.setBy)
        .run();
}

bool removeRetentionRule(kep::db::Database& db, std::string_view procedureId) {
    db.prepare("DELETE FROM privacy_retention WHERE procedure_id = ?1").bind(1, procedureId).run();
    return db.changes() > 0;
}

namespace {

RetentionRule ruleOf(const kep::db::Statement& row) {
    return {row.text(0), static_cast<int>(row.int64(1)), static_cast<int>(row.int64(2)),
            row.text(3), row.text(4)};
}

constexpr std::string_view kSelect =
    "SELECT procedure_id, purge_after_years, keep_at_least_years, set_at, set_by "
    "FROM privacy_retention ";

}  // namespace

std::vector<RetentionRule> retentionRules(kep::db::Database& db) {
    auto select = db.prepare(std::string{kSelect} + "ORDER BY procedure_id");
    std::vector<RetentionRule> rules;
    while (select.step()) {
        rules.push_back(ruleOf(select));
    }
    return rules;
}

RetentionRule ruleFor(kep::db::Database& db, std::string_view procedureId,
                      const RetentionSettings& settings) {
    auto select = db.prepare(std::string{kSelect} + "WHERE procedure_id = ?1");
    select.bind(1, procedureId);
    if (select.step()) {
        return ruleOf(select);
    }
    return {std::string{procedureId}, settings.defaultYears, 0, {}, {}};
}

}  // namespace kep::server::privacy
