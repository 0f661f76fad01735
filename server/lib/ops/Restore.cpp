#include "ops/Restore.h"

#include "attachments/UploadFiles.h"
#include "audit/AuditFiles.h"
#include "audit/AuditKeys.h"
#include "audit/AuditVerifier.h"
#include "db/Database.h"
#include "ops/Backup.h"
#include "ops/Sha256.h"
#include "ops/TarArchive.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace kep::server::ops {

namespace {

namespace fs = std::filesystem;

struct Extracted {
    std::string sha256;
    std::uint64_t size = 0;
};

void makeParents(const fs::path& root, const std::string& name) {
    auto parent = fs::path(name).parent_path();
    fs::path at = root;
    for (const auto& part : parent) {
        at /= part;
        attachments::ensureDirectory(at.string());
    }
}

void checkManifest(const std::string& text, const std::map<std::string, Extracted>& extracted,
                   const std::string& archive) {
    std::istringstream lines(text);
    std::string line;
    if (!std::getline(lines, line) || line != kManifestFirstLine) {
        throw std::runtime_error(archive + " is not a kep-server backup (no manifest)");
    }
    std::size_t listed = 0;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string sha;
        std::uint64_t size = 0;
        std::string name;
        fields >> sha >> size;
        std::getline(fields >> std::ws, name);
        const auto found = extracted.find(name);
        if (found == extracted.end()) {
            throw std::runtime_error(archive + " lacks " + name + ", which its manifest lists");
        }
        if (found->second.sha256 != sha || found->second.size != size) {
            throw std::runtime_error(archive + ": " + name +
                                     " differs from its manifest entry (damaged)");
        }
        ++listed;
    }
    if (listed != extracted.size()) {
        throw std::runtime_error(archive + " holds members its manifest does not list");
    }
}

// attachments/<sha256>.<ext>: the name is the content's digest.
std::uint64_t checkAttachments(const fs::path& root) {
    const auto folder = root / "attachments";
    std::uint64_t checked = 0;
    if (!fs::is_directory(folder)) {
        return 0;
    }
    for (const auto& entry : fs::directory_iterator(folder)) {
        const auto name = entry.path().filename().string();
        const auto dot = name.find('.');
        if (!entry.is_regular_file() || dot != 64) {
            continue;
        }
        if (sha256OfFile(entry.path().string()) != name.substr(0, 64)) {
            throw std::runtime_error("attachment " + name +
                                     " does not match its SHA-256 (damaged)");
        }
        ++checked;
    }
    return checked;
}

// `kep-server audit verify`'s proof over the restored folder, when it has an audit log.
std::optional<std::string> auditProblem(const fs::path& root, RestoreReport& report) {
    const audit::AuditFiles files(root.string());
    const auto key = audit::loadSigningKey(files);
    auto db =
        kep::db::Database::open((root / "kep.db").string(), {.mode = kep::db::OpenMode::ReadOnly});
    auto table = db.prepare(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'audit_entry'");
    table.step();
    if (!key || table.int64(0) == 0) {
        return std::nullopt;  // a folder from before the audit log (issue 9)
    }
    const auto result = audit::verifyAuditLog(db, key->publicPem(), files.checkpointsLog);
    report.auditVerified = true;
    report.auditEntries = result.entries;
    report.auditCheckpoints = result.checkpoints;
    if (result.intact()) {
        return std::nullopt;
    }
    return result.problems.empty() ? std::string("unlisted problems") : result.problems.front();
}

bool isEmptyOrMissing(const std::string& dir) {
    std::error_code ec;
    return !fs::exists(dir, ec) || (fs::is_directory(dir, ec) && fs::is_empty(dir, ec));
}

}  // namespace

std::string integrityProblem(const std::string& databasePath) {
    kep::db::OpenOptions options;
    options.mode = kep::db::OpenMode::ReadWrite;
    auto db = kep::db::Database::open(databasePath, options);
    auto check = db.prepare("PRAGMA integrity_check");
    if (!check.step()) {
        return "integrity_check gave no answer";
    }
    const auto first = check.text(0);
    return first == "ok" ? std::string() : first;
}

RestoreReport restoreBackup(const RestoreOptions& options) {
    const fs::path target = fs::absolute(options.dataDir).lexically_normal();
    if (!isEmptyOrMissing(target.string()) && !options.force) {
        throw std::runtime_error(target.string() +
                                 " is not empty: restore into a new folder, or add --force to "
                                 "move it aside");
    }
    if (!fs::is_directory(target.parent_path())) {
        throw std::runtime_error("folder " + target.parent_path().string() + " does not exist");
    }
    const fs::path staging = target.string() + ".restoring";
    fs::remove_all(staging);  // what a restore that failed before left, never a data folder
    attachments::ensureDirectory(staging.string());
    RestoreReport report;
    try {
        TarReader archive(options.archive);
        std::map<std::string, Extracted> extracted;
        std::string manifest;
        while (const auto member = archive.next()) {
            if (member->name == kManifestName) {
                const auto path = (staging / kManifestName).string();
                archive.extractTo(path);
                std::ifstream in(path, std::ios::binary);
                manifest.assign(std::istreambuf_iterator<char>(in), {});
                fs::remove(path);
                continue;
            }
            if (!manifest.empty()) {
                throw std::runtime_error(options.archive + " has members after its manifest");
            }
            makeParents(staging, member->name);
            const auto sha = archive.extractTo((staging / member->name).string());
            extracted[member->name] = {sha, member->size};
            report.bytes += member->size;
        }
        if (manifest.empty()) {
            throw std::runtime_error(options.archive + " has no manifest (truncated?)");
        }
        checkManifest(manifest, extracted, options.archive);
        report.files = extracted.size();
        if (!extracted.contains("kep.db")) {
            throw std::runtime_error(options.archive + " holds no kep.db");
        }
        if (const auto problem = integrityProblem((staging / "kep.db").string());
            !problem.empty()) {
            throw std::runtime_error("kep.db fails PRAGMA integrity_check: " + problem);
        }
        report.attachments = checkAttachments(staging);
        if (const auto problem = auditProblem(staging, report)) {
            throw std::runtime_error("the backup's audit log is not intact: " + *problem);
        }
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(staging, ignored);
        throw;
    }
    if (!isEmptyOrMissing(target.string())) {
        const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
        report.replacedDir = target.string() + ".replaced-" + std::to_string(seconds);
        attachments::moveDurably(target.string(), report.replacedDir);
    } else if (fs::exists(target)) {
        fs::remove(target);  // an empty folder: the restored one takes its name
    }
    attachments::moveDurably(staging.string(), target.string());
    return report;
}

}  // namespace kep::server::ops
