// Makes one bilingual procedure from the register's Greek and English documents of the same
// id: MITOS serves each language separately (`?lang=en`), the desk shows both.
#pragma once

#include <vector>

#include "shared/catalogue/Procedure.h"

namespace kep::catalogue {

// `greek` and `english` are readMitosRecord() results of one id in each language.
//   - Texts: the Greek side from `greek`, the English side from `english`; an empty side is
//     filled from the other document (the `title` object carries both languages in both).
//   - Everything else (urls, amounts, durations, code-list ids, num ids) comes from the Greek
//     document, Greek being the register's language of record, or from the English one where
//     the Greek has nothing; last_updated is the later of the two.
//   - List items are paired by num id where they have one (conditions, evidences, digital
//     steps) or by code-list id (provision groups), otherwise by position; items found only in
//     the English document are appended.
//   - documents.el / documents.en keep both originals.
Procedure mergeLanguages(Procedure greek, Procedure english);

// Pairs the procedures of a Greek and an English parse by id and merges each pair; a procedure
// present in one language only is kept as it is. Order: the Greek input's, then the ids found
// only in English, in their order.
std::vector<Procedure> mergeCatalogue(std::vector<Procedure> greek, std::vector<Procedure> english);

}  // namespace kep::catalogue
