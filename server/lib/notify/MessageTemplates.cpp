#include "notify/MessageTemplates.h"

#include "notify/SmsText.h"
#include "shared/domain/Utf8.h"

#include <algorithm>
#include <array>

namespace kep::server::notify {

namespace {

// One notice's texts in one language. In `line`, {title} becomes the quoted title with a space
// before it (or nothing), {protocol} the protocol number, {reason} ": <reason>" (or ".").
struct Template {
    std::string_view line;
    std::string_view subject;  // after "ΚΕΠ — αίτηση <protocol>: " / "KEP — application …: "
    std::string_view advice;  // the e-mail's second paragraph
};

constexpr std::array kGreek{
    Template{"ΚΕΠ: Η αίτησή σας{title} καταχωρίστηκε με αριθμό πρωτοκόλλου {protocol}.",
             "καταχωρίστηκε",
             "Με τον αριθμό πρωτοκόλλου μπορείτε να δείτε την πορεία της αίτησης."},
    Template{"ΚΕΠ: Για την αίτησή σας{title}, αρ. πρωτ. {protocol}, χρειάζονται επιπλέον "
             "δικαιολογητικά{reason}",
             "χρειάζονται δικαιολογητικά",
             "Η προθεσμία διεκπεραίωσης αναστέλλεται μέχρι να προσκομίσετε τα δικαιολογητικά στο "
             "ΚΕΠ."},
    Template{"ΚΕΠ: Το αποτέλεσμα της αίτησής σας{title}, αρ. πρωτ. {protocol}, είναι έτοιμο "
             "στο ΚΕΠ.",
             "το αποτέλεσμα είναι έτοιμο",
             "Παραλάβετέ το από το ΚΕΠ με την απόδειξη κατάθεσης ή τον αριθμό πρωτοκόλλου και "
             "ένα έγγραφο ταυτοποίησης."},
    Template{"ΚΕΠ: Η αίτησή σας{title}, αρ. πρωτ. {protocol}, απορρίφθηκε{reason}", "απορρίφθηκε",
             "Για πληροφορίες απευθυνθείτε στο ΚΕΠ με τον αριθμό πρωτοκόλλου."},
};

constexpr std::array kEnglish{
    Template{"KEP: Your application{title} was filed with protocol number {protocol}.", "filed",
             "You can follow it with its protocol number."},
    Template{"KEP: Your application{title}, protocol no. {protocol}, needs more "
             "documents{reason}",
             "more documents needed",
             "The deadline for your application stops until you bring the documents to the KEP."},
    Template{"KEP: The result of your application{title}, protocol no. {protocol}, is ready at "
             "the KEP.",
             "result ready",
             "Collect it at the KEP with your receipt or protocol number and an identity "
             "document."},
    Template{"KEP: Your application{title}, protocol no. {protocol}, was rejected{reason}",
             "rejected", "For information, contact the KEP with your protocol number."},
};

constexpr std::string_view kGreekFooter =
    "Το μήνυμα στάλθηκε αυτόματα από τα Κέντρα Εξυπηρέτησης Πολιτών· μην απαντήσετε σε αυτό.";
constexpr std::string_view kEnglishFooter =
    "This message was sent automatically by the Citizens' Service Centres (KEP); do not reply "
    "to it.";

// Characters an over-long SMS loses per round beyond its excess: the ellipsis (up to three) and
// some of the room that breaking parts at spaces leaves unused.
constexpr std::size_t kCutStep = 8;

const Template& templateOf(StatusNotice notice, Language language) {
    const auto index = static_cast<std::size_t>(notice);
    return language == Language::English ? kEnglish[index] : kGreek[index];
}

std::string quotedTitle(std::string_view title, Language language) {
    if (title.empty()) {
        return {};
    }
    const std::string_view open = language == Language::English ? " \"" : " «";
    const std::string_view close = language == Language::English ? "\"" : "»";
    return std::string{open} + std::string{title} + std::string{close};
}

std::string reasonPart(std::string_view reason) {
    return reason.empty() ? std::string{"."} : ": " + std::string{reason};
}

void replaceAll(std::string& text, std::string_view name, std::string_view value) {
    for (auto at = text.find(name); at != std::string::npos;
         at = text.find(name, at + value.size())) {
        text.replace(at, name.size(), value);
    }
}

std::string line(const Template& words, Language language, const NoticeValues& values) {
    std::string text{words.line};
    replaceAll(text, "{title}", quotedTitle(values.procedureTitle, language));
    replaceAll(text, "{protocol}", values.protocolNumber);
    replaceAll(text, "{reason}", reasonPart(values.reason));
    return text;
}

std::size_t characters(std::string_view utf8) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < utf8.size(); ++count) {
        domain::utf8::decode(utf8, pos);
    }
    return count;
}

// The first `keep` characters of `text` and an ellipsis (three dots in a text that is otherwise
// GSM 7-bit, where "…" would force the whole SMS into UCS-2).
std::string shortened(std::string_view text, std::size_t keep, SmsEncoding encoding) {
    std::size_t pos = 0;
    for (std::size_t kept = 0; kept < keep && pos < text.size(); ++kept) {
        domain::utf8::decode(text, pos);
    }
    std::string out{text.substr(0, pos)};
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out + (encoding == SmsEncoding::Gsm7 ? "..." : "…");
}

}  // namespace

Language languageOf(std::string_view code) {
    return code == "en" ? Language::English : Language::Greek;
}

std::string_view toString(Language language) {
    return language == Language::English ? "en" : "el";
}

EmailText emailText(StatusNotice notice, Language language, const NoticeValues& values) {
    const Template& words = templateOf(notice, language);
    const bool english = language == Language::English;
    EmailText email;
    email.subject = std::string{english ? "KEP — application " : "ΚΕΠ — αίτηση "} +
                    values.protocolNumber + ": " + std::string{words.subject};
    email.body = line(words, language, values) + "\n\n" + std::string{words.advice} + "\n\n" +
                 std::string{english ? kEnglishFooter : kGreekFooter} + "\n";
    return email;
}

std::string smsText(StatusNotice notice, Language language, const NoticeValues& values) {
    const Template& words = templateOf(notice, language);
    NoticeValues fitted = values;
    for (;;) {
        std::string text = line(words, language, fitted);
        const std::size_t reasonLength = characters(fitted.reason);
        const std::size_t titleLength = characters(fitted.procedureTitle);
        if (splitSms(text).size() <= kMaxSmsParts || (reasonLength == 0 && titleLength == 0)) {
            return text;
        }
        // Cut the longer one by what is over the parts' room (at least one character per unit)
        // and a few characters more for the ellipsis and the room the breaks at spaces leave.
        // The encoding may change with it, so the result is measured again.
        const SmsEncoding encoding = smsEncodingOf(text);
        const std::size_t used = smsUnits(text, encoding);
        const std::size_t room = smsCapacity(encoding, kMaxSmsParts);
        const std::size_t cut = (used > room ? used - room : 0) + kCutStep;
        std::string& victim = reasonLength >= titleLength ? fitted.reason : fitted.procedureTitle;
        const std::size_t length = std::max(reasonLength, titleLength);
        victim = length > cut ? shortened(victim, length - cut, encoding) : std::string{};
    }
}

}  // namespace kep::server::notify
