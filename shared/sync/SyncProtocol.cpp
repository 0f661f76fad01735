#include "shared/sync/SyncProtocol.h"

#include <limits>
#include <system_error>
#include <utility>

#include <boost/json.hpp>

#include "shared/audit/AuditEntry.h"
#include "shared/sync/JsonWriter.h"

namespace kep::sync {

namespace json = boost::json;

namespace {

// Which message is being read, for error messages, and the limits it is read within.
struct Context {
    std::string_view message;
    const ProtocolLimits& limits;

    [[noreturn]] void fail(std::string_view path, std::string_view problem) const {
        std::string text{message};
        text += ": ";
        if (!path.empty()) {
            text += path;
            text += ": ";
        }
        text += problem;
        throw ProtocolError(text);
    }
};

std::string join(std::string_view path, std::string_view key) {
    if (path.empty()) {
        return std::string{key};
    }
    std::string out{path};
    out += '.';
    out += key;
    return out;
}

std::string indexed(std::string_view path, std::size_t index) {
    return std::string{path} + "[" + std::to_string(index) + "]";
}

// The document lives in `arena`, which the decoder keeps until it has copied out what it needs:
// one block or a few instead of an allocation per value and string of a 500-op push.
json::value parse(std::string_view text, const Context& ctx, json::monotonic_resource& arena) {
    if (text.size() > ctx.limits.maxMessageBytes) {
        ctx.fail("", "larger than " + std::to_string(ctx.limits.maxMessageBytes) + " bytes");
    }
    json::parse_options options;
    options.max_depth = ctx.limits.maxDepth;
    std::error_code ec;
    json::value value = json::parse(text, ec, &arena, options);
    if (ec) {
        ctx.fail("", "not valid JSON (" + ec.message() + ")");
    }
    return value;
}

const json::object& asObject(const json::value& value, std::string_view path, const Context& ctx) {
    if (!value.is_object()) {
        ctx.fail(path, "must be an object");
    }
    return value.get_object();
}

const json::value& member(const json::object& object, std::string_view key, std::string_view path,
                          const Context& ctx) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr) {
        ctx.fail(join(path, key), "is missing");
    }
    return *value;
}

std::int64_t integer(const json::object& object, std::string_view key, std::string_view path,
                     const Context& ctx, std::int64_t min,
                     std::int64_t max = std::numeric_limits<std::int64_t>::max()) {
    const json::value& value = member(object, key, path, ctx);
    std::int64_t number = 0;
    if (value.is_int64()) {
        number = value.get_int64();
    } else if (value.is_uint64()) {
        ctx.fail(join(path, key), "is too large");
    } else {
        ctx.fail(join(path, key), "must be an integer");
    }
    if (number < min) {
        ctx.fail(join(path, key), "must be at least " + std::to_string(min));
    }
    if (number > max) {
        ctx.fail(join(path, key), "must be at most " + std::to_string(max));
    }
    return number;
}

bool boolean(const json::object& object, std::string_view key, std::string_view path,
             const Context& ctx, std::optional<bool> byDefault = std::nullopt) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr && byDefault) {
        return *byDefault;
    }
    if (value == nullptr) {
        ctx.fail(join(path, key), "is missing");
    }
    if (!value->is_bool()) {
        ctx.fail(join(path, key), "must be true or false");
    }
    return value->get_bool();
}

std::string_view stringValue(const json::value& value, std::string_view where, const Context& ctx,
                             std::size_t maxBytes, bool mayBeEmpty) {
    if (!value.is_string()) {
        ctx.fail(where, "must be a string");
    }
    const std::string_view s = value.get_string();
    if (s.size() > maxBytes) {
        ctx.fail(where, "longer than " + std::to_string(maxBytes) + " bytes");
    }
    if (s.empty() && !mayBeEmpty) {
        ctx.fail(where, "must not be empty");
    }
    return s;
}

std::string text(const json::object& object, std::string_view key, std::string_view path,
                 const Context& ctx, std::size_t maxBytes, bool mayBeEmpty = false) {
    return std::string{
        stringValue(member(object, key, path, ctx), join(path, key), ctx, maxBytes, mayBeEmpty)};
}

