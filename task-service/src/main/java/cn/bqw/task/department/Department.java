package cn.bqw.task.department;

import cn.bqw.platform.persistence.VersionedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A bureau of a region (牵头单位 or 配合单位 of tasks). */
@Entity
public class Department extends VersionedEntity {

    @Id
    public String code;

    public String nameZh;

    public String regionCode;
}
