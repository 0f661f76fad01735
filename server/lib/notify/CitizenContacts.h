// Where a case's notices go: the e-mail address and the mobile number the citizen gave, read
// from the case's `contact` field (online applications) or its `citizen` record (the counter).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kep::server::notify {

struct CitizenContacts {
    std::optional<std::string> email;  // normalised: "name@example.gr"
    std::optional<std::string> phone;  // E.164: "+306912345678"
};

// Each channel from the `contact` JSON ({"email","phone"}) when it has one there, else from the
// `citizen` JSON's "email"/"phone". Values are normalised as the counter checks them
// (shared/cases/ContactDetails.h); one that does not pass is left out, and so is a Greek
// landline (+302…), which cannot receive an SMS. Malformed JSON gives no contact.
CitizenContacts contactsOf(std::string_view contactJson, std::string_view citizenJson);

}  // namespace kep::server::notify
