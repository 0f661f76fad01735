// Writing a circular to the offices: its kind, title and text in Greek (and, optionally, in
// English), and who receives it — every office, one region's offices or the offices ticked.
#pragma once

#include "admin/AdminReplies.h"
#include "circulars/CircularSending.h"

#include <QList>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace kep::desk::ui {

class CircularComposer : public QWidget {
    Q_OBJECT
public:
    explicit CircularComposer(QWidget* parent = nullptr);

    // The offices an audience may name, as the server lists them; their regions fill the
    // region choice.
    void setOffices(const QList<kep::desk::admin::Office>& offices);
    // A region's IT staff write to their own region only: "every office" is then not offered.
    void setNationalAudience(bool allowed);

    // What is written, or nullopt with the reason shown in problem() and the focus on the field.
    std::optional<kep::desk::circulars::OutgoingCircular> circular();
    // Checks the circular and asks for it to be sent (Ctrl+Return, or the Send button).
    void requestSend();
    // Empties the text after a send; the kind and the audience stay for the next one.
    void clearText();
    void setSending(bool sending);

    QComboBox* kind() const { return kind_; }
    QLineEdit* titleEl() const { return titleEl_; }
    QLineEdit* titleEn() const { return titleEn_; }
    QPlainTextEdit* bodyEl() const { return bodyEl_; }
    QPlainTextEdit* bodyEn() const { return bodyEn_; }
    QRadioButton* toAll() const { return toAll_; }
    QRadioButton* toRegion() const { return toRegion_; }
    QComboBox* region() const { return region_; }
    QRadioButton* toOffices() const { return toOffices_; }
    QListWidget* offices() const { return offices_; }
    QPushButton* sendButton() const { return send_; }
    QLabel* problem() const { return problem_; }

signals:
    void sendRequested(const kep::desk::circulars::OutgoingCircular& circular);

protected:
    void changeEvent(QEvent* event) override;

private:
    void audienceChanged();
    bool refuse(const QString& problem, QWidget* field);
    void retranslateUi();

    QLabel* kindLabel_;
    QComboBox* kind_;
    QLabel* titleElLabel_;
    QLineEdit* titleEl_;
    QLabel* titleEnLabel_;
    QLineEdit* titleEn_;
    QLabel* bodyElLabel_;
    QPlainTextEdit* bodyEl_;
    QLabel* bodyEnLabel_;
    QPlainTextEdit* bodyEn_;
    QLabel* audienceLabel_;
    QRadioButton* toAll_;
    QRadioButton* toRegion_;
    QComboBox* region_;
    QRadioButton* toOffices_;
    QListWidget* offices_;
    QPushButton* send_;
    QLabel* problem_;
};

}  // namespace kep::desk::ui
