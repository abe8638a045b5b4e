package cn.bqw.task.task;

import java.time.LocalDate;

/** A task's due date ({@code milestone} 0) or a milestone's passed unfinished, noticed on a day. */
public record TaskOverdue(
        String task, String title, String region, String leadDepartment, int milestone, LocalDate due, LocalDate on) {}
