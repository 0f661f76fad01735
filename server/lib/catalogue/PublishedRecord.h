// The JSON a desk receives for one published procedure, by GET …/procedures/{id} and in the
// changes feed: the register's Greek and English documents, the KEP-side options, the version.
#pragma once

#include "catalogue/CatalogueStore.h"

#include <string>

namespace kep::server::catalogue {

// {"id","version","contentHash","publishedAt","changeSeq","title":{"el","en"},
//  "kep":{"requiresApproval","competentAuthorityId","offeredAtKep"},
//  "mitos":{"el":{…},"en":{…},"id"}} — "mitos" is the stored canonical text as it is (no
// re-serialisation: the full catalogue goes to every new desk), readable with readMitosRecord()
// per language and mergeLanguages().
std::string publishedRecordJson(const PublishedProcedure& procedure);

}  // namespace kep::server::catalogue
