package cn.bqw.report.operations;

import java.sql.SQLException;

/**
 * Whether a failure may pass by itself: the database session dropped or not yet available, a
 * deadlock or serialisation conflict, the server short of resources or shutting down (SQLSTATE
 * classes 08, 40, 53 and 57P). A constraint or data error is not: trying again changes nothing.
 */
final class Transient {

    private Transient() {}

    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null
                        || state.startsWith("08")
                        || state.startsWith("40")
                        || state.startsWith("53")
                        || state.startsWith("57P")) {
                    return true;
                }
            }
            if (cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
