package cn.bqw.indicator.observation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.indicator.TestIndicators;
import cn.bqw.testkit.PlatformTestResource;
import cn.bqw.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Twenty clients start a bulk upload and then stall. A bulk body is received whole before its
 * import opens a transaction, so none of them holds a database connection meanwhile, and the
 * service goes on answering everyone else.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SlowUploadTest {

    @Inject
    DataSource database;

    @Test
    void stalledUploadsHoldNoDatabaseConnection() throws Exception {
        TestIndicators.define("SLOW_COUNT", "SUM", "FLOW", "VILLAGE", "MONTHLY", "");
        // More rows than one import batch: a body read inside the import's transaction would have
        // opened it, and would hold its connection while the client stalls.
        String rows = "indicator,region,period,value\n" + "SLOW_COUNT,990901001001,2025-01,1\n".repeat(3000);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket("localhost", RestAssured.port);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/observations:batch HTTP/1.1\r\nHost: localhost\r\n"
                                + "Authorization: Bearer " + TestTokens.admin() + "\r\n"
                                + "Content-Type: text/csv\r\nContent-Length: 1000000\r\n\r\n" + rows)
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                stalled.add(socket);
            }
            Thread.sleep(2000);
            // The fewest seen over a second: a stalled upload holding a session would be there every time,
            // the relay or a consumer between two statements only now and then.
            long fewest = Long.MAX_VALUE;
            for (int sample = 0; sample < 5; sample++) {
                fewest = Math.min(fewest, idleInTransaction());
                Thread.sleep(200);
            }
            assertEquals(0, fewest, "sessions held open by stalled uploads");
            given().auth()
                    .oauth2(TestTokens.viewer())
                    .get("/api/v1/indicators")
                    .then()
                    .statusCode(200);
            given().urlEncodingEnabled(false)
                    .auth()
                    .oauth2(TestTokens.admin())
                    .contentType("text/csv")
                    .body("indicator,region,period,value\n")
                    .post("/api/v1/observations:batch")
                    .then()
                    .statusCode(200);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    private long idleInTransaction() throws Exception {
        try (Connection connection = database.getConnection();
                ResultSet rows = connection
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND state = 'idle in transaction'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
