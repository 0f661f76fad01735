#include "DeskOptions.h"

#include <QCommandLineParser>

namespace kep::desk {

namespace {

struct Parser {
    QCommandLineParser parser;
    QCommandLineOption server{QStringLiteral("server"),
                              QStringLiteral("Server URL (overrides the machine policy)."),
                              QStringLiteral("URL")};
    QCommandLineOption ca{QStringLiteral("ca"),
                          QStringLiteral("CA certificate file (overrides the machine policy)."),
                          QStringLiteral("FILE")};
    QCommandLineOption data{QStringLiteral("data"),
                            QStringLiteral("Data folder (overrides the machine policy)."),
                            QStringLiteral("DIR")};
    QCommandLineOption tour{QStringLiteral("tour"),
                            QStringLiteral("Run the scripted tour and write screenshots to DIR."),
                            QStringLiteral("DIR")};
    QCommandLineOption demo{QStringLiteral("demo"),
                            QStringLiteral("demo.json with the users the tour signs in as."),
                            QStringLiteral("FILE")};
    QCommandLineOption lang{QStringLiteral("lang"),
                            QStringLiteral("Language at start: el (default) or en."),
                            QStringLiteral("CODE")};
    QCommandLineOption checkStart{
        QStringLiteral("check-start"),
        QStringLiteral("Start up to the sign-in dialog, then exit 0 (a check after installing).")};

    QCommandLineOption training{
        QStringLiteral("training"),
        QStringLiteral("Training mode: practise on the sandbox data set, with a TRAINING "
                       "watermark; nothing reaches the server.")};
    QCommandLineOption resetTraining{
        QStringLiteral("reset-training"),
        QStringLiteral("Training mode, with the sandbox data set restored first.")};

    Parser() {
        parser.setApplicationDescription(QStringLiteral("KEP Back Office workstation (kep-desk)."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions(
            {server, ca, data, tour, demo, lang, checkStart, training, resetTraining});
    }
};

}  // namespace

std::optional<DeskOptions> DeskOptions::parse(const QStringList& arguments, QString* error) {
    Parser p;
    if (!p.parser.parse(arguments)) {
        *error = p.parser.errorText();
        return std::nullopt;
    }
    if (!p.parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("unexpected argument: %1").arg(p.parser.positionalArguments()[0]);
        return std::nullopt;
    }
    DeskOptions options;
    options.helpRequested = p.parser.isSet(QStringLiteral("help"));
    options.versionRequested = p.parser.isSet(QStringLiteral("version"));
    options.serverUrl = p.parser.value(p.server);
    options.caFile = p.parser.value(p.ca);
    options.dataDir = p.parser.value(p.data);
    options.tourDir = p.parser.value(p.tour);
    options.demoFile = p.parser.value(p.demo);
    options.language = p.parser.value(p.lang);
    options.checkStart = p.parser.isSet(p.checkStart);
    options.resetTraining = p.parser.isSet(p.resetTraining);
    options.training = options.resetTraining || p.parser.isSet(p.training);
    if (!options.language.isEmpty() && options.language != QLatin1String("el") &&
        options.language != QLatin1String("en")) {
        *error = QStringLiteral("--lang must be el or en, not %1").arg(options.language);
        return std::nullopt;
    }
    if (options.checkStart && !options.tourDir.isEmpty()) {
        *error = QStringLiteral("--check-start and --tour exclude each other");
        return std::nullopt;
    }
    if (options.training && !options.tourDir.isEmpty()) {
        *error = QStringLiteral("--training and --tour exclude each other");
        return std::nullopt;
    }
    if (!options.tourDir.isEmpty() && options.demoFile.isEmpty() && !options.helpRequested) {
        *error = QStringLiteral("--tour needs --demo FILE (the demo.json with the tour's users)");
        return std::nullopt;
    }
    return options;
}

QString DeskOptions::usage() {
    // helpText() names the executable from QCoreApplication, which may not exist yet.
    QString text = Parser().parser.helpText();
    text.replace(QLatin1String("<executable_name>"), QLatin1String("kep-desk"));
    return text;
}

}  // namespace kep::desk
