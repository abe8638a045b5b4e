package cn.bqw.platform.problem;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.exception.JDBCConnectionException;

/**
 * What a failure says about the database, read from its causes: one walk of the cause chain for
 * the error mappers (503 or 500?) and the rebuild (wait it out or stop?).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /**
     * No connection could be had: the pool's wait for a free connection ran out (Agroal says so only
     * in its message), or PostgreSQL refused or dropped it (SQLSTATE class 08, or 57P for a
     * shutting-down server). A request that met it may be sent again.
     */
    public static boolean unavailable(Throwable failure) {
        return causes(failure)
                .anyMatch(cause -> cause instanceof SQLException sql
                        && (stateIn(sql.getSQLState(), "08", "57P")
                                || String.valueOf(sql.getMessage()).contains("acquisition timeout")));
    }

    /**
     * May pass by itself: {@link #unavailable} or a deadlock or serialisation conflict, the server
     * short of resources (classes 40 and 53), a JDBC failure without a state, or a connection Hibernate
     * lost. A constraint or data error is not: trying again changes nothing.
     */
    public static boolean transientFailure(Throwable failure) {
        return unavailable(failure)
                || causes(failure)
                        .anyMatch(cause -> cause instanceof JDBCConnectionException
                                || (cause instanceof SQLException sql
                                        && (sql.getSQLState() == null || stateIn(sql.getSQLState(), "40", "53"))));
    }

    /** {@code failure}, its causes, and what they suppressed (a failed commit keeps the flush's failure there). */
    public static Stream<Throwable> causes(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        Deque<Throwable> open = new ArrayDeque<>(List.of(failure));
        while (!open.isEmpty() && all.size() < 50) {
            Throwable next = open.pop();
            if (all.contains(next)) {
                continue;
            }
            all.add(next);
            if (next.getCause() != null) {
                open.push(next.getCause());
            }
            for (Throwable suppressed : next.getSuppressed()) {
                open.push(suppressed);
            }
        }
        return all.stream();
    }

    private static boolean stateIn(String state, String... classes) {
        if (state == null) {
            return false;
        }
        for (String prefix : classes) {
            if (state.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
