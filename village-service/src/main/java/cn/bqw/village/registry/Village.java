package cn.bqw.village.registry;

import cn.bqw.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A village (村/社区) of the registry, below its township. */
@Entity
@Table(name = "village")
public class Village extends VersionedEntity {

    @Id
    public String code;

    @Column(name = "township_code")
    public String townshipCode;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public VillageCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "plan_type")
    public PlanType planType;

    /** Belt names; a PostgreSQL array so that lists can filter on membership. */
    public String[] belts;

    /** Pilot names; a PostgreSQL array. */
    public String[] pilots;

    @Column(name = "registered_population")
    public Integer registeredPopulation;

    @Column(name = "resident_population")
    public Integer residentPopulation;

    public Integer households;

    @Column(name = "area_km2")
    public BigDecimal areaKm2;

    @Column(name = "arable_land_mu")
    public BigDecimal arableLandMu;

    public BigDecimal latitude;

    public BigDecimal longitude;

    @Enumerated(EnumType.STRING)
    public VillageStatus status;

    @Column(name = "active_from")
    public LocalDate activeFrom;

    @Column(name = "retired_on")
    public LocalDate retiredOn;
}
