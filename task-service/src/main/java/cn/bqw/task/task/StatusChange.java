package cn.bqw.task.task;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A task's status moved: from, to, its light (红/黄/绿), the day, and the working. */
public record StatusChange(
        String task,
        String region,
        String leadDepartment,
        String from,
        String to,
        String light,
        BigDecimal progress,
        BigDecimal elapsed,
        String working,
        LocalDate on) {}
