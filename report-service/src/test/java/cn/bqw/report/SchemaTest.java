package cn.bqw.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.testkit.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The service's own database is migrated by Flyway at start and holds what is written to it. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SchemaTest {

    @Inject
    DataSource dataSource;

    @Test
    void theProjectionTablesAreMigratedAndTheStateRowIsThere() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    """
                    INSERT INTO aggregate (indicator_code, year, month, area, region_code, view, value, numerator,
                                           denominator, weighted, weight, reporters, approved)
                    VALUES ('SCHEMA_TEST', 2025, 6, 'TOTAL', '929901000000', 'ALL', 1.5, 0, 0, 0, 0, 1, 0)""");
            try (ResultSet row = statement.executeQuery(
                    "SELECT value, reporters FROM aggregate WHERE indicator_code = 'SCHEMA_TEST'")) {
                row.next();
                assertEquals("1.5", row.getBigDecimal(1).toPlainString());
                assertEquals(1L, row.getLong(2));
            }
            try (ResultSet state = statement.executeQuery("SELECT count(*) FROM projection_state")) {
                state.next();
                assertEquals(1, state.getInt(1));
            }
            // Other tests of this application check the aggregates against the facts: leave no stray row.
            statement.executeUpdate("DELETE FROM aggregate WHERE indicator_code = 'SCHEMA_TEST'");
        }
    }
}
