// WebSocketClient against a scripted wss peer on loopback (frames written by hand, RFC 6455)
// and against `openssl s_server`, which cannot upgrade: the upgrade, receive deadlines that
// keep the connection, pings, sending and the close handshake.
#include "net/HttpsClient.h"

#include "LoopbackPeers.h"
#include "ScriptedTlsPeer.h"
#include "TestPki.h"

#include <openssl/evp.h>

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <mutex>
#include <semaphore>

using kep::net::Endpoint;
using kep::net::NetworkError;
using kep::net::TlsOptions;
using kep::net::WebSocketClient;
using kep::test::PeerConnection;
using kep::test::ScriptedTlsPeer;
using namespace std::chrono_literals;

namespace {

enum Opcode : unsigned char { Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };

std::string base64(const unsigned char* bytes, int size) {
    std::string text(static_cast<std::size_t>(4 * ((size + 2) / 3)), '\0');
    EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()), bytes, size);
    return text;
}

// Answers the client's upgrade request with 101 and the Sec-WebSocket-Accept it expects.
std::string acceptUpgrade(PeerConnection& connection) {
    const std::string request = connection.readHttpRequest();
    const std::string key = kep::test::headerValue(request, "Sec-WebSocket-Key") +
                            "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(key.data(), key.size(), digest, &length, EVP_sha1(), nullptr);
    connection.write(
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
        base64(digest, static_cast<int>(length)) + "\r\n\r\n");
    return request;
}

// A server frame: final, unmasked, short payload.
std::string frame(Opcode opcode, const std::string& payload) {
    return std::string{static_cast<char>(0x80 | opcode), static_cast<char>(payload.size())} +
           payload;
}

struct ClientFrame {
    int opcode = -1;
    std::string payload;
};

// A client frame (always masked), short payloads only.
ClientFrame readClientFrame(PeerConnection& connection) {
    const std::string head = connection.readExactly(2);
    if (head.size() < 2) {
        return {};
    }
    const std::size_t length = static_cast<unsigned char>(head[1]) & 0x7F;
    const std::string mask = connection.readExactly(4);
    std::string payload = connection.readExactly(length);
    for (std::size_t i = 0; i < payload.size(); ++i) {
        payload[i] = static_cast<char>(payload[i] ^ mask[i % 4]);
    }
    return {static_cast<unsigned char>(head[0]) & 0x0F, payload};
}

}  // namespace

