package cn.bqw.task.progress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a lead department's progress report on a task for a day. */
@Entity
public class ProgressReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String taskCode;

    public LocalDate reportedOn;

    public String note;

    public BigDecimal reached;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> evidence = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<Integer> doneMilestones = new ArrayList<>();

    public long version;

    public String recordedBy;

    public OffsetDateTime recordedAt;
}
