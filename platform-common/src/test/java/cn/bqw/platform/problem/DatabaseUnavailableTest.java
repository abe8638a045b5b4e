package cn.bqw.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

/** Which failures are the database's being busy or away (503, try again) rather than a fault (500). */
class DatabaseUnavailableTest {

    @Test
    void aPoolThatRanOutOfConnectionsOrARefusedConnectionIsUnavailable() {
        assertTrue(ProblemMappers.databaseUnavailable(new GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(ProblemMappers.databaseUnavailable(
                new IllegalStateException("wrapped", new SQLException("connection refused", "08001"))));
        assertTrue(
                ProblemMappers.databaseUnavailable(new SQLException("the database system is shutting down", "57P03")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ProblemMappers.databaseUnavailable(new IllegalStateException("a bug")));
        assertFalse(ProblemMappers.databaseUnavailable(
                new GenericJDBCException("constraint", new SQLException("duplicate key", "23505"))));
        assertFalse(ProblemMappers.databaseUnavailable(new SQLException("no state")));
    }
}