// Identifiers are printable ASCII without spaces, so that they are safe in logs and URLs.
std::string identifier(const json::object& object, std::string_view key, std::string_view path,
                       const Context& ctx) {
    std::string id = text(object, key, path, ctx, ctx.limits.maxIdBytes);
    for (const char c : id) {
        if (c <= ' ' || c > '~') {
            ctx.fail(join(path, key), "must be printable ASCII without spaces");
        }
    }
    return id;
}

std::string bucket(const json::object& object, std::string_view key, std::string_view path,
                   const Context& ctx) {
    std::string name = text(object, key, path, ctx, ctx.limits.maxBucketBytes);
    if (!isValidBucketName(name, ctx.limits.maxBucketBytes)) {
        ctx.fail(join(path, key), "is not a bucket name (kind or kind:id)");
    }
    return name;
}

void checkProtocol(const json::object& object, const Context& ctx) {
    const std::int64_t version = integer(object, "protocol", "", ctx, 0);
    if (version < kOldestAcceptedProtocolVersion || version > kProtocolVersion) {
        ctx.fail("protocol", "version " + std::to_string(version) +
                                 " is not supported (accepted: " +
                                 std::to_string(kOldestAcceptedProtocolVersion) + " to " +
                                 std::to_string(kProtocolVersion) + ")");
    }
}

domain::Uuid uuidV7(const json::object& object, std::string_view key, std::string_view path,
                    const Context& ctx) {
    const json::value& value = member(object, key, path, ctx);
    const auto parsed = value.is_string() ? domain::Uuid::parse(value.get_string()) : std::nullopt;
    if (!parsed || parsed->version() != 7 || !parsed->hasRfcVariant()) {
        ctx.fail(join(path, key), "must be a UUIDv7 in 8-4-4-4-12 form");
    }
    return *parsed;
}

domain::HlcTimestamp hlc(const json::object& object, std::string_view key, std::string_view path,
                         const Context& ctx) {
    const json::value& value = member(object, key, path, ctx);
    const auto parsed =
        value.is_string() ? domain::HlcTimestamp::parse(value.get_string()) : std::nullopt;
    if (!parsed) {
        ctx.fail(join(path, key), "must be an HLC timestamp (12 hex digits, '-', 8 hex digits)");
    }
    return *parsed;
}

bool isEntityType(std::string_view type) {
    if (type.empty() || type.size() > 32) {
        return false;
    }
    for (const char c : type) {
        if (!((c >= 'a' && c <= 'z') || c == '_')) {
            return false;
        }
    }
    return true;
}

EntityRef entity(const json::object& object, std::string_view key, std::string_view path,
                 const Context& ctx) {
    const std::string where = join(path, key);
    const json::object& e = asObject(member(object, key, path, ctx), where, ctx);
    EntityRef ref;
    ref.type = text(e, "type", where, ctx, 32);
    if (!isEntityType(ref.type)) {
        ctx.fail(join(where, "type"), "must be lower-case letters and '_'");
    }
    ref.id = identifier(e, "id", where, ctx);
    return ref;
}

FieldMap fields(const json::object& object, std::string_view key, std::string_view path,
                const Context& ctx) {
    const std::string where = join(path, key);
    const json::object& f = asObject(member(object, key, path, ctx), where, ctx);
    if (f.size() > ctx.limits.maxFields) {
        ctx.fail(where, "more than " + std::to_string(ctx.limits.maxFields) + " fields");
    }
    FieldMap out;
    for (const auto& item : f) {
        const std::string_view name = item.key();
        if (name.empty() || name.size() > ctx.limits.maxFieldNameBytes) {
            ctx.fail(where, "a field name is empty or longer than " +
                                std::to_string(ctx.limits.maxFieldNameBytes) + " bytes");
        }
        // The name is ours (a schema word), so it may appear in the error; the value may not.
        const std::string fieldPath = join(where, name);
        out.emplace(std::string{name},
                    std::string{stringValue(item.value(), fieldPath, ctx,
                                            ctx.limits.maxFieldValueBytes, true)});
    }
    if (out.size() != f.size()) {
        ctx.fail(where, "a field name appears twice");
    }
    return out;
}

