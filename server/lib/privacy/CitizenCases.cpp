#include "privacy/CitizenCases.h"

#include "shared/cases/CaseStatus.h"
#include "storage/PortableSql.h"

namespace kep::server::privacy {

std::vector<CitizenCase> casesOfCitizen(kep::db::Database& db, std::string_view taxId) {
    const auto dialect = db.dialect();
    auto select = db.prepare(
        "SELECT entity_id, substr(bucket, 8), " +
        storage::jsonValue(dialect, "state", "$.f.procedure_id[0]") + ", coalesce(status, ''), " +
        "CAST(" + storage::jsonValue(dialect, "state", "$.f.status_at[0]") + " AS BIGINT) " +
        "FROM sync_entity WHERE entity_type = 'case' AND bucket LIKE 'office:%' AND " +
        storage::jsonValue(dialect, storage::jsonValue(dialect, "state", "$.f.citizen[0]"),
                           "$.afm") +
        " = ?1 ORDER BY entity_id");
    select.bind(1, taxId);
    std::vector<CitizenCase> cases;
    while (select.step()) {
        CitizenCase c{select.text(0), select.text(1), select.optionalText(2).value_or(""),
                      select.text(3), std::nullopt};
        const auto status = kep::cases::caseStatusFromString(c.status);
        if (status && kep::cases::isTerminal(*status)) {
            c.closedAtMs = select.optionalInt64(4);
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

std::optional<std::string> erasureBlock(kep::db::Database& db, const CitizenCase& c,
                                        const RetentionSettings& settings,
                                        std::chrono::system_clock::time_point now) {
    if (!c.closedAtMs) {
        return "open";
    }
    const auto rule = ruleFor(db, c.procedureId, settings);
    if (rule.keepAtLeastYears == 0) {
        return std::nullopt;
    }
    using namespace std::chrono;
    const sys_time<milliseconds> closedAt{milliseconds{*c.closedAtMs}};
    const auto closedDay = floor<days>(closedAt);
    if (now < movedByYears(closedDay, rule.keepAtLeastYears) + (closedAt - closedDay)) {
        return "retention";
    }
    return std::nullopt;
}

}  // namespace kep::server::privacy
