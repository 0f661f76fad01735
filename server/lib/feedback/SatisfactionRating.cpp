#include "feedback/SatisfactionRating.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace kep::server::feedback {

std::optional<SatisfactionRating> readSatisfaction(std::string_view json) {
    boost::system::error_code error;
    const auto value = boost::json::parse(json, error);
    if (error || !value.is_object()) {
        return std::nullopt;
    }
    const auto& object = value.get_object();
    const auto* rating = object.if_contains("rating");
    if (rating == nullptr || !rating->is_int64() || rating->get_int64() < 1 ||
        rating->get_int64() > 5) {
        return std::nullopt;
    }
    SatisfactionRating read{static_cast<int>(rating->get_int64()), {}};
    if (const auto* comment = object.if_contains("comment"); comment && !comment->is_null()) {
        if (!comment->is_string()) {
            return std::nullopt;
        }
        read.comment = std::string(comment->get_string());
    }
    return read;
}

}  // namespace kep::server::feedback
