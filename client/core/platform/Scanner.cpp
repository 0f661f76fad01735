#include "platform/Scanner.h"

#include <QStringList>

#ifdef KEP_HAVE_SANE
#include "platform/SaneScanner.h"
#endif

namespace kep::desk {

QString ScannerDevice::label() const {
    const QString machine = QStringList{vendor, model}.join(QLatin1Char(' ')).trimmed();
    return machine.isEmpty() ? name : machine;
}

std::unique_ptr<Scanner> platformScanner() {
#ifdef KEP_HAVE_SANE
    return std::make_unique<SaneScanner>();
#else
    // Windows scans through WIA: a WiaScanner in this folder, returned here, is the whole port.
    return nullptr;
#endif
}

}  // namespace kep::desk
