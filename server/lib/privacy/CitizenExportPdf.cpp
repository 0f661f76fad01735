// citizenExportPdf(): the export's JSON laid out as labelled rows for reports::tablePdf.
#include "privacy/CitizenExport.h"

#include "reports/TablePdf.h"

#include <boost/json/serialize.hpp>

namespace kep::server::privacy {

namespace json = boost::json;

namespace {

constexpr std::size_t kValueCodePoints = 58;  // what fits right of a label on A4 at 10 pt

struct Words {
    const char* title;
    const char* generated;
    const char* citizen;
    const char* caseLabel;
    const char* status;
    const char* history;
    const char* document;
    const char* notification;
    const char* auditEntries;
    const char* none;
};

constexpr Words kGreek{"Αντίγραφο προσωπικών δεδομένων (άρθρο 15 ΓΚΠΔ)",
                       "Συντάχθηκε",
                       "ΑΦΜ",
                       "Υπόθεση",
                       "Κατάσταση",
                       "Ιστορικό",
                       "Έγγραφο",
                       "Ειδοποίηση",
                       "Εγγραφές ελέγχου",
                       "Καμία υπόθεση"};
constexpr Words kEnglish{"Copy of personal data (GDPR Article 15)",
                         "Generated",
                         "Tax id (AFM)",
                         "Case",
                         "Status",
                         "History",
                         "Document",
                         "Notification",
                         "Audit entries",
                         "No case"};

std::string text(const json::value& value) {
    return value.is_string() ? std::string(value.as_string()) : json::serialize(value);
}

// Long values continue on the next rows (split between UTF-8 code points), label left blank.
void addRow(reports::PdfRows& rows, std::string label, const std::string& value) {
    std::size_t start = 0;
    do {
        std::size_t end = start;
        for (std::size_t points = 0; end < value.size() && points < kValueCodePoints; ++points) {
            ++end;
            while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) {
                ++end;
            }
        }
        rows.emplace_back(std::exchange(label, std::string{}), value.substr(start, end - start));
        start = end;
    } while (start < value.size());
}

}  // namespace

std::string citizenExportPdf(const CitizenExport& exported, ExportLanguage language) {
    const bool greek = language == ExportLanguage::Greek;
    const Words& words = greek ? kGreek : kEnglish;
    const auto& document = exported.document;
    reports::PdfRows rows;
    addRow(rows, words.citizen, text(document.at("tax_id")));
    addRow(rows, words.generated, text(document.at("generated_at")));
    const auto& cases = document.at("cases").as_array();
    if (cases.empty()) {
        addRow(rows, words.none, "");
    }
    for (const auto& item : cases) {
        const auto& c = item.as_object();
        rows.emplace_back("", "");
        addRow(rows, std::string(words.caseLabel) + " " + text(c.at("protocol_number")),
               text(c.at("id")));
        addRow(rows, words.status, text(c.at("status")));
        for (const auto& [name, value] : c.at("fields").as_object()) {
            addRow(rows, "  " + std::string(name), text(value));
        }
        for (const auto& step : c.at("history").as_array()) {
            const auto& entry = step.as_object();
            addRow(
                rows, words.history,
                text(entry.at("at")) + " " + text(entry.at("from")) + " → " + text(entry.at("to")));
        }
        for (const auto& file : c.at("documents").as_array()) {
            addRow(rows, words.document, text(file.as_object().at("sha256")));
        }
        for (const auto& notice : c.at("notifications").as_array()) {
            const auto& entry = notice.as_object();
            addRow(rows, words.notification,
                   text(entry.at("created_at")) + " " + text(entry.at("notice")) + " " +
                       text(entry.at("channel")) + " " + text(entry.at("state")));
        }
        addRow(rows, words.auditEntries, std::to_string(c.at("audit").as_array().size()));
    }
    return reports::tablePdf(words.title, rows, greek);
}

}  // namespace kep::server::privacy
