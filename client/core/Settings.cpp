#include "Settings.h"

#include <QSettings>

namespace kep::desk {

namespace {
const QString kLanguage = QStringLiteral("Language");
const QString kGeometry = QStringLiteral("MainWindow/Geometry");
const QString kState = QStringLiteral("MainWindow/State");
const QString kLargeText = QStringLiteral("Appearance/LargeText");
const QString kHighContrast = QStringLiteral("Appearance/HighContrast");
const QString kLastScanner = QStringLiteral("Scanning/LastScanner");

QString firstSet(const QString& a, const QString& b) {
    return a.isEmpty() ? b : a;
}
}  // namespace

std::unique_ptr<Settings> Settings::forCurrentUser() {
    auto user = std::make_unique<QSettings>(QSettings::UserScope, QStringLiteral("KEP"),
                                            QStringLiteral("kep-desk"));
    return std::make_unique<Settings>(systemPolicySource(), std::move(user));
}

std::unique_ptr<Settings> Settings::withFiles(std::unique_ptr<PolicySource> policy,
                                              const QString& userSettingsFile) {
    auto user = std::make_unique<QSettings>(userSettingsFile, QSettings::IniFormat);
    return std::make_unique<Settings>(std::move(policy), std::move(user));
}

Settings::Settings(std::unique_ptr<PolicySource> policy, std::unique_ptr<QSettings> user)
    : policySource_(std::move(policy))
    , policy_(policySource_->read())
    , user_(std::move(user)) {
    // Without this a user-scope QSettings would also read the system file; the policy is read
    // separately and must not leak into (or be shadowed by) per-user lookups.
    user_->setFallbacksEnabled(false);
}

Settings::~Settings() = default;

void Settings::setCommandLineOverrides(CommandLineOverrides overrides) {
    overrides_ = std::move(overrides);
}

QString Settings::serverUrl() const {
    return firstSet(overrides_.serverUrl, policy_.serverUrl);
}

QString Settings::caFile() const {
    return firstSet(overrides_.caFile, policy_.caFile);
}

QString Settings::dataDir() const {
    return firstSet(overrides_.dataDir, policy_.dataDir);
}

int Settings::offlineSignInDays() const {
    return policy_.offlineSignInDays;
}

QString Settings::officeCode() const {
    return policy_.officeCode;
}

QString Settings::language() const {
    const QString code = user_->value(kLanguage).toString();
    return code == QLatin1String("en") ? code : QStringLiteral("el");
}

void Settings::setLanguage(const QString& code) {
    user_->setValue(kLanguage, code == QLatin1String("en") ? code : QStringLiteral("el"));
}

QByteArray Settings::mainWindowGeometry() const {
    return user_->value(kGeometry).toByteArray();
}

void Settings::setMainWindowGeometry(const QByteArray& geometry) {
    user_->setValue(kGeometry, geometry);
}

QByteArray Settings::mainWindowState() const {
    return user_->value(kState).toByteArray();
}

void Settings::setMainWindowState(const QByteArray& state) {
    user_->setValue(kState, state);
}

bool Settings::largeText() const {
    return user_->value(kLargeText, false).toBool();
}

void Settings::setLargeText(bool on) {
    user_->setValue(kLargeText, on);
}

bool Settings::highContrast() const {
    return user_->value(kHighContrast, false).toBool();
}

void Settings::setHighContrast(bool on) {
    user_->setValue(kHighContrast, on);
}

QString Settings::lastScanner() const {
    return user_->value(kLastScanner).toString();
}

void Settings::setLastScanner(const QString& deviceName) {
    user_->setValue(kLastScanner, deviceName);
}

void Settings::sync() {
    user_->sync();
}

}  // namespace kep::desk
