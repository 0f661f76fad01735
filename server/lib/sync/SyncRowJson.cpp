#include "sync/SyncRowJson.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

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

json::object parseObject(std::string_view text, std::string_view what) {
    boost::system::error_code error;
    json::value parsed = json::parse(text, error);
    if (error || !parsed.is_object()) {
        malformed(what);
    }
    return std::move(parsed.get_object());
}

}  // namespace

std::string encodeEntityState(const std::map<std::string, kep::sync::FieldState>& fields) {
    std::vector<const kep::sync::FieldState*> writers;
    json::object byName;
    byName.reserve(fields.size());
    for (const auto& [name, state] : fields) {
        std::size_t writer = 0;
        while (writer < writers.size() && !sameWriter(*writers[writer], state)) {
            ++writer;
        }
        if (writer == writers.size()) {
            writers.push_back(&state);
        }
        byName.emplace(name,
                       json::array{json::string(state.value), static_cast<std::int64_t>(writer)});
    }
    json::array writerList;
    writerList.reserve(writers.size());
    for (const kep::sync::FieldState* w : writers) {
        writerList.push_back(json::array{w->version, w->hlc.wallMs,
                                         static_cast<std::int64_t>(w->hlc.logical),
                                         json::string(w->deviceId), json::string(w->actorId)});
    }
    return json::serialize(json::object{{"f", std::move(byName)}, {"w", std::move(writerList)}});
}

std::map<std::string, kep::sync::FieldState> decodeEntityState(std::string_view text) {
    constexpr std::string_view kWhat = "sync_entity.state";
    const json::object root = parseObject(text, kWhat);
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
    json::object object;
    object.reserve(fields.size());
    for (const auto& [name, value] : fields) {
        object.emplace(name, json::string(value));
    }
    return json::serialize(object);
}

kep::sync::FieldMap decodeFieldMap(std::string_view text) {
    constexpr std::string_view kWhat = "sync_change.fields";
    kep::sync::FieldMap fields;
    for (const auto& [name, value] : parseObject(text, kWhat)) {
        if (!value.is_string()) {
            malformed(kWhat);
        }
        fields.emplace(std::string{name}, std::string{value.get_string()});
    }
    return fields;
}

}  // namespace kep::server::sync