const json::array& array(const json::object& object, std::string_view key, const Context& ctx,
                         std::size_t maxItems) {
    const json::value& value = member(object, key, "", ctx);
    if (!value.is_array()) {
        ctx.fail(key, "must be an array");
    }
    if (value.get_array().size() > maxItems) {
        ctx.fail(key, "more than " + std::to_string(maxItems) + " items");
    }
    return value.get_array();
}

void writeEntity(JsonWriter& out, const EntityRef& ref) {
    out.beginObject().stringMember("type", ref.type).stringMember("id", ref.id).endObject();
}

void writeFields(JsonWriter& out, const FieldMap& map) {
    out.beginObject();
    for (const auto& [name, value] : map) {
        out.stringMember(name, value);
    }
    out.endObject();
}

void writeOp(JsonWriter& out, const OutboxOp& op) {
    out.beginObject()
        .stringMember("opId", op.opId.toString())
        .stringMember("deviceId", op.deviceId)
        .numberMember("deviceSeq", op.deviceSeq)
        .stringMember("hlc", op.hlc.toString())
        .numberMember("baseVersion", op.baseVersion)
        .stringMember("kind", toString(op.kind));
    writeEntity(out.key("entity"), op.entity);
    out.stringMember("bucket", op.bucket);
    out.key("actor")
        .beginObject()
        .stringMember("id", op.actor.id)
        .stringMember("role", cases::toString(op.actor.role))
        .endObject();
    out.key("payload").beginObject();
    if (op.kind == OpKind::Transition) {
        out.stringMember("to", op.toStatus).stringMember("reason", op.reason);
    } else {
        writeFields(out.key("fields"), op.fields);
    }
    out.endObject().endObject();
}

// Bytes a message of `items` items is expected to need, so that the text is not copied as it
// grows: a case op or change is about a kilobyte and a half.
std::size_t expectedBytes(std::size_t items) {
    return 256 + items * 1536;
}

OutboxOp decodeOp(const json::value& value, std::string_view path, const Context& ctx) {
    const json::object& o = asObject(value, path, ctx);
    OutboxOp op;
    op.opId = uuidV7(o, "opId", path, ctx);
    op.deviceId = identifier(o, "deviceId", path, ctx);
    op.deviceSeq = integer(o, "deviceSeq", path, ctx, 1);
    op.hlc = hlc(o, "hlc", path, ctx);
    op.baseVersion = integer(o, "baseVersion", path, ctx, 0);
    const std::string kind = text(o, "kind", path, ctx, 32);
    const auto parsedKind = opKindFromString(kind);
    if (!parsedKind) {
        ctx.fail(join(path, "kind"), "must be create, set_fields or transition");
    }
    op.kind = *parsedKind;
    op.entity = entity(o, "entity", path, ctx);
    op.bucket = bucket(o, "bucket", path, ctx);

    const std::string actorPath = join(path, "actor");
    const json::object& actor = asObject(member(o, "actor", path, ctx), actorPath, ctx);
    op.actor.id = identifier(actor, "id", actorPath, ctx);
    const auto role = cases::actorRoleFromString(text(actor, "role", actorPath, ctx, 32));
    if (!role) {
        ctx.fail(join(actorPath, "role"), "is not a known role");
    }
    op.actor.role = *role;

    const std::string payloadPath = join(path, "payload");
    const json::object& payload = asObject(member(o, "payload", path, ctx), payloadPath, ctx);
    if (op.kind == OpKind::Transition) {
        op.toStatus = text(payload, "to", payloadPath, ctx, 32);
        if (const json::value* reason = payload.if_contains("reason")) {
            op.reason = std::string{stringValue(*reason, join(payloadPath, "reason"), ctx,
                                                ctx.limits.maxReasonBytes, true)};
        }
    } else {
        op.fields = fields(payload, "fields", payloadPath, ctx);
        if (op.kind == OpKind::SetFields && op.fields.empty()) {
            ctx.fail(join(payloadPath, "fields"), "set_fields needs at least one field");
        }
    }
    return op;
}

