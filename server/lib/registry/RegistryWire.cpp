#include "registry/RegistryWire.h"

#include "attachments/AttachmentRules.h"
#include "net/HttpsClient.h"
#include "shared/domain/Utf8.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

namespace kep::server::registry {

namespace {

constexpr int kOk = 200;
constexpr int kUnprocessable = 422;
constexpr std::size_t kMaxRefusalCodeLength = 64;

bool isRefusalCode(std::string_view code) {
    return !code.empty() && code.size() <= kMaxRefusalCodeLength &&
           std::ranges::all_of(code, [](unsigned char c) {
               return std::islower(c) || std::isdigit(c) || c == '_';
           });
}

// At most `limit` characters, ill-formed bytes repaired: the text goes into a synced field.
std::string clippedText(std::string_view text, std::size_t limit) {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t count = 0; pos < text.size() && count < limit; ++count) {
        kep::domain::utf8::append(out, kep::domain::utf8::decode(text, pos));
    }
    return out;
}

std::string_view mediaTypeOnly(std::string_view contentType) {
    contentType = contentType.substr(0, contentType.find(';'));
    while (!contentType.empty() && contentType.back() == ' ') {
        contentType.remove_suffix(1);
    }
    return contentType;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return std::ranges::equal(
        a, b, [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

RegistryAnswer readRefusal(std::string_view body) {
    boost::system::error_code error;
    const boost::json::value parsed = boost::json::parse(body, error);
    const boost::json::object* root = error ? nullptr : parsed.if_object();
    const boost::json::value* refusal = root ? root->if_contains("refusal") : nullptr;
    const boost::json::object* fields = refusal ? refusal->if_object() : nullptr;
    const boost::json::value* code = fields ? fields->if_contains("code") : nullptr;
    const boost::json::value* reason = fields ? fields->if_contains("reason") : nullptr;
    if (!code || !code->is_string() || !isRefusalCode(code->get_string()) ||
        (reason && !reason->is_string())) {
        return RegistryUnavailable{"answer 422 without a well-formed refusal"};
    }
    return RegistryRefusal{
        std::string{code->get_string()},
        reason ? clippedText(reason->get_string(), kMaxRefusalReasonChars) : std::string{}};
}

}  // namespace

std::string requestBody(const DocumentRequest& request) {
    boost::json::object citizen;
    if (!request.afm.empty()) {
        citizen["afm"] = request.afm;
    }
    if (!request.amka.empty()) {
        citizen["amka"] = request.amka;
    }
    return boost::json::serialize(boost::json::object{
        {"request_id", request.requestId},
        {"case_id", request.caseId},
        {"protocol_number", request.protocolNumber},
        {"issuer_id", request.issuerId},
        {"evidence",
         boost::json::object{{"id", request.evidenceId}, {"type", request.evidenceTypeId}}},
        {"citizen", std::move(citizen)},
    });
}

RegistryAnswer readAnswer(int status, std::string_view contentType, std::string body) {
    const auto pdf = attachments::AttachmentType::Pdf;
    if (status == kOk) {
        if (!equalsIgnoringCase(mediaTypeOnly(contentType), attachments::mediaTypeOf(pdf)) ||
            !attachments::startsAsType(pdf, body)) {
            return RegistryUnavailable{"answer 200 is not a PDF"};
        }
        if (static_cast<std::int64_t>(body.size()) > attachments::kMaxAttachmentBytes) {
            return RegistryUnavailable{"answer 200 is larger than an attachment may be"};
        }
        return RegistryDocument{std::move(body)};
    }
    if (status == kUnprocessable) {
        return readRefusal(body);
    }
    return RegistryUnavailable{"answer " + std::to_string(status)};
}

std::string targetOfUrl(const std::string& url) {
    kep::net::Endpoint::fromUrl(url);  // throws for what the client would refuse
    const auto authority = url.find("//") + 2;
    const auto pathStart = url.find_first_of("/?#", authority);
    if (pathStart == std::string::npos || url[pathStart] == '#') {
        return "/";
    }
    std::string target = url.substr(pathStart, url.find('#', pathStart) - pathStart);
    return target.front() == '?' ? "/" + target : target;
}

}  // namespace kep::server::registry
