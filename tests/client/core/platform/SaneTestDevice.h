// SANE's `test` backend set up for fast, repeatable scans: $SANE_CONFIG_DIR gets a dll.conf that
// loads only `test` and a test.conf with a small page, so nothing depends on /etc/sane.d.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace kep::test {

struct SaneTestPage {
    int widthMm = 40;
    int heightMm = 50;
};

// The backend's pixels for a length in millimetres: floor(mm / 25.4 * dpi), as it computes.
inline int saneTestPixels(int mm, int dpi) {
    return static_cast<int>(mm / 25.4 * dpi);
}

// Writes the configuration libsane reads at its next sane_init (a new SaneScanner).
// `testOptions` are extra test.conf lines ("read-status-code \"SANE_STATUS_JAMMED\"", "read-delay
// true", ...); `backends` false leaves dll.conf empty: a machine with no scanner driver.
inline bool writeSaneTestConfig(const QString& folder, const QStringList& testOptions = {},
                                SaneTestPage page = {}, bool backends = true) {
    if (folder.isEmpty() || !QDir().mkpath(folder)) {
        return false;
    }
    QFile dll(QDir(folder).filePath(QStringLiteral("dll.conf")));
    QFile test(QDir(folder).filePath(QStringLiteral("test.conf")));
    if (!dll.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !test.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return false;
    }
    dll.write(backends ? "test\n" : "");
    QStringList lines{QStringLiteral("number_of_devices 2"),
                      QStringLiteral("mode Gray"),
                      QStringLiteral("depth 8"),
                      QStringLiteral("resolution 50"),
                      QStringLiteral("test-picture \"Color pattern\""),
                      QStringLiteral("tl_x 0.0"),
                      QStringLiteral("tl_y 0.0"),
                      QStringLiteral("br_x %1.0").arg(page.widthMm),
                      QStringLiteral("br_y %1.0").arg(page.heightMm)};
    lines += testOptions;
    test.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
    return dll.error() == QFile::NoError && test.error() == QFile::NoError;
}

// The folder the tests' CMake points SANE_CONFIG_DIR at.
inline QString saneConfigDir() {
    return qEnvironmentVariable("SANE_CONFIG_DIR");
}

}  // namespace kep::test
