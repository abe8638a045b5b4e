package cn.bqw.report.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** report-service's copy of an indicator's definition, kept from {@code bqw.indicators.v1}. */
@Entity
public class IndicatorDef extends PanacheEntityBase {

    @Id
    public String code;

    public String nameZh;

    public String nameEn;

    public String campaign;
    public String unit;
    public String aggregation;

    public String overTime;

    public String direction;

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
