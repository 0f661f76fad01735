#include "catalogue/PublishedRecord.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace kep::server::catalogue {

std::string publishedRecordJson(const PublishedProcedure& procedure) {
    const auto& version = procedure.version;
    boost::json::object kep{{"requiresApproval", procedure.options.requiresApproval},
                            {"offeredAtKep", procedure.options.offeredAtKep}};
    kep["competentAuthorityId"] = procedure.options.competentAuthorityId
                                      ? boost::json::value(*procedure.options.competentAuthorityId)
                                      : boost::json::value(nullptr);
    boost::json::object head{{"id", version.procedureId},
                             {"version", version.version},
                             {"contentHash", version.contentHash},
                             {"publishedAt", version.publishedAt.value_or("")},
                             {"changeSeq", procedure.changeSeq},
                             {"title", {{"el", version.titleEl}, {"en", version.titleEn}}},
                             {"kep", std::move(kep)}};
    auto text = boost::json::serialize(head);
    text.pop_back();  // the closing brace: "mitos" is spliced in as stored
    text.reserve(text.size() + version.canonicalJson.size() + 16);
    text += ",\"mitos\":";
    text += version.canonicalJson;
    text += '}';
    return text;
}

}  // namespace kep::server::catalogue
