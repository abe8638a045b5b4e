package cn.bqw.indicator.observation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The current value of one observation key. Read through Panache; written by {@link
 * ObservationWriter} in JDBC batches, since bulk posts of 100,000 values are its daily work.
 */
@Entity
@Table(name = "observation")
@IdClass(Observation.Key.class)
public class Observation extends PanacheEntityBase {

    @Id
    @Column(name = "indicator_code")
    public String indicatorCode;

    @Id
    public String period;

    @Id
    @Enumerated(EnumType.STRING)
    public Area area;

    @Id
    @Column(name = "region_code")
    public String regionCode;

    public BigDecimal value;
    public BigDecimal numerator;
    public BigDecimal denominator;
    public BigDecimal weight;
    public String outlier;
    public long version;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The key: indicator, period, area, region. */
    public static class Key implements Serializable {
        public String indicatorCode;
        public String period;
        public Area area;
        public String regionCode;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(indicatorCode, key.indicatorCode)
                    && Objects.equals(period, key.period)
                    && area == key.area
                    && Objects.equals(regionCode, key.regionCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(indicatorCode, period, area, regionCode);
        }
    }
}
