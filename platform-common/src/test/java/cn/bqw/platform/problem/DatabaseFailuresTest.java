package cn.bqw.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which failures are the database's being busy or away (503, try again) rather than a fault
 * (500), and which a rebuild waits out rather than stops at.
 */
class DatabaseFailuresTest {

    @Test
    void aPoolThatRanOutOfConnectionsOrARefusedConnectionIsUnavailable() {
        assertTrue(DatabaseFailures.unavailable(new GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(DatabaseFailures.unavailable(
                new IllegalStateException("wrapped", new SQLException("connection refused", "08001"))));
        assertTrue(DatabaseFailures.unavailable(new SQLException("the database system is shutting down", "57P03")));
    }

    @Test
    void otherFailuresAreNotUnavailable() {
        assertFalse(DatabaseFailures.unavailable(new IllegalStateException("a bug")));
        assertFalse(DatabaseFailures.unavailable(
                new GenericJDBCException("constraint", new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseFailures.unavailable(new SQLException("no state")));
    }

    @Test
    void aFailureKeptAsSuppressedCounts() {
        IllegalStateException commit = new IllegalStateException("commit failed");
        commit.addSuppressed(new SQLException("terminating connection", "57P01"));
        assertTrue(DatabaseFailures.unavailable(commit));
    }

    @ParameterizedTest
    @CsvSource({
        "08006, true", // connection failure
        "57P01, true", // terminated by an administrator
        "40P01, true", // deadlock
        "40001, true", // serialisation failure
        "53300, true", // too many connections
        "23505, false", // unique violation: the same again fails the same way
        "22003, false", // numeric value out of range
        "42P01, false" // undefined table
    })
    void aFailureIsTransientByItsSqlState(String state, boolean expected) {
        RuntimeException wrapped = new IllegalStateException("applying", new SQLException("failed", state));
        assertEquals(expected, DatabaseFailures.transientFailure(wrapped));
    }

    @Test
    void aLostConnectionOrAStatelessJdbcFailureIsTransientAndABugIsNot() {
        assertFalse(DatabaseFailures.transientFailure(new IllegalArgumentException("a bad event")));
        assertTrue(DatabaseFailures.transientFailure(new JDBCConnectionException("gone", null)));
        assertTrue(DatabaseFailures.transientFailure(new SQLException("no state")));
    }
}
