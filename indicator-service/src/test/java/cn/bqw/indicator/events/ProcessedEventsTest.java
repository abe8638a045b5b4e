package cn.bqw.indicator.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.platform.events.ProcessedEvents;
import cn.bqw.testkit.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Processed-event records older than the retention go; those an event could still come again for stay. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ProcessedEventsTest {

    @Inject
    ProcessedEvents processed;

    @Inject
    DataSource dataSource;

    @Test
    void recordsPastTheRetentionArePurgedAndRecentOnesKept() throws Exception {
        execute(
                """
                INSERT INTO processed_event (consumer, event_id, processed_at) VALUES
                  ('retention-test', 'old-1', now() - interval '8 days'),
                  ('retention-test', 'old-2', now() - interval '30 days'),
                  ('retention-test', 'recent', now() - interval '1 hour')""");

        long purged = processed.purgeProcessedBefore(
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(7));

        assertEquals(2, purged);
        assertEquals(List.of("recent"), ids());
        assertEquals(
                0,
                processed.purgeProcessedBefore(
                        OffsetDateTime.now(ZoneOffset.UTC).minusDays(7)));
    }

    private List<String> ids() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = dataSource.getConnection();
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT event_id FROM processed_event WHERE consumer = 'retention-test' ORDER BY event_id")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private void execute(String sql) throws Exception {
        try (Connection db = dataSource.getConnection();
                Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
