#include "metrics/MetricsRoute.h"

#include "api/Version.h"
#include "http/HttpError.h"
#include "metrics/OfficeSyncLag.h"

namespace kep::server::metrics {

bool isLoopback(std::string_view address) {
    return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

std::shared_ptr<RequestMetrics> registerMetricsRoute(http::Router& router, MetricsSources sources) {
    // Filled below, once the route table is complete, and before the server serves.
    auto requests = std::make_shared<std::shared_ptr<RequestMetrics>>();
    auto handler = [sources, requests](http::Request& request) {
        // No personal data here, but the offices' activity and the server's load are nobody's
        // business outside the host: the scraper runs on it, or reaches it through a tunnel.
        if (!isLoopback(request.remoteAddress)) {
            throw http::HttpError(403, "metrics_loopback_only",
                                  "/metrics answers only on the server's own host (loopback)");
        }
        Exposition out;
        out.family("kep_build_info", "gauge", "The running kep-server's version (always 1).");
        out.sample("kep_build_info", {{"version", api::serverVersion()}}, std::uint64_t{1});
        (*requests)->writeTo(out);
        if (sources.sync != nullptr) {
            sources.sync->writeTo(out);
        }
        if (sources.desksConnected) {
            out.family("kep_desks_connected", "gauge",
                       "Desks holding the sync WebSocket (/api/v1/sync/ws) open.");
            out.sample("kep_desks_connected", {},
                       static_cast<std::uint64_t>(sources.desksConnected()));
        }
        if (sources.reads) {
            const auto lease = sources.reads->acquire();
            writeOfficeSync(out, latestSyncByOffice(lease.db()), sources.nowMs());
        }
        http::Response response;
        response.contentType = std::string(kExpositionContentType);
        response.body = out.text();
        return response;
    };
    router.add(http::Method::Get, "/metrics", http::RouteAccess::publicRoute(), handler);
    std::vector<std::string> patterns;
    for (const auto& route : router.describe()) {
        patterns.push_back(route.pattern);
    }
    *requests = std::make_shared<RequestMetrics>(patterns);
    return *requests;
}

}  // namespace kep::server::metrics
