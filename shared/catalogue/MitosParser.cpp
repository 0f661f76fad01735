#include "shared/catalogue/MitosParser.h"

#include <unordered_map>
#include <utility>

#include <boost/json/serialize.hpp>

#include "shared/catalogue/JsonFraming.h"
#include "shared/catalogue/MitosRecord.h"

namespace kep::catalogue {

namespace json = boost::json;

namespace {

std::string sizeReason(std::string_view what, std::size_t bytes, std::size_t limit) {
    return std::string(what) + " is " + std::to_string(bytes) + " bytes, over the limit of " +
           std::to_string(limit);
}

// Turns framed records into procedures and rejections, numbering them in input order.
class RecordSink {
public:
    RecordSink(Language language, const ParseLimits& limits, MitosParseResult& out)
        : language_(language)
        , limits_(limits)
        , out_(out) {}

    void reject(std::size_t line, std::string reason, std::string id = {}) {
        if (admit(line)) {
            out_.rejections.push_back({{next_++, line, std::move(id)}, std::move(reason)});
        }
    }

    // A document whose size has been checked, or a list endpoint wrapper whose elements have
    // not (`sized` false): those are measured here.
    void document(json::value doc, std::size_t line, bool sized) {
        json::object* wrapper = doc.if_object();
        json::value* data =
            wrapper != nullptr && !wrapper->contains("id") ? wrapper->if_contains("data") : nullptr;
        if (data != nullptr && data->is_array()) {
            for (json::value& element : data->get_array()) {
                if (!sized) {
                    const std::size_t bytes = json::serialize(element).size();
                    if (bytes > limits_.maxRecordBytes) {
                        reject(line, sizeReason("the record", bytes, limits_.maxRecordBytes));
                        continue;
                    }
                }
                record(std::move(element), line);
            }
            return;
        }
        if (!sized) {
            const std::size_t bytes = json::serialize(doc).size();
            if (bytes > limits_.maxRecordBytes) {
                RecordOutcome probe = readMitosRecord(doc, language_, limits_);
                reject(line, sizeReason("the record", bytes, limits_.maxRecordBytes),
                       std::move(probe.id));
                return;
            }
        }
        record(std::move(doc), line);
    }

    // One framed record as text: size-checked, parsed, read.
    void text(std::string_view bytes, std::size_t line) {
        if (bytes.size() > limits_.maxRecordBytes) {
            reject(line, sizeReason("the record", bytes.size(), limits_.maxRecordBytes));
            return;
        }
        json::value doc;
        if (const auto failure = framing::parseJson(bytes, limits_.maxDepth, doc)) {
            const auto at = framing::positionOf(bytes, failure->offset);
            reject(line, "not valid JSON: " + failure->message + " at line " +
                             std::to_string(line + at.line - 1) + ", column " +
                             std::to_string(at.column));
            return;
        }
        document(std::move(doc), line, true);
    }

    // False once limits.maxRecords is reached: the first record over it is reported once.
    bool admit(std::size_t line) {
        if (next_ < limits_.maxRecords) {
            return true;
        }
        if (!overflowReported_) {
            overflowReported_ = true;
            out_.rejections.push_back({{next_, line, {}},
                                       "more than " + std::to_string(limits_.maxRecords) +
                                           " records; this one and the rest were not read"});
        }
        return false;
    }

private:
    void record(json::value doc, std::size_t line) {
        if (!admit(line)) {
            return;
        }
        RecordOutcome outcome = readMitosRecord(std::move(doc), language_, limits_);
        RecordPosition at{next_++, line, outcome.id};
        if (!outcome.procedure) {
            out_.rejections.push_back({std::move(at), std::move(outcome.rejection)});
            return;
        }
        const auto [seen, fresh] = firstSeen_.try_emplace(outcome.id, at);
        if (!fresh) {
            out_.rejections.push_back(
                {std::move(at),
                 "id " + outcome.id + " appeared already in record " +
                     std::to_string(seen->second.index + 1) +
                     (seen->second.line > 0 ? " (line " + std::to_string(seen->second.line) + ")"
                                            : std::string())});
            return;
        }
        for (std::string& warning : outcome.warnings) {
            out_.warnings.push_back({at, std::move(warning)});
        }
        out_.procedures.push_back(std::move(*outcome.procedure));
    }

    Language language_;
    const ParseLimits& limits_;
    MitosParseResult& out_;
    std::unordered_map<std::string, RecordPosition> firstSeen_;
    std::size_t next_ = 0;
    bool overflowReported_ = false;
};

std::size_t firstNonSpace(std::string_view text) {
    const std::size_t at = text.find_first_not_of(" \t\r\n");
    return at == std::string_view::npos ? text.size() : at;
}

void readArray(std::string_view text, std::size_t open, RecordSink& sink) {
    const framing::ArrayElements array = framing::splitTopLevelArray(text, open);
    std::size_t line = framing::positionOf(text, open).line;
    std::size_t counted = open;
    for (const framing::Span& span : array.elements) {
        if (!sink.admit(line)) {
            return;
        }
        const std::size_t begin = span.begin + firstNonSpace(text.substr(span.begin));
        for (; counted < begin && counted < text.size(); ++counted) {
            line += text[counted] == '\n' ? 1 : 0;
        }
        sink.text(text.substr(span.begin, span.end - span.begin), line);
    }
    if (array.errorOffset) {
        const auto at = framing::positionOf(text, *array.errorOffset);
        const bool truncated = *array.errorOffset >= text.size();
        sink.reject(at.line, std::string(truncated ? "the array is not closed: the input ends"
                                                   : "the array is malformed") +
                                 " at line " + std::to_string(at.line) + ", column " +
                                 std::to_string(at.column));
    }
}

void readJsonLines(std::string_view text, RecordSink& sink) {
    std::size_t start = 0;
    std::size_t line = 1;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view record = text.substr(start, end - start);
        if (firstNonSpace(record) < record.size()) {
            if (!sink.admit(line)) {
                return;
            }
            sink.text(record, line);
        }
        start = end + 1;
        ++line;
    }
}

void readSingleDocument(std::string_view text, std::size_t first, RecordSink& sink,
                        const ParseLimits& limits) {
    json::value doc;
    if (const auto failure = framing::parseJson(text, limits.maxDepth, doc)) {
        const auto at = framing::positionOf(text, failure->offset);
        sink.reject(framing::positionOf(text, first).line,
                    "the input is not JSON: " + failure->message + " at line " +
                        std::to_string(at.line) + ", column " + std::to_string(at.column));
        return;
    }
    sink.document(std::move(doc), framing::positionOf(text, first).line,
                  text.size() <= limits.maxRecordBytes);
}

}  // namespace

MitosParseResult parseMitos(std::string_view bytes, Language language, const ParseLimits& limits) {
    MitosParseResult result;
    RecordSink sink(language, limits, result);
    if (bytes.size() > limits.maxInputBytes) {
        sink.reject(0, sizeReason("the input", bytes.size(), limits.maxInputBytes));
        return result;
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        bytes.remove_prefix(3);  // offsets below count from after the byte-order mark
    }
    const std::size_t first = firstNonSpace(bytes);
    if (first == bytes.size()) {
        sink.reject(0, "the input is empty");
        return result;
    }
    if (bytes[first] == '[') {
        readArray(bytes, first, sink);
    } else if (framing::looksLikeJsonLines(bytes)) {
        readJsonLines(bytes, sink);
    } else {
        readSingleDocument(bytes, first, sink, limits);
    }
    return result;
}

}  // namespace kep::catalogue
