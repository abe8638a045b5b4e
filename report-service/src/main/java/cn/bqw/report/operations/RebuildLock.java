package cn.bqw.report.operations;

import cn.bqw.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One rebuild at a time across every replica: a PostgreSQL session lock held, for the whole
 * rebuild, on a connection of its own (outside the pool, so no transaction ends it). A session the
 * database dropped lost the lock with it; {@link #hold} takes it again on a new connection, and
 * fails if another rebuild has taken it meanwhile.
 */
@ApplicationScoped
public class RebuildLock {

    private static final Logger LOG = Logger.getLogger(RebuildLock.class);
    /** The lock's key: "rebuild" in ASCII, apart from the aggregate locks' keys. */
    static final long KEY = 0x7265_6275_696c_64L;

    @Inject
    RebuildConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String poolUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    private Connection session;

    /** Takes the lock, or a 409 problem when another replica's rebuild holds it. */
    public synchronized void acquire() {
        if (!tryLock()) {
            throw ProblemException.conflict("a rebuild is running on another instance");
        }
    }

    /** Still held, on a new session if the old one was dropped; an exception if another rebuild took it. */
    public synchronized void hold() {
        if (session != null) {
            try (Statement alive = session.createStatement()) {
                alive.execute("SELECT 1");
                return;
            } catch (SQLException dropped) {
                LOG.warnf("the rebuild lock's session was dropped (%s); taking the lock again", dropped.toString());
            }
        }
        close();
        if (!tryLock()) {
            throw new IllegalStateException("the rebuild lock was lost to another instance's rebuild");
        }
    }

    public synchronized void release() {
        if (session != null) {
            try (Statement unlock = session.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            } catch (SQLException e) {
                LOG.debugf("unlocking the rebuild lock: %s (closing the session ends it anyway)", e);
            }
        }
        close();
    }

    private boolean tryLock() {
        try {
            session = DriverManager.getConnection(config.lockJdbcUrl().orElse(poolUrl), user, password);
            try (Statement lock = session.createStatement();
                    ResultSet taken = lock.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                taken.next();
                if (taken.getBoolean(1)) {
                    return true;
                }
            }
            close();
            return false;
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("the rebuild lock cannot be taken: " + e.getMessage(), e);
        }
    }

    private void close() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // the session is gone either way
            }
            session = null;
        }
    }
}
