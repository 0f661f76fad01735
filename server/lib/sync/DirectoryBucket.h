// The `directory` sync bucket: the offices and the calling office's users, as a desk needs them
// offline (who may sign in here, which office is which), served as numbered snapshots.
#pragma once

#include "identity/Directory.h"
#include "shared/sync/SyncMessages.h"
#include "storage/ServerStore.h"

#include <mutex>
#include <string_view>

namespace kep::server::sync {

// The entity types of the bucket: an office by its code (fields code, name, region) and a user
// by id (fields username, display_name, role, office, disabled "true"/"false"; never a password).
inline constexpr std::string_view kOfficeType = "office";
inline constexpr std::string_view kUserType = "user";

// Offices and users are written by administration in its own transactions, which keep no change
// log; so this bucket is served as snapshots. The snapshot's SHA-256 is compared with the last
// one recorded for the office (meta "sync_directory:<code>"); when it differs, the office's
// directory generation G goes up by one. Generation G's changes carry the seqs G·2^20 + 1 … :
// a desk whose cursor is below the current generation gets the whole snapshot again (it
// overwrites its rows), one that is inside it continues, one that is at its end gets nothing.
// Users and offices are disabled, never deleted, so a snapshot needs no deletions.
class DirectoryBucket {
public:
    static constexpr std::int64_t kGenerationStride = std::int64_t{1} << 20;

    explicit DirectoryBucket(storage::ServerStore& store) : store_(store), directory_(store) {}

    // The directory as office `officeCode` sees it. Thread-safe.
    kep::sync::PullResponse pull(const kep::sync::PullRequest& request,
                                 std::string_view officeCode);

private:
    storage::ServerStore& store_;
    identity::Directory directory_;
    std::mutex generations_;  // one generation bump at a time
};

}  // namespace kep::server::sync
