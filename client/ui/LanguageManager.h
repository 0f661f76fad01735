// Switches the desk between Greek and English while it runs: installs the project's own Greek
// translation of Qt's buttons (qtbase_el) and the desk's translation, so widgets retranslate.
#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

namespace kep::desk::ui {

class LanguageManager : public QObject {
    Q_OBJECT
public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    static QStringList languages() { return {QStringLiteral("el"), QStringLiteral("en")}; }

    // "el" or "en". Returns false (and changes nothing) for another code or a missing .qm.
    // Every widget then receives QEvent::LanguageChange.
    bool setLanguage(const QString& code);
    QString language() const { return language_; }

signals:
    void languageChanged(const QString& code);

private:
    void removeTranslators();

    QTranslator qtTranslator_;   // Qt's own strings: buttons, edit menus, file dialogs
    QTranslator appTranslator_;  // the desk's strings
    bool installed_ = false;
    QString language_;
};

}  // namespace kep::desk::ui
