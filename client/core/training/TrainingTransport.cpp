#include "training/TrainingTransport.h"

namespace kep::desk::training {

HttpReply TrainingTransport::send(const QByteArray&, const QByteArray&, const QByteArray&,
                                  const QByteArray&) {
    throw TransportError(kNoServerInTraining);
}

HttpReply TrainingTransport::sendContent(const QByteArray&, const QByteArray&, const QByteArray&,
                                         const QByteArray&, const QByteArray&) {
    throw TransportError(kNoServerInTraining);
}

TransportFactory trainingTransport() {
    return [] { return std::make_unique<TrainingTransport>(); };
}

}  // namespace kep::desk::training
