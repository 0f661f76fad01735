// Unfinished filings kept in desk.db so that nothing typed is lost: the form's autosave writes
// here, and after a crash or restart the desk offers each draft back to its clerk.
#pragma once

#include "db/Database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kep::desk::cases {

struct Draft {
    std::string id;
    std::string userId;
    std::string content;  // the form's fields as JSON
    std::int64_t savedAtMs = 0;
};

class DraftStore {
public:
    explicit DraftStore(kep::db::Database& db) : db_(db) {}

    // One statement, so the draft is either the old one or the new one, never half of each.
    void save(const Draft& draft);
    std::vector<Draft> draftsOf(const std::string& userId) const;
    std::optional<Draft> latestOf(const std::string& userId) const;
    void remove(const std::string& id);

private:
    kep::db::Database& db_;
};

}  // namespace kep::desk::cases
