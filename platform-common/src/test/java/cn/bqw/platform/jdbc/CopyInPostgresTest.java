package cn.bqw.platform.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.bqw.testkit.TestInfrastructure;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL: a few rows (one INSERT) and many (COPY) are stored alike. */
class CopyInPostgresTest {

    static String url;

    @BeforeAll
    static void database() throws SQLException {
        url = TestInfrastructure.freshDatabase("copy_in");
        try (Connection connection = connect();
                Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE written (batch TEXT, n INT, label TEXT, amount NUMERIC(14, 4),"
                    + " at TIMESTAMPTZ, doc JSONB, flag BOOLEAN, PRIMARY KEY (batch, n))");
        }
    }

    @Test
    void fewRowsAndManyRowsAreStoredTheSame() throws SQLException {
        try (Connection connection = connect()) {
            assertEquals(CopyIn.FEW, write(connection, "few", CopyIn.FEW));
            assertEquals(CopyIn.FEW * 10, write(connection, "many", CopyIn.FEW * 10));
            List<String> few = stored(connection, "few");
            List<String> many = stored(connection, "many");
            assertEquals(CopyIn.FEW, few.size());
            assertEquals(few, many.subList(0, CopyIn.FEW));
            // The odd values arrived as they were sent, not as their escapes.
            assertEquals(
                    "0|tab\there, line\nbreak\r, back\\slash 乡村|123456.7891|2025-06-30T16:00Z|{\"s\": \"a\\\\b\"}|true",
                    few.get(0));
            assertEquals("1|null|null|null|null|null", few.get(1));
        }
    }

    private static long write(Connection connection, String batch, int rows) throws SQLException {
        CopyIn copy = new CopyIn("written (batch, n, label, amount, at, doc, flag)");
        for (int n = 0; n < rows; n++) {
            if (n % 2 == 0) {
                copy.row(
                        batch,
                        n,
                        "tab\there, line\nbreak\r, back\\slash 乡村",
                        new BigDecimal("123456.7891"),
                        OffsetDateTime.of(2025, 7, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)),
                        "{\"s\":\"a\\\\b\"}",
                        true);
            } else {
                copy.row(batch, n, null, null, null, null, null);
            }
        }
        return copy.copy(connection);
    }

    private static List<String> stored(Connection connection, String batch) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet result = query.executeQuery(
                        "SELECT n % 2, label, amount, at, doc::text, flag FROM written WHERE batch = '" + batch
                                + "' ORDER BY n")) {
            while (result.next()) {
                OffsetDateTime at = result.getObject(4, OffsetDateTime.class);
                rows.add(result.getInt(1) + "|" + result.getString(2) + "|" + result.getBigDecimal(3) + "|"
                        + (at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC)) + "|" + result.getString(5)
                        + "|" + (result.getObject(6) == null ? null : result.getBoolean(6)));
            }
        }
        return rows;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestInfrastructure.jdbcUser(), TestInfrastructure.jdbcPassword());
    }
}
