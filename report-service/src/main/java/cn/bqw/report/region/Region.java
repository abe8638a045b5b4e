package cn.bqw.report.region;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** report-service's replica of one division, kept from {@code bqw.divisions.v1}. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    @Id
    public String code;

    public String level;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "county_class")
    public String countyClass;

    @Column(name = "active_villages")
    public int activeVillages;

    @Column(name = "resident_population")
    public long residentPopulation;

    /** The version of the division event this row reflects; older events are ignored. */
    @Column(name = "source_version")
    public long sourceVersion;
}
