package cn.bqw.report.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which database failures a rebuild waits out, and which stop it. */
class TransientTest {

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
        assertEquals(expected, Transient.is(wrapped));
    }

    @Test
    void aFailureWithoutADatabaseCauseIsNot() {
        assertEquals(false, Transient.is(new IllegalArgumentException("a bad event")));
        assertEquals(true, Transient.is(new org.hibernate.exception.JDBCConnectionException("gone", null)));
    }
}
