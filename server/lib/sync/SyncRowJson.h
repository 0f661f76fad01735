// The JSON columns of the sync tables (0008_sync.sql): an entity's fields with who wrote each,
// and the fields a change wrote. One column per row instead of a row per field keeps ingest fast.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "shared/sync/SyncServerStore.h"

namespace kep::server::sync {

// sync_entity.state: {"f":{name:[value, writer]}, "w":[[version, wall_ms, logical, device,
// actor], …]}. A create's fields share one writer, so the writer is stored once, not per field.
std::string encodeEntityState(const std::map<std::string, kep::sync::FieldState>& fields);
// Throws std::runtime_error on text encodeEntityState() did not write.
std::map<std::string, kep::sync::FieldState> decodeEntityState(std::string_view json);

// sync_change.fields: {name: value, …}.
std::string encodeFieldMap(const kep::sync::FieldMap& fields);
kep::sync::FieldMap decodeFieldMap(std::string_view json);

}  // namespace kep::server::sync
