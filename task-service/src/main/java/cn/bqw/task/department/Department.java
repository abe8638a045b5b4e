package cn.bqw.task.department;

import cn.bqw.platform.persistence.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bureau of a region (牵头单位 or 配合单位 of tasks). */
@Entity
@Table(name = "department")
public class Department extends VersionedEntity {

    @Id
    public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "region_code")
    public String regionCode;
}
