#include "TestPki.h"

#include <QFile>
#include <QProcess>

namespace kep::test {

namespace {

// P-256 keys: quick to make, and what the project's own CA issues.
const QStringList kNewKey = {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"};

}  // namespace

TestPki::TestPki() {
    if (!dir_.isValid()) {
        errorString_ = "Cannot create a temporary directory: " + dir_.errorString();
        return;
    }
    ca_ = makeCa("ca", "KEP Test CA");
    if (!isValid()) {
        return;
    }
    server_ = issue("server", "localhost", {"DNS:localhost", "IP:127.0.0.1"}, Usage::Server);
    if (!isValid()) {
        return;
    }
    client_ = issue("client", "KEP Test Workstation", {}, Usage::Client);
}

bool TestPki::run(const QStringList& arguments) {
    QProcess openssl;
    openssl.setWorkingDirectory(dir_.path());
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start("openssl", arguments);
    if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
        openssl.exitCode() != 0) {
        errorString_ = "openssl " + arguments.join(' ') + " failed: " + openssl.errorString() +
                       "\n" + QString::fromLocal8Bit(openssl.readAll());
        return false;
    }
    return true;
}

IssuedCertificate TestPki::makeCa(const QString& name, const QString& commonName) {
    IssuedCertificate ca{dir_.filePath(name + ".crt"), dir_.filePath(name + ".key")};
    const bool made =
        run(QStringList{"req", "-x509"} + kNewKey +
            QStringList{"-keyout", ca.keyFile, "-out", ca.certFile, "-days", "2", "-subj",
                        "/CN=" + commonName, "-addext", "basicConstraints=critical,CA:TRUE",
                        "-addext", "keyUsage=critical,keyCertSign,cRLSign"});
    return made ? ca : IssuedCertificate{};
}

IssuedCertificate TestPki::makeUnrelatedCa(const QString& name) {
    return makeCa(name, "Unrelated Test CA " + name);
}

IssuedCertificate TestPki::issue(const QString& name, const QString& commonName,
                                 const QStringList& subjectAltNames, Usage usage) {
    IssuedCertificate issued{dir_.filePath(name + ".crt"), dir_.filePath(name + ".key")};
    const QString request = dir_.filePath(name + ".csr");
    const QString extensionsFile = dir_.filePath(name + ".ext");

    QFile extensions(extensionsFile);
    if (!extensions.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        errorString_ = "Cannot write " + extensionsFile + ": " + extensions.errorString();
        return {};
    }
    QByteArray text = "basicConstraints=critical,CA:FALSE\n";
    text += usage == Usage::Server
                ? "keyUsage=critical,digitalSignature,keyAgreement\nextendedKeyUsage=serverAuth\n"
                : "keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n";
    if (!subjectAltNames.isEmpty()) {
        text += "subjectAltName=" + subjectAltNames.join(',').toUtf8() + "\n";
    }
    extensions.write(text);
    extensions.close();

    if (!run(QStringList{"req", "-new"} + kNewKey +
             QStringList{"-keyout", issued.keyFile, "-out", request, "-subj",
                         "/CN=" + commonName})) {
        return {};
    }
    if (!run({"x509", "-req", "-in", request, "-CA", ca_.certFile, "-CAkey", ca_.keyFile,
              "-CAcreateserial", "-days", "2", "-out", issued.certFile, "-extfile",
              extensionsFile})) {
        return {};
    }
    return issued;
}

}  // namespace kep::test
