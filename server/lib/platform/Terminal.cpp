#include "platform/Terminal.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

namespace kep::server::platform {

namespace {

void writeAll(int fd, std::string_view text) {
    while (!text.empty()) {
        const auto n = ::write(fd, text.data(), text.size());
        if (n <= 0 && errno != EINTR) {
            return;
        }
        if (n > 0) {
            text.remove_prefix(static_cast<std::size_t>(n));
        }
    }
}

}  // namespace

std::optional<std::string> readSecret(std::string_view prompt) {
    const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        return std::nullopt;
    }
    termios saved{};
    if (::tcgetattr(fd, &saved) != 0) {
        ::close(fd);
        return std::nullopt;
    }
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ECHONL;
    writeAll(fd, prompt);
    ::tcsetattr(fd, TCSAFLUSH, &quiet);
    std::string secret;
    char c = 0;
    while (true) {
        const auto n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0 || c == '\n' || c == '\r') {
            break;
        }
        secret += c;
    }
    ::tcsetattr(fd, TCSAFLUSH, &saved);
    ::close(fd);
    return secret;
}

}  // namespace kep::server::platform
