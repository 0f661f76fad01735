#include "shared/catalogue/CanonicalForm.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include <openssl/evp.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

namespace kep::catalogue {

namespace json = boost::json;

namespace {

std::string normalisedString(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    s = s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            continue;
        }
        out.push_back(s[i]);
    }
    return out;
}

void write(std::string& out, const json::value& v);

void writeString(std::string& out, std::string_view s) {
    out += json::serialize(json::string_view(normalisedString(s)));
}

void write(std::string& out, const json::value& v) {
    switch (v.kind()) {
        case json::kind::object: {
            const json::object& o = v.get_object();
            std::vector<const json::key_value_pair*> members;
            members.reserve(o.size());
            for (const json::key_value_pair& member : o) {
                members.push_back(&member);
            }
            std::sort(members.begin(), members.end(), [](const auto* a, const auto* b) {
                return std::string_view(a->key()) < std::string_view(b->key());
            });
            out.push_back('{');
            bool first = true;
            std::string member;
            for (const json::key_value_pair* m : members) {
                // Judged after normalising, so that {"a": null} is as empty as {}.
                member.clear();
                write(member, m->value());
                if (member == "null" || member == "\"\"" || member == "[]" || member == "{}") {
                    continue;
                }
                if (!first) {
                    out.push_back(',');
                }
                first = false;
                out += json::serialize(json::string_view(m->key()));
                out.push_back(':');
                out += member;
            }
            out.push_back('}');
            return;
        }
        case json::kind::array: {
            out.push_back('[');
            bool first = true;
            for (const json::value& element : v.get_array()) {
                if (!first) {
                    out.push_back(',');
                }
                first = false;
                write(out, element);
            }
            out.push_back(']');
            return;
        }
        case json::kind::string:
            writeString(out, v.get_string());
            return;
        case json::kind::double_: {
            const double d = v.get_double();
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9e18) {
                out += std::to_string(static_cast<long long>(d));
                return;
            }
            out += json::serialize(v);
            return;
        }
        default:
            out += json::serialize(v);
            return;
    }
}

}  // namespace

std::string canonicalJson(const json::value& value) {
    std::string out;
    write(out, value);
    return out;
}

std::string canonicalJson(const Procedure& procedure) {
    std::string out = "{";
    for (const Language language : {Language::El, Language::En}) {
        const json::value& document = procedure.documents.in(language);
        if (document.is_null()) {
            continue;
        }
        out += '"';
        out += languageCode(language);
        out += "\":";
        write(out, document);
        out += ',';
    }
    out += "\"id\":";
    writeString(out, procedure.id);
    out += '}';
    return out;
}

std::string sha256Hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 0x0F]);
    }
    return hex;
}

std::string contentHash(const Procedure& procedure) {
    return sha256Hex(canonicalJson(procedure));
}

}  // namespace kep::catalogue
