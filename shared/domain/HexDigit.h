// The value of one hexadecimal digit, for the decoders that read hex text (percent-encoded
// request targets, PostgreSQL's bytea output); -1 for a character that is not one.
#pragma once

namespace kep::domain {

constexpr int hexDigitValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace kep::domain
