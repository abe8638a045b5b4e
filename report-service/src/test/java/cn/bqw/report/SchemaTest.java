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
    void aRegionRowRoundTripsThroughTheMigratedTableWithItsDefaults() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    """
                    INSERT INTO region (code, level, parent_code, name_zh, source_version)
                    VALUES ('449901000000', 'COUNTY', '449900000000', '东县', 3)""");
            try (ResultSet row = statement.executeQuery(
                    "SELECT name_zh, active_villages, resident_population, source_version FROM region"
                            + " WHERE code = '449901000000'")) {
                row.next();
                assertEquals("东县", row.getString(1));
                assertEquals(0, row.getInt(2));
                assertEquals(0L, row.getLong(3));
                assertEquals(3L, row.getLong(4));
            }
        }
    }
}
