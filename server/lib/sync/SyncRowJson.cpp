#include "sync/SyncRowJson.h"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "shared/sync/JsonWriter.h"

#include <stdexcept>
#include <tuple>
#include <vector>

namespace kep::server::sync {

namespace {

namespace json = boost::json;

[[noreturn]] void malformed(std::string_view what) {
    throw std::runtime_error("sync store: malformed " + std::string{what} + " column");
}

bool sameWriter(const kep::sync::FieldState& a, const kep::sync::FieldState& b) {
    return std::tie(a.version, a.hlc, a.deviceId, a.actorId) ==
           std::tie(b.version, b.hlc, b.deviceId, b.actorId);
}

// The document lives in `arena` (one block for a row, not an allocation per value): the
// callers copy out what they keep before the arena goes.
json::value parseObject(std::string_view text, std::string_view what,
                        json::monotonic_resource& arena) {
    boost::system::error_code error;
    json::value parsed = json::parse(text, error, &arena);
    if (error || !parsed.is_object()) {
        malformed(what);
    }
    return parsed;
}

// A row's text is a few kilobytes at most: its document fits the first block.
std::size_t arenaBytes(std::string_view text) {
    return text.size() * 2 + 512;
}

}  // namespace

std::string encodeEntityState(const std::map<std::string, kep::sync::FieldState>& fields) {
    std::vector<const kep::sync::FieldState*> writers;
    kep::sync::JsonWriter out(256 + fields.size() * 96);
    out.beginObject().key("f").beginObject();
    for (const auto& [name, state] : fields) {
        std::size_t writer = 0;
        while (writer < writers.size() && !sameWriter(*writers[writer], state)) {
            ++writer;
        }
        if (writer == writers.size()) {
            writers.push_back(&state);
        }
        out.key(name)
            .beginArray()
            .string(state.value)
            .number(static_cast<std::int64_t>(writer))
            .endArray();
    }
    out.endObject().key("w").beginArray();
    for (const kep::sync::FieldState* w : writers) {
        out.beginArray()
            .number(w->version)
            .number(w->hlc.wallMs)
            .number(static_cast<std::int64_t>(w->hlc.logical))
            .string(w->deviceId)
            .string(w->actorId)
            .endArray();
    }
    out.endArray().endObject();
    return out.take();
}

std::map<std::string, kep::sync::FieldState> decodeEntityState(std::string_view text) {
    constexpr std::string_view kWhat = "sync_entity.state";
    json::monotonic_resource arena(arenaBytes(text));
    const json::value parsed = parseObject(text, kWhat, arena);
    const json::object& root = parsed.get_object();
    const auto* byName = root.if_contains("f");
    const auto* writerList = root.if_contains("w");
    if (byName == nullptr || !byName->is_object() || writerList == nullptr ||
        !writerList->is_array()) {
        malformed(kWhat);
    }
    std::vector<kep::sync::FieldState> writers;
    for (const json::value& w : writerList->get_array()) {
        const json::array* a = w.if_array();
        if (a == nullptr || a->size() != 5 || !(*a)[0].is_int64() || !(*a)[1].is_int64() ||
            !(*a)[2].is_int64() || !(*a)[3].is_string() || !(*a)[4].is_string()) {
            malformed(kWhat);
        }
        kep::sync::FieldState state;
        state.version = (*a)[0].get_int64();
        state.hlc = {(*a)[1].get_int64(), static_cast<std::uint32_t>((*a)[2].get_int64())};
        state.deviceId = (*a)[3].get_string();
        state.actorId = (*a)[4].get_string();
        writers.push_back(std::move(state));
    }
    std::map<std::string, kep::sync::FieldState> fields;
    for (const auto& [name, entry] : byName->get_object()) {
        const json::array* a = entry.if_array();
        if (a == nullptr || a->size() != 2 || !(*a)[0].is_string() || !(*a)[1].is_int64() ||
            (*a)[1].get_int64() < 0 ||
            static_cast<std::size_t>((*a)[1].get_int64()) >= writers.size()) {
            malformed(kWhat);
        }
        kep::sync::FieldState state = writers[static_cast<std::size_t>((*a)[1].get_int64())];
        state.value = (*a)[0].get_string();
        fields.emplace(std::string{name}, std::move(state));
    }
    return fields;
}

std::string encodeFieldMap(const kep::sync::FieldMap& fields) {
    kep::sync::JsonWriter out(64 + fields.size() * 64);
    out.beginObject();
    for (const auto& [name, value] : fields) {
        out.stringMember(name, value);
    }
    out.endObject();
    return out.take();
}

kep::sync::FieldMap decodeFieldMap(std::string_view text) {
    constexpr std::string_view kWhat = "sync_change.fields";
    kep::sync::FieldMap fields;
    json::monotonic_resource arena(arenaBytes(text));
    const json::value parsed = parseObject(text, kWhat, arena);
    for (const auto& [name, value] : parsed.get_object()) {
        if (!value.is_string()) {
            malformed(kWhat);
        }
        fields.emplace(std::string{name}, std::string{value.get_string()});
    }
    return fields;
}

}  // namespace kep::server::sync
