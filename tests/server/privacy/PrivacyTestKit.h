// What the personal-data tests share: synthetic citizens (valid ΑΦΜ and ΑΜΚΑ, invented
// surnames), cases filed and closed through a real desk's sync push, documents uploaded through
// the attachment routes, and the byte search of a whole data folder.
#pragma once

#include "SyncTestKit.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <string>

namespace kep::test {

// Synthetic: the numbers have valid check digits and belong to nobody we know of; the surnames
// are invented (tests/tools/logscan collects them as identifiers a log must never hold).
struct SyntheticCitizen {
    std::string afm;
    std::string amka;
    std::string surnameEl;
    std::string surnameLatin;

    std::string citizenJson() const;
    // What a byte search looks for: the ΑΦΜ, the ΑΜΚΑ and both surnames.
    QList<QByteArray> needles() const;
};

struct FiledCase {
    std::string id;
    std::int64_t version = 0;
    std::string documentSha256;  // "" when filed without a document
};

class PrivacyTestKit {
public:
    PrivacyTestKit(SyncTestKit& sync, SyncDesk& desk, kep::cases::Actor clerk)
        : sync_(sync)
        , desk_(desk)
        , clerk_(std::move(clerk)) {}

    // Files a case of `citizen` (status submitted) for `procedure`; with a PDF that names the
    // citizen when `withDocument`. Empty id (and errorString) on failure.
    FiledCase file(const SyntheticCitizen& citizen, const std::string& procedure,
                   bool withDocument);
    // Creates for many cases in one push each `perPush` (faster set-ups for measurements).
    std::vector<FiledCase> fileMany(const SyntheticCitizen& citizen, const std::string& procedure,
                                    int count, int perPush = 500);
    // The citizen withdraws the case (a terminal status) with a reason naming them.
    bool withdraw(FiledCase& filed, const SyntheticCitizen& citizen);
    bool withdrawAll(std::vector<FiledCase>& filed, int perPush = 500);

    QString errorString() const { return error_; }

private:
    bool push(std::vector<kep::sync::OutboxOp> ops);
    std::string uploadDocument(const SyntheticCitizen& citizen);

    SyncTestKit& sync_;
    SyncDesk& desk_;
    kep::cases::Actor clerk_;
    QString error_;
    int protocolSerial_ = 0;
};

// Every file under `folder` (recursively) holding one of `needles`: "relative/path: needle".
QStringList filesHolding(const QString& folder, const QList<QByteArray>& needles);

}  // namespace kep::test
