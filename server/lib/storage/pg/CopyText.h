// Rows in PostgreSQL's COPY text format, for Connection::copyIn(): values separated by tabs, rows
// by newlines, backslash escapes for what would break the format, \N for NULL.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kep::server::pg {

class CopyText {
public:
    explicit CopyText(std::size_t reserveBytes = 0) { out_.reserve(reserveBytes); }

    CopyText& text(std::string_view value) {
        separate();
        for (const char c : value) {
            switch (c) {
                case '\\':
                    out_ += "\\\\";
                    break;
                case '\t':
                    out_ += "\\t";
                    break;
                case '\n':
                    out_ += "\\n";
                    break;
                case '\r':
                    out_ += "\\r";
                    break;
                default:
                    out_ += c;
            }
        }
        return *this;
    }
    CopyText& number(std::int64_t value) {
        separate();
        out_ += std::to_string(value);
        return *this;
    }
    // bytea's hex input form, its backslash escaped for COPY.
    CopyText& bytes(const std::uint8_t* data, std::size_t size) {
        static constexpr char kDigits[] = "0123456789abcdef";
        separate();
        out_ += "\\\\x";
        for (std::size_t i = 0; i < size; ++i) {
            out_ += kDigits[data[i] >> 4U];
            out_ += kDigits[data[i] & 0x0fU];
        }
        return *this;
    }
    CopyText& null() {
        separate();
        out_ += "\\N";
        return *this;
    }
    CopyText& endRow() {
        out_ += '\n';
        rowOpen_ = false;
        return *this;
    }

    const std::string& data() const { return out_; }
    bool empty() const { return out_.empty(); }

private:
    void separate() {
        if (rowOpen_) {
            out_ += '\t';
        }
        rowOpen_ = true;
    }

    std::string out_;
    bool rowOpen_ = false;
};

}  // namespace kep::server::pg
