#include "feedback/SatisfactionFigures.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <numeric>

namespace kep::server::feedback {

std::int64_t RatingCounts::rated() const {
    return std::accumulate(byRating.begin(), byRating.end(), std::int64_t{0});
}

std::optional<double> RatingCounts::average() const {
    const auto total = rated();
    if (total == 0) {
        return std::nullopt;
    }
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < byRating.size(); ++i) {
        sum += byRating[i] * static_cast<std::int64_t>(i + 1);
    }
    return static_cast<double>(sum) / static_cast<double>(total);
}

SatisfactionFigures satisfactionFigures(storage::ServerStore& store,
                                        const SatisfactionQuery& query) {
    std::lock_guard lock(store.mutex());
    auto& db = store.database();
    kep::db::Transaction tx(db, kep::db::Transaction::Kind::Deferred);
    SatisfactionFigures figures;
    auto add = [](RatingCounts& counts, std::int64_t rating, std::int64_t cases) {
        if (rating >= 1 && rating <= 5) {
            counts.byRating[static_cast<std::size_t>(rating - 1)] += cases;
        }
    };
    auto total = db.prepare(
        "SELECT rating, SUM(cases) FROM satisfaction_day WHERE scope = ?1 AND procedure_id = ?2 "
        "AND day BETWEEN ?3 AND ?4 GROUP BY rating");
    auto perProcedure = db.prepare(
        "SELECT procedure_id, rating, SUM(cases) FROM satisfaction_day WHERE scope = ?1 "
        "AND procedure_id <> '' AND day BETWEEN ?2 AND ?3 GROUP BY procedure_id, rating");
    std::map<std::string, RatingCounts> procedures;
    for (const auto& scope : query.scopes) {
        total.reset();
        total.bind(1, scope).bind(2, query.procedureId).bind(3, query.from).bind(4, query.to);
        while (total.step()) {
            add(figures.counts, total.int64(0), total.int64(1));
        }
        if (!query.procedureId.empty()) {
            continue;
        }
        perProcedure.reset();
        perProcedure.bind(1, scope).bind(2, query.from).bind(3, query.to);
        while (perProcedure.step()) {
            add(procedures[perProcedure.text(0)], perProcedure.int64(1), perProcedure.int64(2));
        }
    }
    for (auto& [id, counts] : procedures) {
        figures.procedures.push_back({id, counts});
    }
    std::stable_sort(
        figures.procedures.begin(), figures.procedures.end(),
        [](const auto& a, const auto& b) { return a.counts.rated() > b.counts.rated(); });
    if (figures.procedures.size() > static_cast<std::size_t>(query.procedureLimit)) {
        figures.procedures.resize(static_cast<std::size_t>(query.procedureLimit));
    }
    if (query.commentLimit > 0 && !query.scopes.empty() && !query.scopes.front().empty()) {
        auto comments = db.prepare(
            "SELECT day, procedure_id, rating, comment FROM satisfaction_case "
            "WHERE office_code = ?1 AND comment <> '' AND day BETWEEN ?2 AND ?3 "
            "AND (?4 = '' OR procedure_id = ?4) ORDER BY rated_ms DESC LIMIT ?5");
        comments.bind(1, query.scopes.front())
            .bind(2, query.from)
            .bind(3, query.to)
            .bind(4, query.procedureId)
            .bind(5, query.commentLimit);
        while (comments.step()) {
            figures.comments.push_back({comments.text(0), comments.text(1),
                                        static_cast<int>(comments.int64(2)), comments.text(3)});
        }
    }
    tx.commit();
    return figures;
}

}  // namespace kep::server::feedback
