package cn.bqw.village.division;

import cn.bqw.platform.division.DivisionLevel;
import cn.bqw.platform.persistence.VersionedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/** A city, county or township. Villages live in the village registry. */
@Entity
public class Division extends VersionedEntity {

    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    public DivisionLevel level;

    public String parentCode;

    public String nameZh;

    public String nameEn;

    @Enumerated(EnumType.STRING)
    public CountyClass countyClass;

    public boolean urbanDistrict;

    public Integer population;
}
