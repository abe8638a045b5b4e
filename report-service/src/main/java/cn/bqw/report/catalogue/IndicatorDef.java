package cn.bqw.report.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** report-service's copy of an indicator's definition, kept from {@code bqw.indicators.v1}. */
@Entity
@Table(name = "indicator_def")
public class IndicatorDef extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    public String campaign;
    public String unit;
    public String aggregation;

    @Column(name = "over_time")
    public String overTime;

    public String direction;

    @Column(name = "reported_at")
    public String reportedAt;

    public String frequency;
    public long version;

    public boolean flow() {
        return "FLOW".equals(overTime);
    }

    public boolean up() {
        return !"DOWN".equals(direction);
    }

    /** LATEST values stay at the level they are reported at: no roll-up. */
    public boolean rollsUp() {
        return !"LATEST".equals(aggregation);
    }
}
