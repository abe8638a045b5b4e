package cn.bqw.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.bqw.testkit.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A closed year's copy is written and read back with {@code SELECT *} (ClosedYears): a migration
     * that changes a copied table must change its {@code closed_} copy alike, or closing and
     * rebuilding would fail, or put values into the wrong columns.
     */
    @Test
    void everyClosedYearCopyHasTheColumnsOfTheTableItCopiesInTheirOrder() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            List<String> copies = new ArrayList<>();
            try (ResultSet tables = statement.executeQuery(
                    """
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'public' AND table_name LIKE 'closed\\_%' AND table_name <> 'closed_year'
                    ORDER BY table_name""")) {
                while (tables.next()) {
                    copies.add(tables.getString(1));
                }
            }
            assertTrue(
                    copies.containsAll(
                            List.of("closed_aggregate", "closed_approval_unit", "closed_fact", "closed_region_year")),
                    "copies found: " + copies);
            for (String copy : copies) {
                String table = copy.substring("closed_".length());
                assertEquals(columns(statement, table), columns(statement, copy), copy + " against " + table);
            }
        }
    }

    private static List<String> columns(Statement statement, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(
                """
                SELECT column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                       || coalesce('(' || numeric_precision || ',' || numeric_scale || ')', '')
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name = '%s'
                ORDER BY ordinal_position"""
                        .formatted(table))) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        assertTrue(!columns.isEmpty(), "no table " + table);
        return columns;
    }
}
