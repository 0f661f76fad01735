#include "sync/DirectoryBucket.h"

#include "shared/catalogue/CanonicalForm.h"
#include "shared/sync/SyncServerCore.h"

#include <algorithm>
#include <charconv>

namespace kep::server::sync {

namespace {

struct Entry {
    kep::sync::EntityRef ref;
    kep::sync::FieldMap fields;
};

// What the digest is taken over: every entry's type, id and fields, unambiguously delimited.
std::string canonicalText(const std::vector<Entry>& entries) {
    std::string text;
    for (const auto& entry : entries) {
        text += entry.ref.type + '\x1f' + entry.ref.id + '\x1e';
        for (const auto& [name, value] : entry.fields) {
            text += name + '\x1f' + std::to_string(value.size()) + ':' + value + '\x1e';
        }
        text += '\x1d';
    }
    return text;
}

// "<generation> <digest>" as kept in meta; generation 0 when absent or unreadable.
std::pair<std::int64_t, std::string> parseRecord(const std::optional<std::string>& record) {
    if (!record) {
        return {0, {}};
    }
    const auto space = record->find(' ');
    std::int64_t generation = 0;
    const auto* begin = record->data();
    const auto* end = begin + (space == std::string::npos ? record->size() : space);
    if (std::from_chars(begin, end, generation).ec != std::errc{} || generation < 0) {
        return {0, {}};
    }
    return {generation, space == std::string::npos ? std::string() : record->substr(space + 1)};
}

}  // namespace

kep::sync::PullResponse DirectoryBucket::pull(const kep::sync::PullRequest& request,
                                              std::string_view officeCode) {
    std::vector<Entry> entries;
    for (const auto& office : directory_.offices()) {
        entries.push_back(
            {{std::string(kOfficeType), office.code},
             {{"code", office.code}, {"name", office.name}, {"region", office.region}}});
    }
    for (const auto& user : directory_.users(std::string(officeCode))) {
        entries.push_back({{std::string(kUserType), user.id},
                           {{"username", user.username},
                            {"display_name", user.displayName},
                            {"role", user.role},
                            {"office", user.office ? user.office->code : std::string()},
                            {"disabled", user.disabled ? "true" : "false"}}});
    }
    const std::string digest = kep::catalogue::sha256Hex(canonicalText(entries));

    std::int64_t generation = 0;
    {
        std::lock_guard lock(generations_);
        const std::string key = "sync_directory:" + std::string(officeCode);
        auto [recorded, recordedDigest] = parseRecord(store_.meta(key));
        generation = recorded;
        if (recordedDigest != digest || generation == 0) {
            ++generation;
            store_.setMeta(key, std::to_string(generation) + " " + digest);
        }
    }

    kep::sync::PullResponse response;
    response.protocol = request.protocol;
    response.bucket = request.bucket;
    const auto total =
        static_cast<std::int64_t>(std::min<std::size_t>(entries.size(), kGenerationStride - 1));
    const std::int64_t base = generation * kGenerationStride;
    const std::int64_t end = base + total;
    if (request.cursor >= end) {
        response.cursor =
            request.cursor;  // caught up, or ahead (a restored database): no going back
        return response;
    }
    const std::int64_t from = request.cursor >= base ? request.cursor - base : 0;
    const auto limit = static_cast<std::int64_t>(
        std::clamp(request.limit, 1, kep::sync::SyncServerCore::kMaxPullLimit));
    const std::int64_t to = std::min(total, from + limit);
    for (std::int64_t i = from; i < to; ++i) {
        auto& entry = entries[static_cast<std::size_t>(i)];
        response.changes.push_back(kep::sync::Change{base + i + 1, std::move(entry.ref), generation,
                                                     std::move(entry.fields), false});
    }
    response.hasMore = to < total;
    response.cursor = base + to;
    return response;
}

}  // namespace kep::server::sync
