package cn.bqw.platform.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sent outbox rows are purged once their retention has passed; unsent ones never are. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(OutboxRetentionTest.ShortRetention.class)
class OutboxRetentionTest {

    /** Keeps sent rows two seconds and purges every second. */
    public static class ShortRetention implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bqw.outbox.retention", "PT2S", "bqw.outbox.purge-every", "PT1S");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSentRowIsPurgedAfterItsRetention() {
        String account = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("amount", 1)
                .post("/test/ledger/" + account)
                .then()
                .statusCode(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(account, "sent_at IS NOT NULL") == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(account, "true") == 0);
    }

    private long rows(String account, String condition) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE event_key = ? AND " + condition)) {
            select.setString(1, account);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
