// What an unfinished filing holds, as the form's autosave writes it to desk.db: the procedure,
// everything typed about the citizen, the checklist's marks, the notes and the attachments.
#pragma once

#include "cases/CaseChannel.h"
#include "shared/cases/Citizen.h"
#include "shared/cases/EvidenceChecklist.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kep::desk::cases {

// An attachment is kept by its content hash: the file itself is already in the desk's
// content-addressed attachment folder (AttachmentImport), so the draft holds no bytes.
struct DraftAttachment {
    std::string sha256;
    std::string mediaType;
    std::int64_t size = 0;
    std::string evidenceId;  // the checklist document it shows
    friend bool operator==(const DraftAttachment&, const DraftAttachment&) = default;
};

struct FilingDraft {
    std::string procedureId;
    std::int64_t catalogueVersion = 0;
    kep::cases::Citizen citizen;
    std::vector<std::pair<std::string, kep::cases::EvidenceState>> evidence;  // procedure order
    std::string notes;
    std::vector<DraftAttachment> attachments;
    // How the citizen applied, as chosen on the form (a draft saved before channels existed,
    // or with a value this desk does not know, reads as the counter).
    CaseChannel channel = CaseChannel::Counter;
};

// One JSON object; the citizen in CitizenJson's form. Read back, unknown keys are ignored and a
// missing one is empty, so that a draft saved by an older desk still opens.
std::string filingDraftToJson(const FilingDraft& draft);
// nullopt when the text is not a draft at all (not a JSON object, or no procedure).
std::optional<FilingDraft> filingDraftFromJson(std::string_view json);

}  // namespace kep::desk::cases
