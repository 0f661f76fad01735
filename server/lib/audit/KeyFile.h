// An owner-only secret file that is created once and then only read: the audit signing key and
// the citizens' pseudonym key. Two processes creating it at once agree on one content.
#pragma once

#include <functional>
#include <string>

namespace kep::server::audit {

// The file's content; when it does not exist, writes `make()` to it first (mode 0600, fsync'd)
// by writing a private temporary file and hard-linking it into place, so that a reader never
// sees a half-written key and a second creator never overwrites the first one's. Throws
// std::runtime_error naming the path.
std::string readOrCreateSecretFile(const std::string& path,
                                   const std::function<std::string()>& make);

}  // namespace kep::server::audit
