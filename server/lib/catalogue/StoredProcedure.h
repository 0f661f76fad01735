// Between a procedure and the canonical text a catalogue version stores: composing a draft from
// one newly imported language and the other language of the latest version, and reading back.
#pragma once

#include "shared/catalogue/LocalizedText.h"
#include "shared/catalogue/Procedure.h"

#include <optional>
#include <string_view>

namespace kep::server::catalogue {

// `imported` holds the `language` document just read; the other language's document comes from
// `latestCanonical` (the stored version it replaces), if there is one. The result's documents
// are what the new version stores; its typed fields are `imported`'s.
kep::catalogue::Procedure withOtherLanguageOf(kep::catalogue::Procedure imported,
                                              kep::catalogue::Language language,
                                              std::optional<std::string_view> latestCanonical);

// The bilingual procedure of a stored version's canonical text (ProcedureMerge.h). Throws
// std::runtime_error if the text is not a stored version (a damaged database).
kep::catalogue::Procedure restoreProcedure(std::string_view canonicalJson);

}  // namespace kep::server::catalogue
