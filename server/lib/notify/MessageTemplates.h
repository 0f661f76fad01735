// The words of the citizen's notices, in Greek and English: an SMS short enough to arrive in a
// few parts and an e-mail with the full text. They name the case by protocol number and
// procedure title, and never carry the citizen's identifiers (ΑΦΜ, ΑΜΚΑ) or name.
#pragma once

#include "notify/StatusNotice.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace kep::server::notify {

enum class Language { Greek, English };

// The case's `language` field: "en" is English, anything else (and no field) Greek.
Language languageOf(std::string_view code);
std::string_view toString(Language language);  // "el" / "en"

struct NoticeValues {
    std::string protocolNumber;
    std::string procedureTitle;  // may be empty: the text then names the case by number only
    std::string reason;          // the status change's reason (documents needed, rejection)
};

struct EmailText {
    std::string subject;
    std::string body;
};

// An SMS is at most this many concatenated parts (SmsText.h): 201 characters of Greek (UCS-2),
// 459 of Latin text (GSM 7-bit).
inline constexpr std::size_t kMaxSmsParts = 3;

EmailText emailText(StatusNotice notice, Language language, const NoticeValues& values);

// The SMS: when the whole text would take more than kMaxSmsParts parts, the longer of the reason
// and the title is shortened, with an ellipsis, until it fits (the e-mail keeps them whole).
std::string smsText(StatusNotice notice, Language language, const NoticeValues& values);

}  // namespace kep::server::notify
