package cn.bqw.village.registry;

import cn.bqw.platform.persistence.VersionedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A village (村/社区) of the registry, below its township. */
@Entity
public class Village extends VersionedEntity {

    @Id
    public String code;

    public String townshipCode;

    public String nameZh;

    public String nameEn;

    @Enumerated(EnumType.STRING)
    public VillageCategory category;

    @Enumerated(EnumType.STRING)
    public PlanType planType;

    /** Belt names; a PostgreSQL array so that lists can filter on membership. */
    public String[] belts;

    /** Pilot names; a PostgreSQL array. */
    public String[] pilots;

    public Integer registeredPopulation;

    public Integer residentPopulation;

    public Integer households;

    public BigDecimal areaKm2;

    public BigDecimal arableLandMu;

    public BigDecimal latitude;

    public BigDecimal longitude;

    @Enumerated(EnumType.STRING)
    public VillageStatus status;

    public LocalDate activeFrom;

    public LocalDate retiredOn;
}