// An audit entry's members by their wire names, in AuditEntry's order: one table for the writer
// and the reader, so that they cannot drift apart.
using AuditMember = std::string audit::AuditEntry::*;
constexpr std::pair<std::string_view, AuditMember> kAuditMembers[] = {
    {"entryId", &audit::AuditEntry::entryId},
    {"at", &audit::AuditEntry::at},
    {"actorKind", &audit::AuditEntry::actorKind},
    {"actorId", &audit::AuditEntry::actorId},
    {"role", &audit::AuditEntry::role},
    {"office", &audit::AuditEntry::office},
    {"workstation", &audit::AuditEntry::workstation},
    {"action", &audit::AuditEntry::action},
    {"recordType", &audit::AuditEntry::recordType},
    {"recordId", &audit::AuditEntry::recordId},
    {"purpose", &audit::AuditEntry::purpose},
    {"outcome", &audit::AuditEntry::outcome},
};

void writeAuditEntry(JsonWriter& out, const audit::AuditEntry& entry) {
    out.beginObject();
    for (const auto& [name, member] : kAuditMembers) {
        out.stringMember(name, entry.*member);
    }
    out.endObject();
}

// Each member bounded before it is copied; then the entry's own rules (audit::problemWith),
// whose message starts with the member's name.
audit::AuditEntry decodeAuditEntry(const json::value& value, std::string_view path,
                                   const Context& ctx) {
    const json::object& o = asObject(value, path, ctx);
    audit::AuditEntry entry;
    for (const auto& [name, member] : kAuditMembers) {
        entry.*member = text(o, name, path, ctx, audit::kMaxFieldBytes, true);
    }
    if (const auto problem = audit::problemWith(entry)) {
        ctx.fail(path, *problem);
    }
    return entry;
}

}  // namespace

