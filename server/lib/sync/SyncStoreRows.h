// What the SQLite and PostgreSQL sync stores write alike, so that both back-ends hold the same
// rows: the outcome codes of sync_result, the digest of an op's stored result, and the columns
// sync_entity repeats from a case's fields.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/sync/SyncServerStore.h"

namespace kep::server::sync {

// sync_result.outcome: 0 applied, 2 rejected, 3 conflict (only these are stored; others throw).
int outcomeCode(kep::sync::OpOutcome outcome);
kep::sync::OpOutcome outcomeFromCode(std::int64_t code);  // throws std::runtime_error

// The canonical record of one op's stored result, hashed into sync_result.entry_sha256: every
// part length-prefixed ("5:abcde") so that no two different records have the same bytes. The
// parts: the format's name, device id, device seq, op id, outcome, server version ("" if none),
// reason, then for each change the op caused: seq, bucket, entity type, entity id, version,
// deleted, and the change's fields as stored (sync_change.fields).
class ResultRecord {
public:
    // One change the op caused, in the order they were appended.
    void addChange(std::int64_t seq, const std::string& bucket, const kep::sync::Change& change,
                   std::string_view storedFields);
    std::int64_t firstSeq() const { return firstSeq_; }  // 0 when the op caused no change
    std::int64_t lastSeq() const { return lastSeq_; }
    // The digest of the op's record, after which the record is empty for the next op.
    std::array<std::uint8_t, 32> finish(std::string_view deviceId, std::int64_t deviceSeq,
                                        const kep::sync::StoredResult& result);
    void clear();

private:
    std::string changes_;
    std::int64_t firstSeq_ = 0;
    std::int64_t lastSeq_ = 0;
};

// The columns of sync_entity that repeat a case's fields for look-ups (SQLite migration 0010):
// none for other entity types. authorityId is set only once the case has reached the competent
// authority; keepAuthority says the stored authority must stay (a case rejected or withdrawn
// after reaching it: the authority still sees it).
struct EntityColumns {
    std::optional<std::string> status;
    std::optional<std::string> protocolNumber;
    std::optional<std::string> authorityId;
    bool keepAuthority = false;
};
EntityColumns entityColumns(const kep::sync::EntityRow& row);

}  // namespace kep::server::sync
