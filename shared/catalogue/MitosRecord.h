// Reads one services-extended document of the MITOS register into a Procedure: lenient where a
// conversion keeps the meaning (a number where text was expected), strict where it would not.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "shared/catalogue/LocalizedText.h"
#include "shared/catalogue/ParseLimits.h"
#include "shared/catalogue/Procedure.h"

namespace kep::catalogue {

// Something an accepted record lost, or holds that cannot be right, in one of its fields.
struct FieldWarning {
    std::string field;    // the register's member name, e.g. "deadline_duration"
    std::string message;  // English, starting with the field's name
};

struct RecordOutcome {
    std::optional<Procedure> procedure;  // set when the record was accepted
    std::string id;                      // the record's id when it has one, accepted or not
    std::string rejection;               // why it was rejected, when it was
    // Accepted with a loss the importer should show: a cost that is not a number, a duration
    // that is not ISO 8601, text where a list was expected that could only be dropped, a
    // deadline longer than kMaxPlausibleDeadlineYears (Procedure.h), ...
    std::vector<FieldWarning> warnings;
};

// `document` is {"success":true,"data":{...}} or the bare data object, as fetched with
// `?lang=<language>`: its texts fill the `language` side of every LocalizedText (a `title`
// object {el,en} fills both). The data object is moved into procedure.documents verbatim.
// Rejected: not an object, success:false, no id (or an id that is not text or a whole number),
// no title at all (title.el, title.en, official_title), a list that is not a list, a list item
// that is not an object where one is expected, more than limits.maxListItems items in a list.
// Never throws for bad data.
RecordOutcome readMitosRecord(boost::json::value document, Language language,
                              const ParseLimits& limits = {});

}  // namespace kep::catalogue
