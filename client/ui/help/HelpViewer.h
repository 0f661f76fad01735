// The help window F1 opens: one screen's page in the desk's language, read with the keyboard
// (arrows and Page Up/Down scroll, Esc closes), beside the screen it explains, not modal.
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QTextBrowser;

namespace kep::desk::ui::help {

class HelpViewer : public QDialog {
    Q_OBJECT
public:
    explicit HelpViewer(QWidget* parent = nullptr);

    // Shows the page of `topic` in `language`. A missing page is a fault of the build: the
    // viewer says so in the desk's words and the log names the topic; returns false then.
    bool showTopic(const QString& topic, const QString& language);
    QString topic() const { return topic_; }
    QString language() const { return language_; }
    QTextBrowser* browser() const { return browser_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QString topic_;
    QString language_;
    bool pageFound_ = false;
    QTextBrowser* browser_;
    QDialogButtonBox* buttons_;
};

}  // namespace kep::desk::ui::help