bool isValidBucketName(std::string_view name, std::size_t maxBytes) {
    if (name.empty() || name.size() > maxBytes) {
        return false;
    }
    const std::size_t colon = name.find(':');
    const std::string_view kind = name.substr(0, colon);
    if (kind.empty()) {
        return false;
    }
    for (const char c : kind) {
        if (c < 'a' || c > 'z') {
            return false;
        }
    }
    if (colon == std::string_view::npos) {
        return true;
    }
    const std::string_view id = name.substr(colon + 1);
    if (id.empty()) {
        return false;
    }
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

std::string encode(const PushRequest& message) {
    JsonWriter out(expectedBytes(message.ops.size()) + message.audit.size() * 512);
    out.beginObject()
        .numberMember("protocol", message.protocol)
        .stringMember("deviceId", message.deviceId)
        .key("ops")
        .beginArray();
    for (const OutboxOp& op : message.ops) {
        writeOp(out, op);
    }
    out.endArray();
    if (!message.audit.empty()) {
        out.key("audit").beginArray();
        for (const audit::AuditEntry& entry : message.audit) {
            writeAuditEntry(out, entry);
        }
        out.endArray();
    }
    out.endObject();
    return out.take();
}

std::string encode(const PushResponse& message) {
    JsonWriter out(256 + message.results.size() * 160);
    out.beginObject().numberMember("protocol", message.protocol).key("results").beginArray();
    for (const OpResult& r : message.results) {
        out.beginObject()
            .stringMember("opId", r.opId.toString())
            .numberMember("deviceSeq", r.deviceSeq)
            .stringMember("outcome", toString(r.outcome));
        if (r.original) {
            out.stringMember("original", toString(*r.original));
        }
        if (!r.reason.empty()) {
            out.stringMember("reason", r.reason);
        }
        if (r.serverVersion) {
            out.numberMember("serverVersion", *r.serverVersion);
        }
        out.endObject();
    }
    out.endArray()
        .numberMember("lastAppliedSeq", message.lastAppliedSeq)
        .stringMember("serverHlc", message.serverHlc.toString())
        .endObject();
    return out.take();
}

std::string encode(const PullRequest& message) {
    JsonWriter out(128);
    out.beginObject()
        .numberMember("protocol", message.protocol)
        .stringMember("bucket", message.bucket)
        .numberMember("cursor", message.cursor)
        .numberMember("limit", message.limit)
        .endObject();
    return out.take();
}

std::string encode(const PullResponse& message) {
    JsonWriter out(expectedBytes(message.changes.size()));
    out.beginObject()
        .numberMember("protocol", message.protocol)
        .stringMember("bucket", message.bucket)
        .key("changes")
        .beginArray();
    for (const Change& c : message.changes) {
        out.beginObject().numberMember("seq", c.seq);
        writeEntity(out.key("entity"), c.entity);
        out.numberMember("version", c.version);
        writeFields(out.key("fields"), c.fields);
        if (c.deleted) {
            out.booleanMember("deleted", true);
        }
        out.endObject();
    }
    out.endArray()
        .numberMember("cursor", message.cursor)
        .booleanMember("hasMore", message.hasMore)
        .stringMember("serverHlc", message.serverHlc.toString())
        .endObject();
    return out.take();
}

std::string encode(const Nudge& message) {
    JsonWriter out(96);
    out.beginObject()
        .numberMember("protocol", message.protocol)
        .stringMember("bucket", message.bucket)
        .numberMember("upTo", message.upTo)
        .endObject();
    return out.take();
}

PushRequest decodePushRequest(std::string_view input, const ProtocolLimits& limits) {
    const Context ctx{"push request", limits};
    json::monotonic_resource arena(input.size() * 2 + 1024);
    const json::value root = parse(input, ctx, arena);
    const json::object& o = asObject(root, "", ctx);
    checkProtocol(o, ctx);
    PushRequest message;
    message.protocol = static_cast<int>(o.at("protocol").get_int64());
    message.deviceId = identifier(o, "deviceId", "", ctx);
    const json::array& ops = array(o, "ops", ctx, limits.maxOpsPerPush);
    message.ops.reserve(ops.size());
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const std::string path = indexed("ops", i);
        OutboxOp op = decodeOp(ops[i], path, ctx);
        if (op.deviceId != message.deviceId) {
            ctx.fail(join(path, "deviceId"), "differs from the request's deviceId");
        }
        if (!message.ops.empty() && op.deviceSeq <= message.ops.back().deviceSeq) {
            ctx.fail(join(path, "deviceSeq"), "must be above the previous op's");
        }
        message.ops.push_back(std::move(op));
    }
    if (o.contains("audit")) {
        const json::array& entries = array(o, "audit", ctx, limits.maxAuditEntriesPerPush);
        message.audit.reserve(entries.size());
        for (std::size_t i = 0; i < entries.size(); ++i) {
            message.audit.push_back(decodeAuditEntry(entries[i], indexed("audit", i), ctx));
        }
    }
    return message;
}

