package cn.bqw.platform.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.bqw.testkit.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL: what is sent in the background belongs to the caller's transaction. */
class BatchSenderTest {

    static String url;
    static final ExecutorService senders = Executors.newCachedThreadPool();

    @AfterAll
    static void stopSenders() {
        senders.shutdownNow();
    }

    @BeforeAll
    static void database() throws SQLException {
        url = TestInfrastructure.freshDatabase("batch_sender");
        try (Connection connection = connect();
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE sent (n INT PRIMARY KEY, sender TEXT)");
        }
    }

    @Test
    void batchesAreSentInOrderOnAnotherThreadInsideTheCallersTransaction() throws SQLException {
        List<String> threads = new CopyOnWriteArrayList<>();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            BatchSender sender = BatchSender.inBackground(senders);
            for (int batch = 0; batch < 5; batch++) {
                CopyIn rows = new CopyIn("sent (n, sender)");
                for (int n = batch * 100; n < (batch + 1) * 100; n++) {
                    rows.row(n, batch);
                }
                sender.send(connection, c -> {
                    threads.add(Thread.currentThread().getName());
                    rows.copy(c);
                });
            }
            sender.awaitSent();
            assertEquals(500, count(connection, "SELECT count(*) FROM sent"));
            // Each batch went in after the one before: sender numbers rise with n.
            assertEquals(
                    0,
                    count(
                            connection,
                            "SELECT count(*) FROM sent a JOIN sent b ON a.n < b.n AND a.sender::int > b.sender::int"));
            try (Connection other = connect()) {
                assertEquals(0, count(other, "SELECT count(*) FROM sent"), "nothing is visible before the commit");
            }
            connection.rollback();
            assertEquals(0, count(connection, "SELECT count(*) FROM sent"), "rolled back with the transaction");
        }
        assertEquals(5, threads.size());
        threads.forEach(name -> assertNotEquals(Thread.currentThread().getName(), name));
    }

    @Test
    void aBatchThatFailsInTheBackgroundFailsTheCallerAtItsNextStep() throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            BatchSender sender = BatchSender.inBackground(senders);
            CopyIn twice = new CopyIn("sent (n, sender)").row(1_000, "a").row(1_000, "b");
            sender.send(connection, twice::copy);
            SQLException failure = assertThrows(SQLException.class, sender::awaitSent);
            assertEquals("23505", failure.getSQLState());
            connection.rollback();
            sender.awaitSent();
        }
    }

    @Test
    void aSingleWriteIsSentAtOnceOnTheCallersThread() throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            List<String> threads = new CopyOnWriteArrayList<>();
            BatchSender.inline().send(connection, c -> {
                threads.add(Thread.currentThread().getName());
                new CopyIn("sent (n, sender)").row(2_000, "inline").copy(c);
            });
            assertEquals(List.of(Thread.currentThread().getName()), threads);
            assertEquals(1, count(connection, "SELECT count(*) FROM sent WHERE n = 2000"));
            connection.rollback();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestInfrastructure.jdbcUser(), TestInfrastructure.jdbcPassword());
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet result = query.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
