// How a Connection comes back after the database went away (PgConnection.h: the rules): a
// connection found broken is made again before the next statement sent outside a transaction,
// with its session settings, prepared statements and LISTENs; never in the middle of one.
#include <libpq-fe.h>

#include "storage/pg/PgConnection.h"
#include "storage/pg/PgErrors.h"
#include "storage/pg/PgSqlText.h"

namespace kep::server::pg {

bool PgError::isConnectionFailure() const noexcept {
    return isConnectionFailureState(sqlState_);
}

StatementRole statementRole(std::string_view sql) {
    const std::string keyword = leadingKeyword(sql);
    if (keyword == "BEGIN" || keyword == "START") {
        return StatementRole::Begin;
    }
    if (keyword == "COMMIT" || keyword == "END") {
        return StatementRole::Commit;
    }
    if (keyword == "ROLLBACK" || keyword == "ABORT") {
        return StatementRole::Rollback;
    }
    return StatementRole::Other;
}

bool Connection::beforeStatement(StatementRole role) {
    auto& state = recovery_;
    if (state.transactionLost) {
        switch (role) {
            case StatementRole::Rollback:
                // The server rolled it back when the connection went: nothing left to send.
                state.transactionLost = false;
                return false;
            case StatementRole::Begin:
                state.transactionLost = false;  // the caller has moved on to a new transaction
                break;
            case StatementRole::Commit:
                state.transactionLost = false;
                throw PgError("08003",
                              "pg: commit: the connection was lost inside the transaction, which "
                              "the server rolled back");
            case StatementRole::Other:
                throw PgError("08003",
                              "pg: the connection was lost inside a transaction, which the server "
                              "rolled back: roll it back and begin again");
        }
    }
    state.reconnectedForStatement = false;
    if (state.broken || PQstatus(conn_) == CONNECTION_BAD) {
        reconnect();
    }
    state.role = role;
    const auto status = PQtransactionStatus(conn_);
    state.wasInTransaction = status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
    return true;
}

void Connection::afterFailure(const pg_result* result) noexcept {
    const char* sqlState =
        result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const bool lost = PQstatus(conn_) == CONNECTION_BAD ||
                      (sqlState != nullptr && isConnectionFailureState(sqlState));
    if (!lost) {
        return;
    }
    auto& state = recovery_;
    state.broken = true;
    // A COMMIT or ROLLBACK that failed has ended the transaction for the caller all the same.
    state.transactionLost = state.wasInTransaction && state.role != StatementRole::Commit &&
                            state.role != StatementRole::Rollback;
}

bool Connection::mayResend() const noexcept {
    const auto& state = recovery_;
    return state.broken && state.role == StatementRole::Begin && !state.wasInTransaction &&
           !state.reconnectedForStatement;
}

void Connection::reconnect() {
    auto& state = recovery_;
    state.reconnectedForStatement = true;
    state.broken = true;
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) {
        throw PgError("08006",
                      "pg: the database is unreachable: " + trimmedMessage(PQerrorMessage(conn_)));
    }
    state.transactionLost = false;
    // Whatever fails while the session is restored is no transaction of the caller's.
    state.role = StatementRole::Other;
    state.wasInTransaction = false;
    restoreSession();
    state.broken = false;
    ++state.reconnections;
}

void Connection::restoreSession() {
    // Straight to libpq: these belong to the reconnection, not to a statement of the caller's.
    // A failure leaves the connection marked broken, to be made again at the next statement.
    const auto& state = recovery_;
    if (!state.session.empty()) {
        check(PQexec(conn_, state.session.c_str()), "restoring the session");
    }
    for (const auto& [name, sql] : state.prepared) {
        check(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), "prepare " + name);
    }
    for (const auto& channel : state.channels) {
        check(PQexec(conn_, ("LISTEN " + channel).c_str()), "listen");
    }
}

bool Connection::isReachable() noexcept {
    try {
        try {
            return query("SELECT 1").rows() == 1;
        } catch (const PgError&) {
            // A connection that went stale while the database restarted is not the answer:
            // asked once more, on a new connection, when none was tried yet.
            const auto& state = recovery_;
            if (!state.broken || state.transactionLost || state.reconnectedForStatement) {
                return false;
            }
        }
        return query("SELECT 1").rows() == 1;
    } catch (const std::exception&) {
        return false;
    }
}

bool Connection::inTransaction() const {
    const auto status = PQtransactionStatus(conn_);
    return recovery_.transactionLost || status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

}  // namespace kep::server::pg
