#include "metrics/Exposition.h"

#include <charconv>
#include <cmath>

namespace kep::server::metrics {

namespace {

std::string escapeHelp(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string escapeLabelValue(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (const char c : value) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '"') {
            out += "\\\"";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

void Exposition::family(std::string_view name, std::string_view type, std::string_view help) {
    text_.append("# HELP ").append(name).append(" ").append(escapeHelp(help)).append("\n");
    text_.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

void Exposition::labels(const Labels& labels) {
    if (labels.empty()) {
        return;
    }
    text_ += '{';
    bool first = true;
    for (const auto& [name, value] : labels) {
        if (!first) {
            text_ += ',';
        }
        first = false;
        text_.append(name).append("=\"").append(escapeLabelValue(value)).append("\"");
    }
    text_ += '}';
}

void Exposition::sample(std::string_view name, const Labels& labels, double value) {
    text_.append(name);
    this->labels(labels);
    text_ += ' ';
    if (std::isinf(value)) {
        text_ += value > 0 ? "+Inf" : "-Inf";
    } else if (std::isnan(value)) {
        text_ += "NaN";
    } else {
        char buffer[32];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
        text_.append(buffer, end);
    }
    text_ += '\n';
}

void Exposition::sample(std::string_view name, const Labels& labels, std::uint64_t value) {
    text_.append(name);
    this->labels(labels);
    text_.append(" ").append(std::to_string(value)).append("\n");
}

}  // namespace kep::server::metrics