class tst_WebSocketClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(pki_.isValid(), qPrintable(pki_.errorString())); }

    void upgradeCarriesHeadersAndReceivesText() {
        std::string upgrade;
        ScriptedTlsPeer peer = makePeer([&](PeerConnection& connection) {
            upgrade = acceptUpgrade(connection);
            connection.write(frame(Text, "changes up to 42"));
            readClientFrame(connection);  // holds the connection until the client closes
        });
        WebSocketClient client(loopback(peer.port()), trust());
        client.connect("/api/v1/events", {{"Authorization", "Bearer t"}});
        QVERIFY(client.isOpen());
        QCOMPARE(client.receive(5s).value_or(""), std::string("changes up to 42"));
        QVERIFY2(upgrade.starts_with("GET /api/v1/events HTTP/1.1\r\n"), upgrade.c_str());
        QCOMPARE(kep::test::headerValue(upgrade, "Authorization"), std::string("Bearer t"));
        QCOMPARE(kep::test::headerValue(upgrade, "Host"),
                 "127.0.0.1:" + std::to_string(peer.port()));
        client.close();
    }

    // A receive() that times out leaves the connection working: the message that arrives
    // later is the next one received.
    void receiveDeadlineKeepsTheConnection() {
        std::binary_semaphore timedOut(0);
        ScriptedTlsPeer peer = makePeer([&](PeerConnection& connection) {
            acceptUpgrade(connection);
            timedOut.acquire();
            connection.write(frame(Text, "late"));
            readClientFrame(connection);
        });
        WebSocketClient client(loopback(peer.port()), trust());
        client.connect("/api/v1/events");
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY(!client.receive(300ms).has_value());
        const qint64 waited = elapsed.elapsed();
        QVERIFY2(waited >= 290 && waited < 1300, qPrintable(QString::number(waited)));
        QVERIFY(client.isOpen());
        timedOut.release();
        QCOMPARE(client.receive(5s).value_or(""), std::string("late"));
        client.close();
    }

    void pingIsAnsweredWhileReceiving() {
        std::atomic<bool> ponged{false};
        ScriptedTlsPeer peer = makePeer([&](PeerConnection& connection) {
            acceptUpgrade(connection);
            connection.write(frame(Ping, "are-you-there"));
            const ClientFrame answer = readClientFrame(connection);
            ponged = answer.opcode == Pong && answer.payload == "are-you-there";
            connection.write(frame(Text, "after ping"));
            readClientFrame(connection);
        });
        WebSocketClient client(loopback(peer.port()), trust());
        client.connect("/api/v1/events");
        QCOMPARE(client.receive(5s).value_or(""), std::string("after ping"));
        QVERIFY(ponged.load());
        client.close();
    }

    void sendThenCloseHandshake() {
        std::mutex mutex;
        std::vector<ClientFrame> frames;
        ScriptedTlsPeer peer = makePeer([&](PeerConnection& connection) {
            acceptUpgrade(connection);
            for (;;) {
                ClientFrame received = readClientFrame(connection);
                {
                    std::lock_guard lock(mutex);
                    frames.push_back(received);
                }
                if (received.opcode == Close) {
                    connection.write(frame(Close, received.payload));
                    return;
                }
                if (received.opcode < 0) {
                    return;
                }
            }
        });
        WebSocketClient client(loopback(peer.port()), trust());
        client.connect("/api/v1/events");
        client.send("hello from desk 7");
        client.close();
        QVERIFY(!client.isOpen());
        QVERIFY(peer.waitForClosed(1, 5s));
        std::lock_guard lock(mutex);
        QCOMPARE(frames.size(), std::size_t(2));
        QCOMPARE(frames[0].opcode, int(Text));
        QCOMPARE(frames[0].payload, std::string("hello from desk 7"));
        QCOMPARE(frames[1].opcode, int(Close));
        QCOMPARE(frames[1].payload, std::string("\x03\xE8", 2));  // 1000, normal closure
    }

    void closeByServerIsReported() {
        ScriptedTlsPeer peer = makePeer([&](PeerConnection& connection) {
            acceptUpgrade(connection);
            connection.write(frame(Close, std::string("\x03\xE9", 2) + "going away"));
            readClientFrame(connection);
        });
        WebSocketClient client(loopback(peer.port()), trust());
        client.connect("/api/v1/events");
        try {
            client.receive(5s);
            QFAIL("no error");
        } catch (const NetworkError& e) {
            QVERIFY2(QString(e.what()).contains("closed by the server: going away"), e.what());
        }
        QVERIFY(!client.isOpen());
        QVERIFY_THROWS_EXCEPTION(NetworkError, client.send("x"));
    }

    void binaryMessageIsRefusedButKeepsTheConnection() {
        ScriptedTlsPeer peer = makePeer([&](PeerConnection& connection) {
            acceptUpgrade(connection);
            connection.write(frame(Binary, "\x01\x02"));
            connection.write(frame(Text, "text again"));
            readClientFrame(connection);
        });
        WebSocketClient client(loopback(peer.port()), trust());
        client.connect("/api/v1/events");
        QVERIFY_THROWS_EXCEPTION(NetworkError, client.receive(5s));
        QCOMPARE(client.receive(5s).value_or(""), std::string("text again"));
        client.close();
    }

    void upgradeRefusedByPlainHttpsServer() {
        kep::test::OpenSslServer server;
        QVERIFY2(
            server.start({"-cert", pki_.server().certFile, "-key", pki_.server().keyFile, "-www"}),
            qPrintable(server.errorString()));
        WebSocketClient client(loopback(server.port()), trust());
        try {
            client.connect("/api/v1/events");
            QFAIL("upgraded");
        } catch (const NetworkError& e) {
            const QString message = e.what();
            QVERIFY2(message.startsWith("WebSocket upgrade with 127.0.0.1:"), e.what());
            QVERIFY2(message.contains("HTTP 200 instead of 101"), e.what());
        }
        QVERIFY(!client.isOpen());
    }

    void wrongCaIsRefused() {
        kep::test::OpenSslServer server;
        QVERIFY2(
            server.start({"-cert", pki_.server().certFile, "-key", pki_.server().keyFile, "-www"}),
            qPrintable(server.errorString()));
        TlsOptions tls = trust();
        tls.caFile = pki_.makeUnrelatedCa("ws-other-ca").certFile.toStdString();
        WebSocketClient client(loopback(server.port()), tls);
        try {
            client.connect("/api/v1/events");
            QFAIL("connected");
        } catch (const NetworkError& e) {
            QVERIFY2(QString(e.what()).contains("TLS handshake") &&
                         QString(e.what()).contains("certificate verify failed"),
                     e.what());
        }
    }

    void upgradeDeadline() {
        ScriptedTlsPeer peer = makePeer([&](PeerConnection& connection) {
            connection.readHttpRequest();
            connection.readHttpRequest();  // never answers the upgrade
        });
        WebSocketClient client(loopback(peer.port()), trust(), 500ms);
        QElapsedTimer elapsed;
        elapsed.start();
        QVERIFY_THROWS_EXCEPTION(NetworkError, client.connect("/api/v1/events"));
        QVERIFY2(elapsed.elapsed() < 1600, qPrintable(QString::number(elapsed.elapsed())));
    }

private:
    template <typename Script>
    ScriptedTlsPeer makePeer(Script script) {
        return ScriptedTlsPeer(pki_.server().certFile.toStdString(),
                               pki_.server().keyFile.toStdString(),
                               [script](int, PeerConnection& connection) { script(connection); });
    }
    static Endpoint loopback(std::uint16_t port) {
        return Endpoint{"127.0.0.1", std::to_string(port)};
    }
    TlsOptions trust() const {
        TlsOptions tls;
        tls.caFile = pki_.caCertFile().toStdString();
        return tls;
    }

    kep::test::TestPki pki_;
};

QTEST_GUILESS_MAIN(tst_WebSocketClient)
#include "tst_websocketclient.moc"
