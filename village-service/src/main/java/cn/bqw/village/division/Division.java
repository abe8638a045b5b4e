package cn.bqw.village.division;

import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A city, county or township. Villages live in the village registry. */
@Entity
@Table(name = "division")
public class Division extends VersionedEntity {

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
}
