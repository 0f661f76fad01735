#include "shared/catalogue/MitosParser.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <utility>

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

    // A parsed document no larger than limits.maxRecordBytes: one record, or the list
    // endpoint's wrapper whose elements are the records.
    void document(json::value doc, std::size_t line) {
        json::object* wrapper = doc.if_object();
        json::value* data =
            wrapper != nullptr && !wrapper->contains("id") ? wrapper->if_contains("data") : nullptr;
        if (data != nullptr && data->is_array()) {
            for (json::value& element : data->get_array()) {
                record(std::move(element), line);
            }
            return;
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
        document(std::move(doc), line);
    }

    // The id of a record too large to parse, read from the text of its id member alone (up to
    // eight bytes of text for each byte of id: room for quotes, blanks and \u escapes).
    std::string idFrom(std::string_view idJson) const {
        json::value id;
        if (idJson.size() > 8 * limits_.maxIdBytes || framing::parseJson(idJson, 1, id)) {
            return {};
        }
        json::object probe;
        probe.emplace("id", std::move(id));
        return readMitosRecord(json::value(std::move(probe)), language_, limits_).id;
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
        for (FieldWarning& warning : outcome.warnings) {
            out_.warnings.push_back({at, std::move(warning.field), std::move(warning.message)});
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
    return framing::skipSpace(text, 0);
}

void rejectBrokenArray(std::string_view text, std::size_t offset, RecordSink& sink) {
    const auto at = framing::positionOf(text, offset);
    const bool truncated = offset >= text.size();
    sink.reject(at.line, std::string(truncated ? "the array is not closed: the input ends"
                                               : "the array is malformed") +
                             " at line " + std::to_string(at.line) + ", column " +
                             std::to_string(at.column));
}

// Reads the elements of the array that opens at text[open] as records, one at a time, each
// numbered with the line it starts on. Returns one past the closing ']'; nothing when the
// array broke (reported) or limits.maxRecords stopped the reading, which then goes no further
// into the input than the first record over the limit.
std::optional<std::size_t> readElements(std::string_view text, std::size_t open, RecordSink& sink) {
    framing::ArrayElements elements(text, open);
    std::size_t line = framing::positionOf(text, open).line;
    std::size_t counted = open;
    while (const auto span = elements.next()) {
        const std::size_t begin = framing::skipSpace(text, span->begin);
        for (; counted < begin && counted < text.size(); ++counted) {
            line += text[counted] == '\n' ? 1 : 0;
        }
        if (!sink.admit(line)) {
            return std::nullopt;
        }
        sink.text(text.substr(span->begin, span->end - span->begin), line);
    }
    if (const auto broken = elements.errorOffset()) {
        rejectBrokenArray(text, *broken, sink);
        return std::nullopt;
    }
    return elements.end();
}

void readArray(std::string_view text, std::size_t open, RecordSink& sink) {
    if (const auto end = readElements(text, open, sink)) {
        if (const std::size_t after = framing::skipSpace(text, *end); after < text.size()) {
            rejectBrokenArray(text, after, sink);
        }
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

// An object over limits.maxRecordBytes, read without its JSON tree (a tree takes several
// times the text's size): the list endpoint's wrapper gives its records one at a time; any
// other object is one record over the limit, named by its id when the id can be found.
void readLargeObject(std::string_view text, std::size_t open, RecordSink& sink,
                     const ParseLimits& limits) {
    const std::size_t line = framing::positionOf(text, open).line;
    std::optional<framing::Span> id;
    std::optional<framing::Span> data;
    framing::ObjectMembers members(text, open);
    while (auto member = members.next()) {
        if (member->key == "id") {
            id = member->value;
        } else if (member->key == "data") {
            data = member->value;
        }
    }
    std::optional<std::size_t> broken = members.errorOffset();
    if (!broken && framing::skipSpace(text, *members.end()) < text.size()) {
        broken = framing::skipSpace(text, *members.end());
    }
    if (broken) {
        const auto at = framing::positionOf(text, *broken);
        sink.reject(line, std::string("the input is not JSON: ") +
                              (*broken >= text.size() ? "the input ends inside the object"
                                                      : "unexpected character") +
                              " at line " + std::to_string(at.line) + ", column " +
                              std::to_string(at.column));
        return;
    }
    if (!id && data && text[data->begin] == '[') {
        readElements(text, data->begin, sink);
        return;
    }
    if (!id && data && text[data->begin] == '{') {
        framing::ObjectMembers inner(text, data->begin);
        while (auto member = inner.next()) {
            if (member->key == "id") {
                id = member->value;
            }
        }
    }
    sink.reject(line, sizeReason("the record", text.size(), limits.maxRecordBytes),
                id ? sink.idFrom(text.substr(id->begin, id->end - id->begin)) : std::string());
}

void readSingleDocument(std::string_view text, std::size_t first, RecordSink& sink,
                        const ParseLimits& limits) {
    const std::size_t line = framing::positionOf(text, first).line;
    if (text.size() > limits.maxRecordBytes) {
        if (text[first] == '{') {
            readLargeObject(text, first, sink, limits);
        } else {
            sink.reject(line, sizeReason("the record", text.size(), limits.maxRecordBytes));
        }
        return;
    }
    json::value doc;
    if (const auto failure = framing::parseJson(text, limits.maxDepth, doc)) {
        const auto at = framing::positionOf(text, failure->offset);
        sink.reject(line, "the input is not JSON: " + failure->message + " at line " +
                              std::to_string(at.line) + ", column " + std::to_string(at.column));
        return;
    }
    sink.document(std::move(doc), line);
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
