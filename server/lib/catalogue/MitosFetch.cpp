#include "catalogue/MitosFetch.h"

#include "catalogue/MitosImport.h"
#include "net/HttpsClient.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <stdexcept>

namespace kep::server::catalogue {

namespace json = boost::json;
using kep::catalogue::Language;

namespace {

// A register cannot hold more pages than this; a server that keeps answering `next_page` is
// broken or hostile, and the walk stops.
constexpr std::int64_t kMaxPages = 100'000;

// The path part of the base URL without a trailing slash: "" or "/api".
std::string basePath(const std::string& url) {
    const auto scheme = url.find("://");
    const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (slash == std::string::npos) {
        return {};
    }
    auto path = url.substr(slash);
    while (!path.empty() && path.back() == '/') {
        path.pop_back();
    }
    return path;
}

std::string percentEncoded(std::string_view segment) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : segment) {
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out += {'%', kHex[c >> 4], kHex[c & 15]};
        }
    }
    return out;
}

struct ListPage {
    std::vector<std::string> ids;
    std::optional<std::int64_t> nextPage;
};

ListPage readListPage(const std::string& body, std::int64_t page) {
    std::error_code error;
    const auto value = json::parse(body, error);
    const auto* root = value.if_object();
    const auto* data = root ? root->if_contains("data") : nullptr;
    if (error || !data || !data->is_array()) {
        throw std::runtime_error("page " + std::to_string(page) +
                                 " of the services list is not {\"data\":[…]}");
    }
    ListPage list;
    for (const auto& entry : data->get_array()) {
        const auto* object = entry.if_object();
        const auto* id = object ? object->if_contains("id") : nullptr;
        if (id && id->is_string()) {
            list.ids.emplace_back(id->get_string());
        } else if (id && id->is_int64()) {
            list.ids.push_back(std::to_string(id->get_int64()));
        }
    }
    if (const auto* next = root->if_contains("next_page"); next && next->is_int64()) {
        list.nextPage = next->get_int64();
    }
    return list;
}

}  // namespace

void fetchMitos(const MitosApi& api, const std::function<void(const FetchedPage&)>& take) {
    const auto endpoint = kep::net::Endpoint::fromUrl(api.baseUrl);
    const auto prefix = basePath(api.baseUrl);
    kep::net::TlsOptions tls;
    tls.caFile = api.caFile;
    kep::net::HttpsClient client(endpoint, tls, api.timeout);
    const std::string origin = "https://" + endpoint.authority() + prefix;

    for (std::int64_t page = 1; page <= kMaxPages;) {
        const auto listing = client.get(prefix + "/services/?page=" + std::to_string(page) +
                                        "&limit=" + std::to_string(api.pageSize));
        if (listing.status != 200) {
            throw std::runtime_error("GET " + origin + "/services/ page " + std::to_string(page) +
                                     " answered HTTP " + std::to_string(listing.status));
        }
        const auto list = readListPage(listing.body, page);
        for (const auto language : {Language::El, Language::En}) {
            FetchedPage fetched;
            fetched.language = language;
            fetched.source = origin + "/services-extended (page " + std::to_string(page) + ", " +
                             std::string(kep::catalogue::languageCode(language)) + ")";
            fetched.documents = "[";
            for (const auto& id : list.ids) {
                auto target = prefix + "/services-extended/" + percentEncoded(id);
                if (language == Language::En) {
                    target += "?lang=en";
                }
                const auto answer = client.get(target);
                if (answer.status != 200) {
                    fetched.failures.push_back(
                        rejectionOf(id, "the API answered HTTP " + std::to_string(answer.status)));
                    continue;
                }
                // Checked one by one, so that one broken answer cannot spoil the array.
                std::error_code error;
                const auto document = json::parse(answer.body, error);
                if (error) {
                    fetched.failures.push_back(rejectionOf(
                        id, "the API answered with malformed JSON: " + error.message()));
                    continue;
                }
                if (fetched.documents.size() > 1) {
                    fetched.documents += ",\n";
                }
                fetched.documents += json::serialize(document);
            }
            fetched.documents += "]";
            take(fetched);
        }
        if (list.ids.empty() || !list.nextPage || *list.nextPage <= page) {
            break;
        }
        page = *list.nextPage;
    }
}

}  // namespace kep::server::catalogue
