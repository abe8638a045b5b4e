package cn.bqw.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

/** Failures that are not our faults: a lost If-Match race (412), a concurrent insert (409), a client gone. */
class FailureKindsTest {

    @Test
    void aVersionCheckLostAtCommitIsARace() {
        assertTrue(ProblemMappers.lostRace(new OptimisticLockException("stale")));
        assertTrue(ProblemMappers.lostRace(
                new IllegalStateException("commit failed", new StaleObjectStateException("Target", 1L))));
        Exception commit = new IllegalStateException("ARJUNA016053: Could not commit transaction");
        commit.addSuppressed(new OptimisticLockException("stale"));
        assertTrue(ProblemMappers.lostRace(commit), "a failed commit keeps the flush's failure as suppressed");
        assertFalse(ProblemMappers.lostRace(new IllegalStateException("a bug")));
    }

    @Test
    void aUniqueKeyTakenMeanwhileIsADuplicate() {
        assertTrue(ProblemMappers.duplicateKey(new IllegalStateException("insert", new SQLException("dup", "23505"))));
        assertFalse(ProblemMappers.duplicateKey(new SQLException("other", "23503")));
    }

    @Test
    void aClientThatWentAwayIsNoFault() {
        assertTrue(ProblemMappers.clientGone(new IOException(new ClosedChannelException())));
        assertTrue(ProblemMappers.clientGone(new IOException("Connection reset by peer")));
        assertTrue(ProblemMappers.clientGone(new RuntimeException(new StreamResetException())));
        assertFalse(ProblemMappers.clientGone(new IOException("disk full")));
        assertFalse(ProblemMappers.clientGone(new IllegalStateException("a bug")));
    }

    /** Named like Vert.x's and Netty's own: matched by name, so neither library is needed here. */
    static final class StreamResetException extends RuntimeException {}
}
