#include "LanguageManager.h"

#include "LocaleFormat.h"

#include <QCoreApplication>
#include <QLocale>

namespace kep::desk::ui {

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

LanguageManager::~LanguageManager() {
    removeTranslators();
}

void LanguageManager::removeTranslators() {
    if (installed_) {
        QCoreApplication::removeTranslator(&appTranslator_);
        QCoreApplication::removeTranslator(&qtTranslator_);
        installed_ = false;
    }
}

bool LanguageManager::setLanguage(const QString& code) {
    if (!languages().contains(code)) {
        return false;
    }
    if (code == language_) {
        return true;
    }
    // Load into fresh translators first, so a missing file leaves the current language intact.
    QTranslator qt;
    QTranslator app;
    const bool needsQt = code != QLatin1String("en");  // Qt's source strings are English
    if ((needsQt && !qt.load(QStringLiteral(":/i18n/qtbase_%1.qm").arg(code))) ||
        !app.load(QStringLiteral(":/i18n/kep_%1.qm").arg(code))) {
        return false;
    }
    removeTranslators();
    // QTranslator cannot be moved: load the members from the same (embedded) files.
    if (needsQt) {
        (void)qtTranslator_.load(QStringLiteral(":/i18n/qtbase_%1.qm").arg(code));
    }
    (void)appTranslator_.load(QStringLiteral(":/i18n/kep_%1.qm").arg(code));
    // Qt's catalogue first, then the desk's: the one installed last is searched first.
    if (needsQt) {
        QCoreApplication::installTranslator(&qtTranslator_);
    }
    QCoreApplication::installTranslator(&appTranslator_);
    installed_ = true;
    language_ = code;
    // Dates and numbers follow the language (e.g. the last-sync time in the status bar).
    QLocale::setDefault(LocaleFormat::forLanguage(code));
    emit languageChanged(code);
    return true;
}

}  // namespace kep::desk::ui
