// The desk's side of POST /api/v1/protocol-numbers/lease: the request body for a year's block
// and the reading of the server's 201 answer into a block the lease store can take.
#pragma once

#include "ApiReply.h"
#include "shared/cases/ProtocolNumberBlock.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace kep::desk::cases {

inline constexpr auto kLeaseRoute = "/api/v1/protocol-numbers/lease";

// {"year":YYYY,"count":N}
QByteArray leaseRequestBody(int year, int count);

// The block of a 201 {"office":"0101","year":YYYY,"first":F,"last":L}; nullopt with *error
// (English, for the log) for any other answer or a body that does not match the contract.
std::optional<kep::cases::ProtocolNumberBlock> parseLeaseReply(const kep::desk::ApiReply& reply,
                                                               QString* error);

}  // namespace kep::desk::cases