PushResponse decodePushResponse(std::string_view input, const ProtocolLimits& limits) {
    const Context ctx{"push response", limits};
    json::monotonic_resource arena(input.size() * 2 + 1024);
    const json::value root = parse(input, ctx, arena);
    const json::object& o = asObject(root, "", ctx);
    checkProtocol(o, ctx);
    PushResponse message;
    message.protocol = static_cast<int>(o.at("protocol").get_int64());
    message.lastAppliedSeq = integer(o, "lastAppliedSeq", "", ctx, 0);
    message.serverHlc = hlc(o, "serverHlc", "", ctx);
    const json::array& results = array(o, "results", ctx, limits.maxOpsPerPush);
    message.results.reserve(results.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
        const std::string path = indexed("results", i);
        const json::object& r = asObject(results[i], path, ctx);
        OpResult result;
        result.opId = uuidV7(r, "opId", path, ctx);
        result.deviceSeq = integer(r, "deviceSeq", path, ctx, 1);
        const auto outcome = opOutcomeFromString(text(r, "outcome", path, ctx, 32));
        if (!outcome) {
            ctx.fail(join(path, "outcome"), "is not a known outcome");
        }
        result.outcome = *outcome;
        if (r.contains("original")) {
            result.original = opOutcomeFromString(text(r, "original", path, ctx, 32));
            if (!result.original || *result.original == OpOutcome::Duplicate ||
                *result.original == OpOutcome::Deferred) {
                ctx.fail(join(path, "original"), "must be applied, rejected or conflict");
            }
        }
        if ((result.outcome == OpOutcome::Duplicate) != result.original.has_value()) {
            ctx.fail(join(path, "original"), "is required for a duplicate and only for one");
        }
        if (const json::value* reason = r.if_contains("reason")) {
            result.reason = std::string{
                stringValue(*reason, join(path, "reason"), ctx, limits.maxReasonBytes, true)};
        }
        if (r.contains("serverVersion")) {
            result.serverVersion = integer(r, "serverVersion", path, ctx, 0);
        }
        message.results.push_back(std::move(result));
    }
    return message;
}

PullRequest decodePullRequest(std::string_view input, const ProtocolLimits& limits) {
    const Context ctx{"pull request", limits};
    json::monotonic_resource arena(input.size() * 2 + 1024);
    const json::value root = parse(input, ctx, arena);
    const json::object& o = asObject(root, "", ctx);
    checkProtocol(o, ctx);
    PullRequest message;
    message.protocol = static_cast<int>(o.at("protocol").get_int64());
    message.bucket = bucket(o, "bucket", "", ctx);
    message.cursor = integer(o, "cursor", "", ctx, 0);
    message.limit = static_cast<int>(
        integer(o, "limit", "", ctx, 1, static_cast<std::int64_t>(limits.maxChangesPerPull)));
    return message;
}

PullResponse decodePullResponse(std::string_view input, const ProtocolLimits& limits) {
    const Context ctx{"pull response", limits};
    json::monotonic_resource arena(input.size() * 2 + 1024);
    const json::value root = parse(input, ctx, arena);
    const json::object& o = asObject(root, "", ctx);
    checkProtocol(o, ctx);
    PullResponse message;
    message.protocol = static_cast<int>(o.at("protocol").get_int64());
    message.bucket = bucket(o, "bucket", "", ctx);
    message.cursor = integer(o, "cursor", "", ctx, 0);
    message.hasMore = boolean(o, "hasMore", "", ctx);
    message.serverHlc = hlc(o, "serverHlc", "", ctx);
    const json::array& changes = array(o, "changes", ctx, limits.maxChangesPerPull);
    message.changes.reserve(changes.size());
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const std::string path = indexed("changes", i);
        const json::object& c = asObject(changes[i], path, ctx);
        Change change;
        change.seq = integer(c, "seq", path, ctx, 1);
        if (!message.changes.empty() && change.seq <= message.changes.back().seq) {
            ctx.fail(join(path, "seq"), "must be above the previous change's");
        }
        if (change.seq > message.cursor) {
            ctx.fail(join(path, "seq"), "is above the response's cursor");
        }
        change.entity = entity(c, "entity", path, ctx);
        change.version = integer(c, "version", path, ctx, 1);
        change.fields = fields(c, "fields", path, ctx);
        change.deleted = boolean(c, "deleted", path, ctx, false);
        message.changes.push_back(std::move(change));
    }
    return message;
}

Nudge decodeNudge(std::string_view input, const ProtocolLimits& limits) {
    const Context ctx{"nudge", limits};
    json::monotonic_resource arena(input.size() * 2 + 1024);
    const json::value root = parse(input, ctx, arena);
    const json::object& o = asObject(root, "", ctx);
    checkProtocol(o, ctx);
    Nudge message;
    message.protocol = static_cast<int>(o.at("protocol").get_int64());
    message.bucket = bucket(o, "bucket", "", ctx);
    message.upTo = integer(o, "upTo", "", ctx, 0);
    return message;
}

}  // namespace kep::sync
