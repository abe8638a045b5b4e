package cn.bqw.indicator.catalogue;

import cn.bqw.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** An indicator of the programme's catalogue (指标). */
@Entity
@Table(name = "indicator")
public class Indicator extends VersionedEntity {

    @Id
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public Campaign campaign;

    public String unit;

    @Enumerated(EnumType.STRING)
    public Aggregation aggregation;

    @Enumerated(EnumType.STRING)
    @Column(name = "over_time")
    public OverTime overTime;

    @Enumerated(EnumType.STRING)
    public Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(name = "reported_at")
    public ReportingLevel reportedAt;

    @Enumerated(EnumType.STRING)
    public Frequency frequency;

    @Column(name = "valid_min")
    public BigDecimal validMin;

    @Column(name = "valid_max")
    public BigDecimal validMax;

    public String description;

    @Enumerated(EnumType.STRING)
    public OutlierPolicy outliers;
}
