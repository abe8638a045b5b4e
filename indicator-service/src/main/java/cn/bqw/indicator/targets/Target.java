package cn.bqw.indicator.targets;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A yearly target of one indicator for one region (目标). */
@Entity
@IdClass(Target.Key.class)
public class Target extends PanacheEntityBase {

    @Id
    public String indicatorCode;

    @Id
    public int year;

    @Id
    public String regionCode;

    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    public TargetKind kind;

    public BigDecimal baseline;

    @Version
    public long version;

    public OffsetDateTime updatedAt;

    /** The key: indicator, year, region. */
    public record Key(String indicatorCode, int year, String regionCode) implements Serializable {}
}
