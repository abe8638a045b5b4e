package cn.bqw.task.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.io.Serializable;
import java.time.LocalDate;

/** A step of a task with its own due date, numbered from 1 in the order given. */
@Entity
@IdClass(Milestone.Key.class)
public class Milestone extends PanacheEntityBase {

    /** A milestone's key: its task's code and its number. */
    public record Key(String task, int number) implements Serializable {}

    @Id
    @ManyToOne
    @JoinColumn(name = "task_code")
    public Task task;

    @Id
    public int number;

    public String title;

    public LocalDate dueDate;

    public LocalDate doneOn;
}
