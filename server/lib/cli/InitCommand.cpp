#include "cli/InitCommand.h"

#include "audit/AuditFiles.h"
#include "audit/AuditKeys.h"
#include "auth/PasswordPolicy.h"
#include "cli/CatalogueDemo.h"
#include "cli/DataDirectory.h"
#include "cli/DemoData.h"
#include "cli/DsnText.h"
#include "pki/CertificateAuthority.h"
#include "platform/Files.h"
#include "platform/Terminal.h"
#include "shared/identity/PasswordHash.h"
#include "storage/ServerStore.h"

#include <cstdlib>
#include <stdexcept>

namespace kep::server::cli {

namespace {

constexpr pki::Days kCaValidity{3650};
constexpr pki::Days kServerValidity{825};
constexpr pki::Days kAdminValidity{825};
constexpr mode_t kPublic = 0644;
constexpr mode_t kSecret = 0600;

// Removes what this run created unless it is told that everything succeeded.
class CreatedFiles {
public:
    explicit CreatedFiles(std::vector<std::string> candidates)
        : candidates_(std::move(candidates)) {}
    ~CreatedFiles() {
        if (!committed_) {
            for (const auto& path : candidates_) {
                platform::removeFile(path);
            }
        }
    }
    void commit() { committed_ = true; }

private:
    std::vector<std::string> candidates_;
    bool committed_ = false;
};

std::string adminPasswordOrThrow(const PasswordSource& source) {
    auto password = source();
    if (!password) {
        throw std::runtime_error(
            "no administrator password: set KEP_ADMIN_PASSWORD or run init on a terminal");
    }
    // The same rules as every password the server stores (length 12..128, not breached).
    const auto check = kep::auth::checkNewPassword(*password, "admin");
    if (!check.accepted()) {
        throw std::runtime_error("the administrator password is refused: " + check.message);
    }
    return std::move(*password);
}

// A new installation's PostgreSQL database: the schema applied, and no installation in it yet.
std::unique_ptr<storage::ServerStore> connectNewDatabase(const std::string& dsn) {
    auto store = storage::ServerStore::connect(dsn);
    auto users = store->database().prepare("SELECT count(*) FROM users");
    users.step();
    if (users.int64(0) > 0) {
        throw std::runtime_error("the database " + withoutPassword(dsn) +
                                 " is already initialised (it has users); nothing was changed");
    }
    return store;
}

}  // namespace

PasswordSource environmentOrTerminalPassword() {
    return []() -> std::optional<std::string> {
        if (const char* fromEnvironment = std::getenv("KEP_ADMIN_PASSWORD")) {
            return std::string(fromEnvironment);
        }
        auto first = platform::readSecret("Password for the administrator 'admin': ");
        if (!first) {
            return std::nullopt;
        }
        auto again = platform::readSecret("Again: ");
        if (!again || *again != *first) {
            throw std::runtime_error("the two passwords differ");
        }
        return first;
    };
}

int runInit(const InitOptions& options, const PasswordSource& adminPassword, std::ostream& out,
            std::ostream& err) {
    const DataDirectory data(options.dataDir);
    const bool onPostgres = !options.dsn.empty();
    try {
        if (!platform::isDirectory(data.dir)) {
            if (platform::exists(data.dir)) {
                throw std::runtime_error(data.dir + " exists and is not a directory");
            }
            platform::makeDirectory(data.dir);
        }
        for (const auto& path : data.initFiles(!onPostgres)) {
            if (platform::exists(path)) {
                throw std::runtime_error(data.dir + " is already initialised (" + path +
                                         " exists); nothing was changed");
            }
        }
        const auto password = adminPasswordOrThrow(adminPassword);
        const auto catalogueDir =
            options.demo ? locateSampleCatalogue(options.catalogueDir) : std::string();

        CreatedFiles created(data.initFiles(!onPostgres));
        const auto ca =
            pki::CertificateAuthority::create("KEP Back Office development CA", kCaValidity);
        const auto server = ca.issueServer(pki::ServerIdentity{}, kServerValidity);
        const auto admin = ca.issueClient("kep-admin", kAdminValidity);
        platform::writeNewFile(data.caCert, ca.certificatePem(), kPublic);
        platform::writeNewFile(data.caKey, ca.privateKeyPem(), kSecret);
        platform::writeNewFile(data.serverCert, server.certificatePem, kPublic);
        platform::writeNewFile(data.serverKey, server.privateKeyPem, kSecret);
        platform::writeNewFile(data.adminPem, admin.certificatePem + admin.privateKeyPem, kSecret);

        auto store = onPostgres ? connectNewDatabase(options.dsn)
                                : storage::ServerStore::create(data.sqliteFile);
        if (onPostgres) {
            // Every later command with --data DIR finds the database here.
            platform::writeNewFile(data.databaseUrl, options.dsn + "\n", kSecret);
        }
        store->setMeta("ca_sha256", pki::sha256Fingerprint(ca.certificate()));
        // The audit log's signing key (issue 9), its public half in meta.
        const audit::AuditFiles auditFiles(data.dir);
        CreatedFiles auditKey({auditFiles.signingKey});
        audit::loadOrCreateSigningKey(auditFiles, *store);
        store->addAdminCertificate(admin.sha256Fingerprint, "kep-admin", admin.notAfter);
        store->addUser({.username = "admin",
                        .displayName = "Central administrator",
                        .role = "central_admin",
                        .officeId = std::nullopt,
                        .passwordHash = kep::identity::hashPassword(password)});
        std::size_t procedures = 0;
        if (options.demo) {
            procedures = loadSampleCatalogue(*store, catalogueDir);
            const auto demo = loadDemoData(*store);
            platform::writeNewFile(data.demoJson, demoJson(demo, "ca.pem"), kSecret);
        }
        created.commit();
        auditKey.commit();

        out << "initialised " << data.dir << "\n"
            << "  database          "
            << (onPostgres ? withoutPassword(options.dsn) : data.sqliteFile) << "\n"
            << "  CA (trust this)   " << data.caCert << "\n"
            << "  server identity   " << data.serverCert << " (localhost, 127.0.0.1, ::1)\n"
            << "  admin certificate " << data.adminPem << "\n"
            << "  administrator     admin\n";
        if (options.demo) {
            out << "  demo users        " << data.demoJson << "\n"
                << "  gov.gr channel    its API key in " << data.demoJson << "\n"
                << "  catalogue         " << procedures << " procedures from " << catalogueDir
                << "\n";
        }
        return 0;
    } catch (const std::exception& error) {
        err << "kep-server init: " << error.what() << "\n";
        return 1;
    }
}

}  // namespace kep::server::cli
