// Fills an office on a real kep-server with cases as another desk of the office files them (one
// create op each, already submitted, with a synthetic citizen), in push batches: what a fresh
// desk of that office then has to pull.
#pragma once

#include "SyncTestKit.h"
#include "SyncTestServer.h"
#include "cases/CitizenJson.h"

#include <QString>

#include <string>
#include <vector>

namespace kep::desk::test {

// Pushes `count` new cases from `desk`; their ids, or an empty list and `error` when the server
// did not apply every one.
inline std::vector<std::string> seedOfficeCases(kep::test::SyncDesk& desk,
                                                const kep::cases::Actor& clerk, int count,
                                                std::uint64_t seed, QString* error) {
    constexpr int kBatch = 500;
    const std::string office = desk.workstation.officeCode.toStdString();
    std::vector<std::string> ids;
    std::vector<kep::sync::OutboxOp> batch;
    for (int i = 0; i < count; ++i) {
        const std::uint64_t n = seed + static_cast<std::uint64_t>(i);
        auto op = desk.newCase(clerk);
        op.fields = {
            {"status", "submitted"},
            {"protocol_number", office + "/2026/" + std::to_string(n)},
            {"procedure_id", "900012"},
            {"catalogue_version", "3"},
            {"citizen", kep::desk::cases::citizenToJson(syntheticCitizen(n, "Παπαδοπούλου"))},
            {"evidence", R"({"1":"provided"})"},
            {"fee_cents", "150"},
            {"due_date", "2026-03-20"},
            {"notes", "γκισέ " + std::to_string(i % 5 + 1)},
            {"requires_approval", "false"}};
        ids.push_back(op.entity.id);
        batch.push_back(std::move(op));
        if (static_cast<int>(batch.size()) < kBatch && i + 1 < count) {
            continue;
        }
        auto answer = desk.transport->push(desk.batch(std::move(batch)));
        batch.clear();
        const auto* pushed = std::get_if<kep::sync::PushResponse>(&answer);
        if (!pushed) {
            *error = QString::fromStdString(std::get<kep::sync::TransportError>(answer).message);
            return {};
        }
        for (const auto& result : pushed->results) {
            if (result.outcome != kep::sync::OpOutcome::Applied) {
                *error = QStringLiteral("a seeded case was not applied: ") +
                         QString::fromStdString(result.reason);
                return {};
            }
        }
    }
    return ids;
}

}  // namespace kep::desk::test
