package cn.bqw.indicator.catalogue;

import cn.bqw.platform.persistence.VersionedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;

/** An indicator of the programme's catalogue (指标). */
@Entity
public class Indicator extends VersionedEntity {

    @Id
    public String code;

    public String nameZh;

    public String nameEn;

    @Enumerated(EnumType.STRING)
    public Campaign campaign;

    public String unit;

    @Enumerated(EnumType.STRING)
    public Aggregation aggregation;

    @Enumerated(EnumType.STRING)
    public OverTime overTime;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    public ReportingLevel reportedAt;

    @Enumerated(EnumType.STRING)
    public Frequency frequency;

    public BigDecimal validMin;

    public BigDecimal validMax;

    public String description;

    @Enumerated(EnumType.STRING)
    public OutlierPolicy outliers;
}
