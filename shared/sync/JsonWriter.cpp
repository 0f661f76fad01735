#include "shared/sync/JsonWriter.h"

#include <charconv>

namespace kep::sync {

namespace {

bool needsEscape(char c) {
    return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

void appendEscaped(std::string& out, char c) {
    switch (c) {
        case '"':
            out += "\\\"";
            return;
        case '\\':
            out += "\\\\";
            return;
        case '\b':
            out += "\\b";
            return;
        case '\f':
            out += "\\f";
            return;
        case '\n':
            out += "\\n";
            return;
        case '\r':
            out += "\\r";
            return;
        case '\t':
            out += "\\t";
            return;
        default:
            break;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(c);
    out += "\\u00";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
}

}  // namespace

JsonWriter::JsonWriter(std::size_t reserveBytes) {
    out_.reserve(reserveBytes);
}

void JsonWriter::separate() {
    if (afterItem_) {
        out_ += ',';
    }
}

JsonWriter& JsonWriter::beginObject() {
    separate();
    out_ += '{';
    afterItem_ = false;
    return *this;
}

JsonWriter& JsonWriter::endObject() {
    out_ += '}';
    afterItem_ = true;
    return *this;
}

JsonWriter& JsonWriter::beginArray() {
    separate();
    out_ += '[';
    afterItem_ = false;
    return *this;
}

JsonWriter& JsonWriter::endArray() {
    out_ += ']';
    afterItem_ = true;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    string(name);
    out_ += ':';
    afterItem_ = false;  // the value that follows takes no comma
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    separate();
    out_ += '"';
    std::size_t run = 0;  // the start of the bytes not yet copied
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (needsEscape(text[i])) {
            out_.append(text.data() + run, i - run);
            appendEscaped(out_, text[i]);
            run = i + 1;
        }
    }
    out_.append(text.data() + run, text.size() - run);
    out_ += '"';
    afterItem_ = true;
    return *this;
}

JsonWriter& JsonWriter::number(std::int64_t value) {
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out_.append(digits, end);
    afterItem_ = true;
    return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
    separate();
    out_ += value ? "true" : "false";
    afterItem_ = true;
    return *this;
}

}  // namespace kep::sync
