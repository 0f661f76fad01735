// How a text message is carried as SMS: GSM 03.38 7-bit when every character has a GSM code,
// UCS-2 otherwise (Greek lower case has none), and its split into the parts a phone rejoins.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kep::server::notify {

enum class SmsEncoding { Gsm7, Ucs2 };

// "gsm7" / "ucs2", as the webhook's JSON names them.
std::string_view toString(SmsEncoding encoding);

// Gsm7 when every character is in the GSM 03.38 default alphabet or its extension table.
SmsEncoding smsEncodingOf(std::string_view utf8);

// The text's length in the encoding's units: septets for GSM (a character of the extension
// table, such as € or [, takes two), UTF-16 code units for UCS-2.
std::size_t smsUnits(std::string_view utf8, SmsEncoding encoding);

// One SMS holds 160 GSM septets or 70 UCS-2 units. A longer text goes as concatenated parts,
// each of which loses room to the header that numbers it: 153 septets, 67 UCS-2 units.
std::size_t smsCapacity(SmsEncoding encoding, std::size_t parts);

// The parts a text is sent in, in order; joined they give the text back byte for byte. A part
// ends after the last space that fits, when that keeps it at least half full; otherwise it is
// cut at the last character that fits, never inside a character, a UTF-16 surrogate pair or a
// GSM escape pair. An empty text is one empty part.
std::vector<std::string> splitSms(std::string_view utf8);

}  // namespace kep::server::notify
