// A run of protocol numbers of one office and year that the server leased to one workstation,
// so that the workstation can number applications with the network down (DESIGN.md, decision 3).
#pragma once

#include <cstdint>
#include <string>

namespace kep::cases {

struct ProtocolNumberBlock {
    std::string office;
    int year = 0;
    std::uint32_t first = 0;  // inclusive, >= 1
    std::uint32_t last = 0;   // inclusive, >= first

    std::uint32_t size() const { return last >= first ? last - first + 1 : 0; }
    friend bool operator==(const ProtocolNumberBlock&, const ProtocolNumberBlock&) = default;
};

}  // namespace kep::cases
