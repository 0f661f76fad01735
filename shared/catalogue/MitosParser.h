// Reads what the MITOS register publishes, or a file saved from it, into procedures (one document,
// an array of them, or JSON Lines); bad records are reported one by one and never stop the rest.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "shared/catalogue/LocalizedText.h"
#include "shared/catalogue/ParseLimits.h"
#include "shared/catalogue/Procedure.h"

namespace kep::catalogue {

// Where a record sits in the input, for the importer's report ("file:line id: reason").
struct RecordPosition {
    std::size_t index = 0;  // 0-based, in input order, over good and bad records alike
    std::size_t line = 0;   // 1-based line where the record starts; 0 when not known
    std::string id;         // the record's id when it has one
};

struct Rejection {
    RecordPosition at;
    std::string reason;
};

// An accepted record that lost something, or holds something implausible, in one field.
struct ParseWarning {
    RecordPosition at;
    std::string field;    // the register's member name, e.g. "deadline_duration", "cost_min"
    std::string message;  // English, names the field and the value as the register wrote it
};

struct MitosParseResult {
    std::vector<Procedure> procedures;  // accepted, in input order, `language` side filled
    std::vector<Rejection> rejections;
    std::vector<ParseWarning> warnings;  // accepted records that lost something (MitosRecord.h)
};

// Parses `bytes` (UTF-8, an optional BOM) fetched or saved in `language`. Shapes:
//   - one document: {"success":true,"data":{...}} or the bare data object;
//   - {"success":true,"data":[...]}: each element a record (the list endpoint's shape);
//   - a JSON array of documents;
//   - JSON Lines: one document per line (blank lines skipped).
// Each record is read by readMitosRecord(); an id seen earlier in the same input is rejected.
// Input that is not JSON at all gives one rejection naming the parser's error, line and column;
// in an array or JSON Lines, a broken element or line rejects that record only. A record
// larger than limits.maxRecordBytes is rejected before it is parsed; input over
// limits.maxInputBytes is rejected without reading.
// Memory stays bounded by the limits, not by the input: records are found by scanning the
// text, and no JSON tree is built for more than limits.maxRecordBytes at a time. So a
// single-document input over that size is either the list endpoint's wrapper, whose elements
// are then read one by one (each numbered with its own line), or one record over the limit,
// rejected under its id when the id member can be found. Reading stops at the first record
// beyond limits.maxRecords: it gets one rejection, and the input after it is not looked at.
// Never throws for bad data.
MitosParseResult parseMitos(std::string_view bytes, Language language,
                            const ParseLimits& limits = {});

}  // namespace kep::catalogue
