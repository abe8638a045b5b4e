package cn.bqw.task.task;

import cn.bqw.platform.persistence.VersionedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A task of a campaign, led by one department, with its dates, milestones and measure. */
@Entity
@Table(name = "task")
public class Task extends VersionedEntity {

    @Id
    public String code;

    public String title;

    public String campaign;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "lead_department")
    public String leadDepartment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> cooperating = new ArrayList<>();

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Column(name = "measure")
    public String measure;

    @Column(name = "indicator_code")
    public String indicatorCode;

    public BigDecimal planned;

    public String unit;

    @Column(name = "parent_code")
    public String parentCode;

    public BigDecimal reached;

    /** An INDICATOR task's figure, as report-service last reported it (null until it has). */
    @Column(name = "figure_actual")
    public BigDecimal figureActual;

    @Column(name = "figure_target")
    public BigDecimal figureTarget;

    /** Progress towards the target, 0–100 (report-service's ratio in points). */
    @Column(name = "figure_progress")
    public BigDecimal figureProgress;

    @Column(name = "figure_as_of")
    public String figureAsOf;

    @Column(name = "done_on")
    public LocalDate doneOn;

    public String status;

    public String light;

    public String working;

    @Column(name = "status_on")
    public LocalDate statusOn;

    @OneToMany(mappedBy = "task", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("number")
    public List<Milestone> milestones = new ArrayList<>();
}
