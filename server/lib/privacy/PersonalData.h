// Which parts of a case are personal data (docs/privacy.md): the fields a purge keeps — codes,
// dates and identifiers the statistics and the protocol look-up need — and drops everything else.
#pragma once

#include "shared/sync/SyncMessages.h"

#include <set>
#include <string>
#include <string_view>

namespace kep::server::privacy {

// True for the fields a purged case keeps: protocol_number, procedure_id, catalogue_version,
// due_date, channel, language, authority_id, status, status_actor, status_role, status_at,
// filed_by, requires_approval. Every other field — the citizen, contacts, documents and their
// hashes, the checklist, reasons, ratings, and any field added later — is dropped: a new field
// is personal until this list says otherwise.
bool keptAfterPurge(std::string_view field);

// The fields without the personal ones.
kep::sync::FieldMap withoutPersonalFields(const kep::sync::FieldMap& fields);

// Every run of exactly 64 lowercase hexadecimal digits in `text`: the content addresses
// (SHA-256) a case's attachments, result and registry documents name, however nested the JSON.
std::set<std::string> contentAddressesIn(std::string_view text);

}  // namespace kep::server::privacy
