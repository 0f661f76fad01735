// The tour's gov.gr: one online application for a synthetic citizen, sent as gov.gr sends it
// (POST /api/v1/intake, channel key, Idempotency-Key) on a thread of its own, polled by the tour.
#pragma once

#include <QString>

#include <cstdint>
#include <future>

namespace kep::desk::ui {

struct GovGrChannel {
    QString serverUrl;  // https://host:port
    QString caFile;     // what the server's certificate must chain to
    QString key;        // the gov_channel API key (demo.json "channelKeys")
};

struct OnlineApplication {
    QString office;                 // the KEP whose queue receives it
    QString procedureId;            // a published procedure offered at KEPs
    std::uint64_t citizenSeed = 0;  // picks the synthetic ΑΦΜ
};

// What the server answered: the case it made, or why there is none.
struct OnlineApplicationAnswer {
    int status = 0;  // HTTP status; 0 when no answer came
    QString caseId;
    QString protocolNumber;
    QString channel;  // "govgr"
    QString error;    // the server's error code and message, or the network fault
    bool filed() const { return status == 201 && !protocolNumber.isEmpty(); }
};

class GovGrApplication {
public:
    GovGrApplication() = default;
    ~GovGrApplication();  // waits for a request still under way (at most its time-out)
    GovGrApplication(const GovGrApplication&) = delete;
    GovGrApplication& operator=(const GovGrApplication&) = delete;

    // Starts sending; one application at a time.
    void send(const GovGrChannel& channel, const OnlineApplication& application);
    // True once the answer is in; answer() may then be called once.
    bool answered() const;
    OnlineApplicationAnswer answer();

private:
    std::future<OnlineApplicationAnswer> pending_;
};

}  // namespace kep::desk::ui
