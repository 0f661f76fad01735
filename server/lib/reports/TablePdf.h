// An A4 PDF of a title and labelled rows (label left, value right, a rule under each), drawn
// with libharu and DejaVu Sans so that Greek and Latin print alike: the monthly report and the
// citizen's Art. 15 export share it.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kep::server::reports {

using PdfRows = std::vector<std::pair<std::string, std::string>>;

// Pages numbered "Σελίδα n / N" (`greek`) or "Page n / N"; an empty value prints as "—".
// Throws std::runtime_error naming the font file when it is missing, or libharu's error.
std::string tablePdf(const std::string& title, const PdfRows& rows, bool greek);

}  // namespace kep::server::reports
