package cn.bqw.indicator.locking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A closed reporting period for a set of indicators (empty: all) in a region's subtree. */
@Entity
@Table(name = "period_lock")
public class PeriodLock extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Indicator codes; a PostgreSQL array. Empty locks every indicator. */
    public String[] indicators;

    public String period;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "locked_by")
    public String lockedBy;

    @Column(name = "locked_at")
    public OffsetDateTime lockedAt;
}
