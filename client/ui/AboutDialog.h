// Help → About: what this program is, its version and the server it talks to, with Qt's own
// Close button (translated by the project's qtbase_el catalogue).
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace kep::desk::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    void setServerVersion(const QString& version);  // empty = not known (offline)

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QLabel* text_;
    QDialogButtonBox* buttons_;
    QString serverVersion_;
};

}  // namespace kep::desk::ui
