// A registry gateway for tests (issue 7, must-have 7): HTTPS on loopback that answers the
// KEP's document requests as docs/api.md's "Registry connector" says — a PDF for some citizens,
// a refusal for others, and transient failures on demand.
#pragma once

#include <QByteArray>
#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace kep::test {

class PeerConnection;
class ScriptedTlsPeer;

class FakeRegistry {
public:
    // One request as the registry received it.
    struct Received {
        std::string requestId;
        std::string idempotencyKey;  // the header
        std::string caseId;
        std::string protocolNumber;
        std::string issuerId;
        std::string evidenceId;
        std::string evidenceType;
        std::string afm;
        std::string amka;
    };

    // Serves with this certificate (TestPki's server(): localhost and 127.0.0.1). Throws
    // std::runtime_error if it cannot listen.
    FakeRegistry(const QString& certFile, const QString& keyFile);
    ~FakeRegistry();
    FakeRegistry(const FakeRegistry&) = delete;
    FakeRegistry& operator=(const FakeRegistry&) = delete;

    // What it answers for a citizen, by ΑΦΜ (or, without one, by ΑΜΚΑ). A citizen it was told
    // nothing about is refused with "no_record".
    void issueTo(const std::string& citizenId);
    void refuse(const std::string& citizenId, const std::string& code, const std::string& reason);
    // The next `times` requests for the citizen fail with 503 before the answer set above.
    void failTransiently(const std::string& citizenId, int times);

    // The gateway's URL: https://127.0.0.1:<port>/registry/v1/documents
    QString url() const;
    // The PDF it serves for a document of a citizen: the same bytes on every request.
    static QByteArray documentFor(const std::string& citizenId, const std::string& evidenceId);

    std::vector<Received> received() const;

private:
    void serve(PeerConnection& connection);
    std::string answer(const std::string& request);

    mutable std::mutex mutex_;
    std::map<std::string, std::pair<std::string, std::string>> refusals_;  // code, reason
    std::set<std::string> issued_;
    std::map<std::string, int> failuresLeft_;
    std::vector<Received> received_;
    std::unique_ptr<ScriptedTlsPeer> peer_;  // last: stopped before the state it reads
};

}  // namespace kep::test
