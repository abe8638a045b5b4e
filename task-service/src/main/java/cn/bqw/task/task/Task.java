package cn.bqw.task.task;

import cn.bqw.platform.persistence.VersionedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A task of a campaign, led by one department, with its dates, milestones and measure. */
@Entity
public class Task extends VersionedEntity {

    @Id
    public String code;

    public String title;

    public String campaign;

    public String regionCode;

    public String leadDepartment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> cooperating = new ArrayList<>();

    public LocalDate startDate;

    public LocalDate dueDate;

    public String measure;

    public String indicatorCode;

    public BigDecimal planned;

    public String unit;

    public String parentCode;

    public BigDecimal reached;

    /** An INDICATOR task's figure, as report-service last reported it (null until it has). */
    public BigDecimal figureActual;

    public BigDecimal figureTarget;

    /** Progress towards the target, 0–100 (report-service's ratio in points). */
    public BigDecimal figureProgress;

    public String figureAsOf;

    public LocalDate doneOn;

    public String status;

    public String light;

    public String working;

    public LocalDate statusOn;

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("number")
    public List<Milestone> milestones = new ArrayList<>();
}
