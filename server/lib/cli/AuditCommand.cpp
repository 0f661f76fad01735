#include "cli/AuditCommand.h"

#include "audit/AuditCheckpointer.h"
#include "audit/AuditFiles.h"
#include "audit/AuditKeys.h"
#include "audit/AuditVerifier.h"
#include "cli/CommandLine.h"
#include "cli/DataDirectory.h"
#include "cli/ImportMitosCommand.h"
#include "platform/Files.h"
#include "storage/DatabaseLocation.h"
#include "storage/ServerStore.h"

#include <stdexcept>

namespace kep::server::cli {

namespace {

// Exit 1: the log is not what it should be (a problem found, or nothing can be signed).
constexpr int kExitDamaged = 1;

struct AuditArguments {
    std::string subcommand;  // verify | checkpoint
    std::string dataDir;
};

AuditArguments parseAudit(std::span<const std::string_view> arguments) {
    if (arguments.size() < 2 || (arguments[1] != "verify" && arguments[1] != "checkpoint")) {
        throw UsageError("audit needs verify or checkpoint");
    }
    AuditArguments parsed{std::string(arguments[1]), {}};
    for (std::size_t i = 2; i < arguments.size(); ++i) {
        if (arguments[i] == "--data" && i + 1 < arguments.size()) {
            parsed.dataDir = arguments[++i];
        } else {
            throw UsageError("audit " + parsed.subcommand + ": unknown argument '" +
                             std::string(arguments[i]) + "'");
        }
    }
    if (parsed.dataDir.empty()) {
        throw UsageError("audit " + parsed.subcommand + " needs --data DIR");
    }
    return parsed;
}

// The public key to check signatures with: the key file's, when there is one (it is what
// signed), else the one kept in meta; a disagreement between the two is itself a problem.
std::string publicKeyOf(const audit::AuditFiles& files, kep::db::Database& db,
                        std::vector<std::string>& problems) {
    std::optional<std::string> stored;
    auto select = db.prepare("SELECT value FROM meta WHERE key = ?1");
    select.bind(1, audit::kPublicKeyMeta);
    if (select.step()) {
        stored = select.text(0);
    }
    const auto key = audit::loadSigningKey(files);
    if (key) {
        const auto pem = key->publicPem();
        if (stored && *stored != pem) {
            problems.push_back("meta audit_public_key is not the public half of " +
                               files.signingKey);
        }
        return pem;
    }
    if (!stored) {
        throw std::runtime_error("no audit key: neither " + files.signingKey +
                                 " nor meta audit_public_key exists");
    }
    return *stored;
}

int verify(const DataDirectory& data, std::ostream& out, std::ostream& err) {
    const audit::AuditFiles files(data.dir);
    // A serving kep-server may be writing a checkpoint: its line and row are looked at only
    // up to where both were at one instant under the write lock. A read-only folder (no server
    // can be writing to it) is read whole.
    std::optional<audit::CheckpointBound> bound;
    std::optional<kep::db::Database> db;
    try {
        db.emplace(storage::openConnection(data.database, {.mode = kep::db::OpenMode::ReadWrite}));
        bound = audit::boundUnderWriteLock(*db, files.checkpointsLog);
    } catch (const kep::db::Error&) {
        db.emplace(storage::openConnection(data.database, {.mode = kep::db::OpenMode::ReadOnly}));
    }
    std::vector<std::string> keyProblems;
    const auto publicPem = publicKeyOf(files, *db, keyProblems);
    auto result = audit::verifyAuditLog(*db, publicPem, files.checkpointsLog, bound);
    result.problems.insert(result.problems.begin(), keyProblems.begin(), keyProblems.end());
    if (!result.intact()) {
        for (const auto& problem : result.problems) {
            out << "PROBLEM " << problem << "\n";
        }
        if (result.unlistedProblems > 0) {
            out << "PROBLEM and " << result.unlistedProblems << " more problems not listed\n";
        }
        err << "kep-server audit verify: the audit log of " << data.dir << " is NOT intact ("
            << result.problems.size() + result.unlistedProblems << " problems)\n";
        return kExitDamaged;
    }
    out << "audit log intact: " << result.entries << " entries, " << result.checkpoints
        << " checkpoints\n";
    if (result.newest) {
        out << "newest checkpoint: size " << result.newest->treeSize << ", root "
            << kep::audit::toHex(result.newest->root) << ", at " << result.newest->at << "\n";
        out << "entries after it (signed at the next checkpoint): "
            << result.entries - result.newest->treeSize << "\n";
    } else {
        out << "no checkpoint yet\n";
    }
    out << "tree head of all entries: " << kep::audit::toHex(result.head) << "\n";
    return kExitOk;
}

int checkpoint(const DataDirectory& data, std::ostream& out) {
    const audit::AuditFiles files(data.dir);
    std::shared_ptr<const kep::audit::SigningKey> key;
    {
        auto store = openServerStore(data);
        key = std::make_shared<const kep::audit::SigningKey>(
            audit::loadOrCreateSigningKey(files, *store));
    }
    auto checkpointer = audit::AuditCheckpointer::open(data.database, key, files.checkpointsLog);
    std::optional<kep::audit::Checkpoint> newest;
    // A backlog is signed in steps; the last step's checkpoint covers what there was.
    constexpr std::size_t kLeavesPerStep = 100000;
    while (auto written = checkpointer->runOnce(kLeavesPerStep)) {
        newest = written;
        if (checkpointer->lastFolded() < kLeavesPerStep) {
            break;
        }
    }
    if (!newest) {
        out << "nothing new to sign\n";
        return kExitOk;
    }
    out << "checkpoint: size " << newest->treeSize << ", root " << kep::audit::toHex(newest->root)
        << ", at " << newest->at << "\n";
    return kExitOk;
}

}  // namespace

bool isAuditCommand(std::string_view name) {
    return name == "audit";
}

int runAuditCommandLine(std::span<const std::string_view> arguments, std::ostream& out,
                        std::ostream& err) {
    AuditArguments parsed;
    try {
        parsed = parseAudit(arguments);
    } catch (const UsageError& error) {
        err << "kep-server: " << error.what() << "\n" << auditUsage();
        return kExitUsage;
    }
    const DataDirectory data(parsed.dataDir);
    if (!data.hasDatabase()) {
        err << "kep-server audit: " << parsed.dataDir
            << " is not an initialised data folder (run: kep-server init --data " << parsed.dataDir
            << ")\n";
        return kExitFailed;
    }
    try {
        return parsed.subcommand == "verify" ? verify(data, out, err) : checkpoint(data, out);
    } catch (const kep::db::Error& error) {
        err << "kep-server audit " << parsed.subcommand << ": " << error.what() << "\n";
        return kExitFailed;
    } catch (const std::exception& error) {
        // The checkpointer refuses to sign a log that disagrees with itself.
        err << "kep-server audit " << parsed.subcommand << ": " << error.what() << "\n";
        return kExitDamaged;
    }
}

std::string auditUsage() {
    return "  kep-server audit verify --data DIR\n"
           "      Proves the audit log whole (it writes nothing, and may run while the server\n"
           "      serves):\n"
           "      every entry against its leaf hash, leaf indices dense, every checkpoint's\n"
           "      signature and root, audit_checkpoint against DIR/audit/checkpoints.log.\n"
           "      Exit 0 with a summary, or 1 naming each problem found.\n"
           "  kep-server audit checkpoint --data DIR\n"
           "      Signs a checkpoint over the entries written since the last one (serve does\n"
           "      so every second).\n";
}

}  // namespace kep::server::cli
