// JSON text written straight into a string, for what sync sends and stores per op (push and pull
// messages, the server's rows): no document tree is built, so encoding allocates only its output.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kep::sync {

// Compact JSON (no spaces), members in the order written, strings escaped as Boost.JSON's
// serializer escapes them ('"', '\\' and control characters; UTF-8 passes through as is), so
// the text is the same as serialize() of the equivalent document. The caller writes a well-formed
// sequence: begin/end pairs match, and every member value follows its key.
class JsonWriter {
public:
    explicit JsonWriter(std::size_t reserveBytes = 0);

    JsonWriter& beginObject();
    JsonWriter& endObject();
    JsonWriter& beginArray();
    JsonWriter& endArray();
    JsonWriter& key(std::string_view name);  // inside an object, before its value
    JsonWriter& string(std::string_view text);
    JsonWriter& number(std::int64_t value);
    JsonWriter& boolean(bool value);

    JsonWriter& stringMember(std::string_view name, std::string_view text) {
        return key(name).string(text);
    }
    JsonWriter& numberMember(std::string_view name, std::int64_t value) {
        return key(name).number(value);
    }
    JsonWriter& booleanMember(std::string_view name, bool value) {
        return key(name).boolean(value);
    }

    const std::string& text() const { return out_; }
    std::string take() { return std::move(out_); }

private:
    void separate();  // the comma before an item that follows another in its container

    std::string out_;
    bool afterItem_ = false;
};

}  // namespace kep::sync
