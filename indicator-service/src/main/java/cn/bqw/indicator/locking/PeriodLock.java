package cn.bqw.indicator.locking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;

/** A closed reporting period for a set of indicators (empty: all) in a region's subtree. */
@Entity
public class PeriodLock extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Indicator codes; a PostgreSQL array. Empty locks every indicator. */
    public String[] indicators;

    public String period;

    public String regionCode;

    public String lockedBy;

    public OffsetDateTime lockedAt;
}
