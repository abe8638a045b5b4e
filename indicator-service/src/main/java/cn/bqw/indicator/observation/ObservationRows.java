package cn.bqw.indicator.observation;

import cn.bqw.platform.api.Numbers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** How an observation state is laid out in the {@code observation} and {@code observation_revision} tables. */
final class ObservationRows {

    static final String COLUMNS = "indicator_code, region_code, period, area, value, numerator, denominator, weight,"
            + " outlier, version, recorded_at, recorded_by";

    private ObservationRows() {}

    /** {@link #COLUMNS} qualified by a table alias. */
    static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    /** The state in the current row of {@code rows}, selected as {@link #COLUMNS}. */
    static ObservationView read(ResultSet rows) throws SQLException {
        return new ObservationView(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                Area.valueOf(rows.getString(4)),
                Numbers.canonical(rows.getBigDecimal(5)),
                Numbers.canonical(rows.getBigDecimal(6)),
                Numbers.canonical(rows.getBigDecimal(7)),
                Numbers.canonical(rows.getBigDecimal(8)),
                rows.getString(9),
                rows.getLong(10),
                rows.getObject(11, OffsetDateTime.class),
                rows.getString(12));
    }

    /** The state's values in the order of {@link #COLUMNS}, for a COPY. */
    static Object[] values(ObservationView state) {
        return new Object[] {
            state.indicator(),
            state.region(),
            state.period(),
            state.area(),
            state.value(),
            state.numerator(),
            state.denominator(),
            state.weight(),
            state.outlier(),
            state.version(),
            state.recordedAt(),
            state.recordedBy()
        };
    }
}
