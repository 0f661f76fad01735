// A scripted catalogue changes feed, as kep-server serves it to desks: the sample catalogue of
// resources/catalogue published as version 1 (seq 1..44), later versions published by the test
// (a fee changed, a procedure withdrawn), and pages cut from it for any since/limit.
#pragma once

#include "ServerTransport.h"
#include "catalogue/PublishedRecord.h"
#include "shared/catalogue/CanonicalForm.h"
#include "shared/catalogue/MitosParser.h"
#include "shared/catalogue/ProcedureMerge.h"
#include "shared/sync/SyncProtocol.h"

#include <QDir>
#include <QFile>
#include <QUrlQuery>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace kep::desk::test {

class CatalogueFeed {
public:
    struct Entry {
        std::int64_t seq = 0;
        std::string id;
        std::int64_t version = 0;
        std::string recordJson;  // "" for a removal
    };

    // The 44 procedures of resources/catalogue, merged as the server merges them.
    static std::vector<kep::catalogue::Procedure> sampleProcedures() {
        using kep::catalogue::Language;
        auto parse = [](Language language) {
            const QDir dir(QStringLiteral(KEP_SOURCE_DIR "/resources/catalogue/") +
                           (language == Language::El ? "el" : "en"));
            std::vector<kep::catalogue::Procedure> all;
            for (const QString& name : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) {
                QFile file(dir.filePath(name));
                file.open(QIODevice::ReadOnly);
                const QByteArray bytes = file.readAll();
                auto result = kep::catalogue::parseMitos(
                    std::string_view(bytes.constData(), std::size_t(bytes.size())), language);
                for (auto& procedure : result.procedures) {
                    all.push_back(std::move(procedure));
                }
            }
            return all;
        };
        return kep::catalogue::mergeCatalogue(parse(Language::El), parse(Language::En));
    }

    static CatalogueFeed sample() {
        CatalogueFeed feed;
        for (const auto& procedure : sampleProcedures()) {
            feed.publish(procedure);
        }
        return feed;
    }

    // The record JSON kep-server sends (server/lib/catalogue/PublishedRecord.h).
    static std::string recordJson(const kep::catalogue::Procedure& procedure, std::int64_t version,
                                  std::int64_t seq, bool offeredAtKep = true,
                                  bool requiresApproval = true) {
        using kep::catalogue::Language;
        boost::json::object head{{"id", procedure.id},
                                 {"version", version},
                                 {"contentHash", kep::catalogue::contentHash(procedure)},
                                 {"publishedAt", "2025-03-03T09:00:00Z"},
                                 {"changeSeq", seq},
                                 {"title",
                                  {{"el", procedure.title.exactly(Language::El)},
                                   {"en", procedure.title.exactly(Language::En)}}},
                                 {"kep",
                                  {{"requiresApproval", requiresApproval},
                                   {"competentAuthorityId", nullptr},
                                   {"offeredAtKep", offeredAtKep}}}};
        std::string text = boost::json::serialize(head);
        text.pop_back();
        return text + ",\"mitos\":" + kep::catalogue::canonicalJson(procedure) + "}";
    }

    // Publishes the next version of `procedure` (version 1 if new); returns its seq.
    std::int64_t publish(const kep::catalogue::Procedure& procedure, bool offeredAtKep = true) {
        const std::int64_t seq = nextSeq();
        const std::int64_t version = latestVersion(procedure.id) + 1;
        entries.push_back(
            {seq, procedure.id, version, recordJson(procedure, version, seq, offeredAtKep)});
        return seq;
    }

    // New KEP-side options for the published version, as `catalogue set` makes them: the same
    // version under a new seq, or a removal when it is no longer offered at KEPs.
    std::int64_t changeOptions(const kep::catalogue::Procedure& procedure, bool offeredAtKep,
                               bool requiresApproval = true) {
        if (!offeredAtKep) {
            return remove(procedure.id);
        }
        const std::int64_t seq = nextSeq();
        const std::int64_t version = latestVersion(procedure.id);
        entries.push_back({seq, procedure.id, version,
                           recordJson(procedure, version, seq, true, requiresApproval)});
        return seq;
    }

    std::int64_t remove(const std::string& id) {
        const std::int64_t seq = nextSeq();
        entries.push_back({seq, id, latestVersion(id), {}});
        return seq;
    }

