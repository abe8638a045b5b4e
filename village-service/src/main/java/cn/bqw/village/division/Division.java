package cn.bqw.village.division;

import cn.bqw.platform.division.DivisionLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** A city, county or township. Villages live in the village registry. */
@Entity
@Table(name = "division")
public class Division extends PanacheEntityBase {

    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    public DivisionLevel level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "county_class")
    public CountyClass countyClass;

    @Column(name = "urban_district")
    public boolean urbanDistrict;

    public Integer population;

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
