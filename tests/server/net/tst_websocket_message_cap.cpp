// The WebSocket message cap of the real server, spoken frame by frame over a raw TLS connection:
// a message over the cap (in one frame or in fragments) is answered with close 1009, a message
// at the cap is taken and the socket goes on serving.
#include "RawTlsConnection.h"
#include "ServerProcess.h"

#include <QFileInfo>
#include <QTest>

#include <csignal>
#include <cstdint>

using kep::test::RawTlsConnection;
using kep::test::ServerProcess;

namespace {

constexpr qsizetype kCap = 64 * 1024;  // ServerLimits::webSocketMessageMax, the default

enum Opcode : std::uint8_t { Continuation = 0x0, Text = 0x1, Close = 0x8, Pong = 0xA };

// One client frame (clients must mask, RFC 6455 section 5.3), with the 7-, 16- or 64-bit length.
QByteArray frame(std::uint8_t opcode, const QByteArray& payload, bool fin) {
    QByteArray out;
    out.append(static_cast<char>((fin ? 0x80 : 0x00) | opcode));
    const auto length = static_cast<std::uint64_t>(payload.size());
    if (length < 126) {
        out.append(static_cast<char>(0x80 | length));
    } else if (length <= 0xFFFF) {
        out.append(static_cast<char>(0x80 | 126));
        out.append(static_cast<char>(length >> 8)).append(static_cast<char>(length & 0xFF));
    } else {
        out.append(static_cast<char>(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.append(static_cast<char>((length >> shift) & 0xFF));
        }
    }
    const char mask[4] = {0x11, 0x22, 0x33, 0x44};
    out.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i) {
        out.append(static_cast<char>(payload[i] ^ mask[i % 4]));
    }
    return out;
}

struct ServerFrame {
    int opcode = -1;  // -1: none came
    QByteArray payload;
};

// What the server sends, taken in exact amounts: a read may bring more than was asked for (the
// upgrade's answer and the first frame in one record), and the rest waits here.
class ServerBytes {
public:
    explicit ServerBytes(RawTlsConnection& connection) : connection_(connection) {}

    QByteArray take(qsizetype count, int timeoutMs) {
        while (buffer_.size() < count) {
            const auto more = connection_.readExactly(1, timeoutMs);
            if (more.isEmpty()) {
                return {};
            }
            buffer_ += more;
        }
        const auto taken = buffer_.left(count);
        buffer_.remove(0, count);
        return taken;
    }

    // Up to and including the blank line that ends an HTTP header.
    QByteArray takeHeader(int timeoutMs) {
        QByteArray header;
        while (!header.endsWith("\r\n\r\n")) {
            const auto next = take(1, timeoutMs);
            if (next.isEmpty()) {
                return {};
            }
            header += next;
        }
        return header;
    }

    // The next frame (unmasked, as a server sends; lengths up to 16 bits: the events socket
    // sends small texts).
    ServerFrame frame(int timeoutMs) {
        const auto head = take(2, timeoutMs);
        if (head.size() < 2) {
            return {};
        }
        qsizetype length = static_cast<std::uint8_t>(head[1]) & 0x7F;
        if (length == 126) {
            const auto extended = take(2, timeoutMs);
            if (extended.size() < 2) {
                return {};
            }
            length = (static_cast<std::uint8_t>(extended[0]) << 8) |
                     static_cast<std::uint8_t>(extended[1]);
        }
        return {static_cast<std::uint8_t>(head[0]) & 0x0F,
                length > 0 ? take(length, timeoutMs) : QByteArray()};
    }

    // The first frame of the given kind, skipping the event texts the server pushes meanwhile.
    ServerFrame await(int opcode) {
        for (int i = 0; i < 16; ++i) {
            auto next = frame(3000);
            if (next.opcode == opcode || next.opcode == -1) {
                return next;
            }
        }
        return {};
    }

private:
    RawTlsConnection& connection_;
    QByteArray buffer_;
};

int closeCodeOf(const ServerFrame& close) {
    if (close.payload.size() < 2) {
        return -1;
    }
    return (static_cast<std::uint8_t>(close.payload[0]) << 8) |
           static_cast<std::uint8_t>(close.payload[1]);
}

}  // namespace

class tst_WebSocketMessageCap : public QObject {
    Q_OBJECT

private:
    ServerProcess server_;

    // An events socket opened with the admin tool's certificate (the route needs a workstation).
    static bool upgrade(RawTlsConnection& connection, ServerBytes& bytes) {
        if (!connection.open() ||
            !connection.write("GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\n"
                              "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                              "Sec-WebSocket-Version: 13\r\n\r\n")) {
            return false;
        }
        return bytes.takeHeader(3000).startsWith("HTTP/1.1 101");
    }

private slots:
    void initTestCase() {
        std::signal(SIGPIPE, SIG_IGN);
        QVERIFY2(QFileInfo::exists(ServerProcess::binary()), "build kep-server first");
        QVERIFY2(server_.start(), qPrintable(server_.errorString()));
    }

    void overTheCapClosesWith1009_data() {
        QTest::addColumn<QList<QByteArray>>("frames");
        const QByteArray half(kCap / 2 + 1, 'a');
        QTest::newRow("one frame one byte over")
            << QList<QByteArray>{frame(Text, QByteArray(kCap + 1, 'a'), true)};
        QTest::newRow("fragments that add up to over the cap")
            << QList<QByteArray>{frame(Text, half, false), frame(Continuation, half, true)};
        QTest::newRow("a frame that only announces a huge length")
            << QList<QByteArray>{frame(Text, QByteArray(kCap + 1, 'a'), true).left(16)};
    }
    void overTheCapClosesWith1009() {
        QFETCH(QList<QByteArray>, frames);
        RawTlsConnection connection(server_.caFile(), server_.port(), {}, server_.adminPem());
        ServerBytes bytes(connection);
        QVERIFY(upgrade(connection, bytes));
        for (const auto& sent : frames) {
            connection.write(sent);  // the server may close before the last byte: ignored
        }
        const auto close = bytes.await(Close);
        QCOMPARE(close.opcode, static_cast<int>(Close));
        QCOMPARE(closeCodeOf(close), 1009);
        QVERIFY(connection.waitForClose(3000));
    }

    // At the cap the message is taken, and the socket keeps answering ("ping" → pong text).
    void atTheCapTheSocketGoesOn() {
        RawTlsConnection connection(server_.caFile(), server_.port(), {}, server_.adminPem());
        ServerBytes bytes(connection);
        QVERIFY(upgrade(connection, bytes));
        const bool written = connection.write(frame(Text, QByteArray(kCap, 'a'), true)) &&
                             connection.write(frame(Text, "ping", true));
        for (int i = 0; i < 16; ++i) {
            const auto next = bytes.frame(3000);
            QVERIFY2(next.opcode == Text,
                     qPrintable(QStringLiteral("written %1, opcode %2, close code %3")
                                    .arg(written)
                                    .arg(next.opcode)
                                    .arg(closeCodeOf(next))));
            if (next.payload.contains(R"("type":"pong")")) {
                return;
            }
        }
        QFAIL("no pong");
    }

    void cleanupTestCase() { QCOMPARE(server_.stop(), 0); }
};

QTEST_GUILESS_MAIN(tst_WebSocketMessageCap)
#include "tst_websocket_message_cap.moc"