    // A copy of `procedure` whose first fee costs `amount` in both languages' documents.
    static kep::catalogue::Procedure withFirstFee(kep::catalogue::Procedure procedure,
                                                  double amount) {
        for (boost::json::value* document : {&procedure.documents.el, &procedure.documents.en}) {
            auto& fees = document->at("metadata").at("process_evidences_cost").as_array();
            fees.at(0).as_object()["evidence_cost_min"] = amount;
            fees.at(0).as_object()["evidence_cost_max"] = amount;
        }
        if (!procedure.fees.empty()) {
            procedure.fees[0].min = amount;
            procedure.fees[0].max = amount;
        }
        return procedure;
    }

    // GET /api/v1/catalogue/changes?since=&limit=: the latest entry per id after `since`, in seq
    // order, as the server answers.
    HttpReply answer(const QByteArray& target) {
        const QUrlQuery query(QString::fromUtf8(target.mid(target.indexOf('?') + 1)));
        const std::int64_t since = query.queryItemValue("since").toLongLong();
        bool hasMore = false;
        const auto latest =
            latestAfter(since, query.queryItemValue("limit").toULongLong(), hasMore);
        std::string body = "{\"changes\":[";
        for (std::size_t i = 0; i < latest.size(); ++i) {
            const Entry& e = *latest[i];
            body += i > 0 ? "," : "";
            body += "{\"seq\":" + std::to_string(e.seq) + ",\"id\":\"" + e.id +
                    "\",\"version\":" + std::to_string(e.version) + ",";
            body += e.recordJson.empty() ? std::string("\"removed\":true}")
                                         : "\"record\":" + e.recordJson + "}";
        }
        const std::int64_t next = latest.empty() ? since : latest.back()->seq;
        body += "],\"next\":" + std::to_string(next) +
                ",\"hasMore\":" + (hasMore ? "true" : "false") + "}";
        return {200, QByteArray::fromStdString(body), {}};
    }

    // Every entry in one page of the changes feed, read as a desk reads it: what a test hands to
    // CatalogueStore::applyPage to stand for a desk that has pulled the whole catalogue.
    kep::desk::catalogue::ChangesPage everything() {
        const HttpReply page = answer("/api/v1/catalogue/changes?since=0&limit=1000");
        return kep::desk::catalogue::readChangesPage(
            std::string_view(page.body.constData(), std::size_t(page.body.size())));
    }

    static bool isChangesRequest(const QByteArray& target) {
        return target.startsWith("/api/v1/catalogue/changes?");
    }

    // GET /api/v1/sync/pull?protocol=1&bucket=catalogue&cursor=&limit=: the same entries as the
    // `catalogue` bucket's changes (server/lib/sync/CatalogueBucket), a removal as `deleted`.
    HttpReply bucketAnswer(const QByteArray& target) {
        const QUrlQuery query(QString::fromUtf8(target.mid(target.indexOf('?') + 1)));
        kep::sync::PullResponse response;
        response.bucket = query.queryItemValue("bucket").toStdString();
        const std::int64_t cursor = query.queryItemValue("cursor").toLongLong();
        const auto latest =
            latestAfter(cursor, query.queryItemValue("limit").toULongLong(), response.hasMore);
        for (const Entry* e : latest) {
            kep::sync::Change change;
            change.seq = e->seq;
            change.entity = {"procedure", e->id};
            change.version = e->version;
            change.deleted = e->recordJson.empty();
            if (!change.deleted) {
                change.fields.emplace("record", e->recordJson);
            }
            response.changes.push_back(std::move(change));
        }
        response.cursor = response.hasMore ? latest.back()->seq : std::max(cursor, lastSeq());
        return {200, QByteArray::fromStdString(kep::sync::encode(response)), {}};
    }

    static bool isBucketRequest(const QByteArray& target) {
        return target.startsWith("/api/v1/sync/pull?");
    }

    std::int64_t lastSeq() const { return entries.empty() ? 0 : entries.back().seq; }

    std::vector<Entry> entries;

private:
    // The latest entry per id after `since`, in seq order, at most `limit`.
    std::vector<const Entry*> latestAfter(std::int64_t since, std::size_t limit,
                                          bool& hasMore) const {
        std::vector<const Entry*> latest;
        for (const Entry& entry : entries) {
            if (entry.seq <= since) {
                continue;
            }
            std::erase_if(latest, [&](const Entry* e) { return e->id == entry.id; });
            latest.push_back(&entry);
        }
        hasMore = latest.size() > limit;
        latest.resize(std::min(latest.size(), limit));
        return latest;
    }

    std::int64_t nextSeq() const { return lastSeq() + 1; }
    std::int64_t latestVersion(const std::string& id) const {
        std::int64_t version = 0;
        for (const Entry& entry : entries) {
            if (entry.id == id) {
                version = entry.version;
            }
        }
        return version;
    }
};

}  // namespace kep::desk::test
