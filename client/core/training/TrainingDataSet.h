// The sandbox data set shipped with kep-desk for training mode (issue 11): a training office and
// its protocol-number range, training accounts, practice citizens and a few sample procedures.
#pragma once

#include "catalogue/PublishedRecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <functional>
#include <optional>

namespace kep::desk::training {

struct TrainingAccount {
    QString userId;
    QString username;
    QString password;  // public on purpose: the sign-in dialog shows it to the trainees
    QString role;      // clerk or manager
    QString displayNameEl;
    QString displayNameEn;
};

// A synthetic person to practise identifying: the ΑΦΜ carries a valid check digit.
struct PracticeCitizen {
    QString afm;
    QString surnameEl;
    QString givenNameEl;
    QString surnameLatin;
    QString givenNameLatin;
};

struct TrainingDataSet {
    int format = 0;
    QString officeCode;  // a valid office code no real KEP has: the protocol numbers show it
    QString officeNameEl;
    QString officeNameEn;
    std::uint32_t firstNumber = 0;  // the protocol-number range of each year in training
    std::uint32_t lastNumber = 0;
    QList<TrainingAccount> accounts;
    QList<PracticeCitizen> citizens;
    // The procedures as one page of the server's changes feed: what the desk's catalogue stores.
    kep::desk::catalogue::ChangesPage catalogue;

    // Finds a MITOS document by procedure id and language ("el", "en"); empty when absent.
    using MitosSource = std::function<QByteArray(const QString& id, const QString& language)>;

    // The data set built into the executable (:/training). Throws nothing; nullopt with *error
    // only for a build whose resource is damaged.
    static std::optional<TrainingDataSet> shipped(QString* error);
    // Reads training.json: every citizen's ΑΦΜ must pass its check digit, every account must be
    // a clerk or a manager with a password, the office code must be a valid one, and each
    // procedure must have a Greek MITOS document. nullopt with *error naming what is wrong.
    static std::optional<TrainingDataSet> fromJson(const QByteArray& json, const MitosSource& mitos,
                                                   QString* error);

    const TrainingAccount* account(const QString& username) const;
};

}  // namespace kep::desk::training
