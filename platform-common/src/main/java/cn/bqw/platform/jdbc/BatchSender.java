package cn.bqw.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.postgresql.core.BaseConnection;

/**
 * Sends a bulk write's statements from a thread of their own, one batch at a time, so that the
 * service prepares the next batch while PostgreSQL takes the last one: the two overlap instead of
 * taking turns. The statements go through the transaction's own connection, so they commit or roll
 * back with it. The caller waits for them ({@link #awaitSent}) before it uses the connection itself
 * again and before its transaction ends.
 */
public final class BatchSender {

    /** Statements to send on the transaction's connection. */
    @FunctionalInterface
    public interface Statements {
        void send(Connection connection) throws SQLException;
    }

    private static final Future<?> NOTHING = CompletableFuture.completedFuture(null);

    /** Null: sent on the caller's thread. */
    private final ExecutorService threads;

    private Future<?> sending = NOTHING;

    private BatchSender(ExecutorService threads) {
        this.threads = threads;
    }

    /**
     * For a bulk write: each batch sent by one of {@code threads} while the next is prepared. The
     * threads must carry no context of the caller's (a transaction especially): they use the
     * PostgreSQL connection directly.
     */
    public static BatchSender inBackground(ExecutorService threads) {
        return new BatchSender(threads);
    }

    /** For a single write: sent at once, on the caller's thread. */
    public static BatchSender inline() {
        return new BatchSender(null);
    }

    /**
     * Sends {@code statements} on {@code connection} once the previous batch is sent. The pool's
     * wrapper of a connection checks the transaction of the thread that uses it, so the background
     * thread uses the PostgreSQL connection underneath: the same session, the same transaction.
     */
    public void send(Connection connection, Statements statements) throws SQLException {
        awaitSent();
        if (threads == null) {
            statements.send(connection);
            return;
        }
        Connection underneath = connection.unwrap(BaseConnection.class);
        sending = threads.submit(() -> {
            statements.send(underneath);
            return null;
        });
    }

    /** Waits until the last batch is sent; a failure to send it is thrown here, to the caller. */
    public void awaitSent() throws SQLException {
        Future<?> last = sending;
        sending = NOTHING;
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while a batch was being sent", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new SQLException("sending a batch failed", cause);
        }
    }
}
