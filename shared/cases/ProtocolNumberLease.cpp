#include "shared/cases/ProtocolNumberLease.h"

#include <algorithm>
#include <tuple>

#include <boost/json.hpp>

namespace kep::cases {

using namespace std::chrono;
namespace json = boost::json;

namespace {

constexpr std::int64_t kFormat = 1;

bool heldBefore(const ProtocolNumberLease::HeldBlock& a, const ProtocolNumberLease::HeldBlock& b) {
    return std::tie(a.block.year, a.block.first) < std::tie(b.block.year, b.block.first);
}

const json::value& member(const json::object& object, std::string_view key) {
    const json::value* value = object.if_contains(key);
    if (value == nullptr) {
        throw LeaseFormatError("protocol number lease: missing \"" + std::string{key} + "\"");
    }
    return *value;
}

std::int64_t integer(const json::object& object, std::string_view key) {
    const json::value& value = member(object, key);
    if (value.is_int64()) {
        return value.get_int64();
    }
    if (value.is_uint64()) {
        return static_cast<std::int64_t>(
            std::min<std::uint64_t>(value.get_uint64(), ProtocolNumber::kMaxSequence + 1ULL));
    }
    throw LeaseFormatError("protocol number lease: \"" + std::string{key} + "\" is not an integer");
}

const json::object& object(const json::value& value, std::string_view what) {
    if (!value.is_object()) {
        throw LeaseFormatError("protocol number lease: " + std::string{what} + " is not an object");
    }
    return value.get_object();
}

const json::array& array(const json::value& value, std::string_view what) {
    if (!value.is_array()) {
        throw LeaseFormatError("protocol number lease: " + std::string{what} + " is not an array");
    }
    return value.get_array();
}

std::uint32_t sequenceValue(const json::object& object, std::string_view key) {
    const std::int64_t value = integer(object, key);
    if (value < 0 || value > ProtocolNumber::kMaxSequence + 1LL) {
        throw LeaseFormatError("protocol number lease: \"" + std::string{key} +
                               "\" is out of range");
    }
    return static_cast<std::uint32_t>(value);
}

int yearValue(const json::object& object) {
    const std::int64_t value = integer(object, "year");
    if (value < ProtocolNumber::kMinYear || value > ProtocolNumber::kMaxYear) {
        throw LeaseFormatError("protocol number lease: \"year\" is out of range");
    }
    return static_cast<int>(value);
}

}  // namespace

std::string_view toString(BlockRefusal refusal) {
    switch (refusal) {
        case BlockRefusal::None:
            return "ok";
        case BlockRefusal::WrongOffice:
            return "wrong_office";
        case BlockRefusal::BadYear:
            return "bad_year";
        case BlockRefusal::BadRange:
            return "bad_range";
        case BlockRefusal::StaleBlock:
            return "stale_block";
    }
    return "?";
}

ProtocolNumberLease::ProtocolNumberLease(std::string office, LowStockRule rule)
    : office_(std::move(office))
    , rule_(rule) {}

BlockRefusal ProtocolNumberLease::add(const ProtocolNumberBlock& block) {
    if (block.office != office_) {
        return BlockRefusal::WrongOffice;
    }
    if (block.year < ProtocolNumber::kMinYear || block.year > ProtocolNumber::kMaxYear) {
        return BlockRefusal::BadYear;
    }
    if (block.first == 0 || block.last < block.first || block.last > ProtocolNumber::kMaxSequence) {
        return BlockRefusal::BadRange;
    }
    for (const HeldBlock& held : held_) {
        if (held.block == block) {
            return BlockRefusal::None;
        }
    }
    const auto highest = highest_.find(block.year);
    if (highest != highest_.end() && block.first <= highest->second) {
        return BlockRefusal::StaleBlock;
    }
    HeldBlock held{block, block.first};
    held_.insert(std::upper_bound(held_.begin(), held_.end(), held, heldBefore), held);
    highest_[block.year] = block.last;
    return BlockRefusal::None;
}

std::optional<ProtocolNumber> ProtocolNumberLease::draw(year_month_day localDate) {
    const int year = static_cast<int>(localDate.year());
    const auto it = std::find_if(held_.begin(), held_.end(),
                                 [year](const HeldBlock& h) { return h.block.year == year; });
    if (it == held_.end()) {
        return std::nullopt;
    }
    ProtocolNumber number{office_, year, it->next};
    if (it->next == it->block.last) {
        held_.erase(it);
    } else {
        ++it->next;
    }
    return number;
}

std::uint64_t ProtocolNumberLease::remaining(int year) const {
    std::uint64_t total = 0;
    for (const HeldBlock& held : held_) {
        if (held.block.year == year) {
            total += std::uint64_t{held.block.last} - held.next + 1;
        }
    }
    return total;
}

bool ProtocolNumberLease::isLow(int year) const {
    const std::uint64_t left = remaining(year);
    if (left == 0 || left < rule_.minimumLeft) {
        return true;
    }
    std::uint64_t newestSize = 0;
    for (const HeldBlock& held : held_) {
        if (held.block.year == year) {
            newestSize = held.block.size();  // held_ is sorted, so the last match is the newest
        }
    }
    return left * 100 < newestSize * rule_.percentOfBlock;
}

std::vector<int> ProtocolNumberLease::yearsToLease(year_month_day today) const {
    std::vector<int> years;
    const int current = static_cast<int>(today.year());
    if (isLow(current)) {
        years.push_back(current);
    }
    if (today.month() == December && isLow(current + 1)) {
        years.push_back(current + 1);
    }
    return years;
}

void ProtocolNumberLease::discardYearsBefore(int year) {
    std::erase_if(held_, [year](const HeldBlock& h) { return h.block.year < year; });
}

std::string ProtocolNumberLease::toJson() const {
    json::array blocks;
    for (const HeldBlock& held : held_) {
        blocks.push_back(json::object{{"year", held.block.year},
                                      {"first", held.block.first},
                                      {"last", held.block.last},
                                      {"next", held.next}});
    }
    json::array highest;
    for (const auto& [year, last] : highest_) {
        highest.push_back(json::object{{"year", year}, {"last", last}});
    }
    const json::object root{{"format", kFormat},
                            {"office", office_},
                            {"blocks", std::move(blocks)},
                            {"highest", std::move(highest)}};
    return json::serialize(root);
}

ProtocolNumberLease ProtocolNumberLease::fromJson(std::string_view text, LowStockRule rule) {
    boost::system::error_code error;
    const json::value parsed = json::parse(text, error);
    if (error) {
        throw LeaseFormatError("protocol number lease: not JSON (" + error.message() + ")");
    }
    const json::object& root = object(parsed, "the document");
    if (integer(root, "format") != kFormat) {
        throw LeaseFormatError("protocol number lease: unknown format");
    }
    const json::value& office = member(root, "office");
    if (!office.is_string() || !ProtocolNumber::isValidOfficeCode(office.get_string())) {
        throw LeaseFormatError("protocol number lease: \"office\" is not an office code");
    }
    ProtocolNumberLease lease{std::string{office.get_string()}, rule};
    for (const json::value& entry : array(member(root, "highest"), "\"highest\"")) {
        const json::object& h = object(entry, "a \"highest\" entry");
        const int year = yearValue(h);
        if (!lease.highest_.emplace(year, sequenceValue(h, "last")).second) {
            throw LeaseFormatError("protocol number lease: a year repeats in \"highest\"");
        }
    }
    for (const json::value& entry : array(member(root, "blocks"), "\"blocks\"")) {
        const json::object& b = object(entry, "a block");
        HeldBlock held{
            {lease.office_, yearValue(b), sequenceValue(b, "first"), sequenceValue(b, "last")},
            sequenceValue(b, "next")};
        const auto highest = lease.highest_.find(held.block.year);
        // A held block that is not covered by "highest" would let a stale block in later.
        if (held.block.first == 0 || held.block.last < held.block.first ||
            held.next < held.block.first || held.next > held.block.last ||
            highest == lease.highest_.end() || held.block.last > highest->second) {
            throw LeaseFormatError("protocol number lease: an inconsistent block");
        }
        lease.held_.push_back(held);
    }
    std::sort(lease.held_.begin(), lease.held_.end(), heldBefore);
    for (std::size_t i = 1; i < lease.held_.size(); ++i) {
        const ProtocolNumberBlock& a = lease.held_[i - 1].block;
        const ProtocolNumberBlock& b = lease.held_[i].block;
        if (a.year == b.year && b.first <= a.last) {
            throw LeaseFormatError("protocol number lease: overlapping blocks");
        }
    }
    return lease;
}

}  // namespace kep::cases
