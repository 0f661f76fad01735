#include "notify/CitizenContacts.h"

#include "shared/cases/ContactDetails.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <variant>

namespace kep::server::notify {

namespace {

// The "email" and "phone" a JSON object gives ("" for each it lacks, and for text that is not a
// JSON object).
struct GivenContacts {
    std::string email;
    std::string phone;
};

GivenContacts givenIn(std::string_view json) {
    boost::system::error_code error;
    const boost::json::value value =
        json.empty() ? boost::json::value{} : boost::json::parse(json, error);
    GivenContacts given;
    if (error || !value.is_object()) {
        return given;
    }
    const auto text = [&](std::string_view key) {
        const auto* found = value.as_object().if_contains(key);
        return found && found->is_string() ? std::string{found->as_string()} : std::string{};
    };
    given.email = text("email");
    given.phone = text("phone");
    return given;
}

// The preferred value when there is one, else the fallback, normalised; none if it fails.
template <typename Normalise>
std::optional<std::string> normalised(const std::string& preferred, const std::string& fallback,
                                      Normalise normalise) {
    const std::string& given = preferred.empty() ? fallback : preferred;
    if (given.empty()) {
        return std::nullopt;
    }
    auto result = normalise(given);
    if (auto* value = std::get_if<std::string>(&result)) {
        return std::move(*value);
    }
    return std::nullopt;
}

bool isGreekLandline(std::string_view e164) {
    return e164.starts_with("+302");
}

}  // namespace

CitizenContacts contactsOf(std::string_view contactJson, std::string_view citizenJson) {
    const GivenContacts contact = givenIn(contactJson);
    const GivenContacts citizen = givenIn(citizenJson);
    CitizenContacts contacts;
    contacts.email = normalised(contact.email, citizen.email, kep::cases::normaliseEmail);
    contacts.phone = normalised(contact.phone, citizen.phone, kep::cases::normalisePhone);
    if (contacts.phone && isGreekLandline(*contacts.phone)) {
        contacts.phone.reset();
    }
    return contacts;
}

}  // namespace kep::server::notify
