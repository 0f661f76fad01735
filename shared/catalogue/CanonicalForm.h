// A procedure's content as one canonical text and its SHA-256: re-importing unchanged data is
// recognised as unchanged, and two versions compare by hash without being read.
#pragma once

#include <string>

#include <boost/json/value.hpp>

#include "shared/catalogue/Procedure.h"

namespace kep::catalogue {

// The canonical serialisation of a JSON value: compact, object keys sorted by their UTF-8 bytes
// (recursively), and normalised so that what MITOS writes in several ways reads one way:
//   - a member whose value, once normalised, is null, "", [] or {} is dropped (the register
//     uses them, and a missing member, interchangeably for "nothing");
//   - strings lose leading and trailing white space, and CR LF becomes LF;
//   - a number with an integral value is written as an integer (1.0 and 1 are one number).
// Array elements keep their order (the order of steps and documents is meaning).
std::string canonicalJson(const boost::json::value& value);

// The canonical form of a procedure: {"el": <Greek document>, "en": <English document>,
// "id": <id>}, each document canonicalJson()'d; a language not imported is left out. It is
// taken from the register's documents, not from the typed fields, so that a change to a field
// this model does not read is still a change.
std::string canonicalJson(const Procedure& procedure);

// SHA-256 of canonicalJson(procedure), 64 lower-case hex digits.
std::string contentHash(const Procedure& procedure);

// SHA-256 of any bytes, 64 lower-case hex digits.
std::string sha256Hex(std::string_view bytes);

}  // namespace kep::catalogue
