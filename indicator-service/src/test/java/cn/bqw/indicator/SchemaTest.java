package cn.bqw.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.bqw.testkit.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The service's own database is migrated by Flyway at start and holds what is written to it. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class SchemaTest {

    @Inject
    DataSource dataSource;

    @Test
    void anIndicatorRowRoundTripsThroughTheMigratedTable() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    """
                    INSERT INTO indicator (code, name_zh, campaign, unit, aggregation, over_time, direction,
                                           reported_at, frequency, valid_min, version, created_at, updated_at)
                    VALUES ('SCHEMA_CHECK', '新建农村公厕', 'RURAL', 'toilet', 'SUM', 'FLOW', 'UP',
                            'VILLAGE', 'MONTHLY', 0, 1, now(), now())""")) {
                assertEquals(1, insert.executeUpdate());
            }
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT name_zh, valid_min FROM indicator WHERE code = ?")) {
                select.setString(1, "SCHEMA_CHECK");
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    assertEquals("新建农村公厕", row.getString(1));
                    assertEquals(0, row.getBigDecimal(2).signum());
                }
            }
            // The primary key holds: a second row with the same code is refused by the database.
            assertThrows(
                    SQLException.class,
                    () -> connection
                            .createStatement()
                            .executeUpdate(
                                    """
                            INSERT INTO indicator (code, name_zh, campaign, unit, aggregation, over_time, direction,
                                                   reported_at, frequency, version, created_at, updated_at)
                            VALUES ('SCHEMA_CHECK', 'x', 'RURAL', 'x', 'SUM', 'FLOW', 'UP', 'VILLAGE', 'MONTHLY', 1,
                                    now(), now())"""));
        }
    }
}
