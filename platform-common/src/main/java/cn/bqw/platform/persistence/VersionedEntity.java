package cn.bqw.platform.persistence;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.api.WriteEffect;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A record a service registers and clients change (a division, a village, an indicator, a task, a
 * department): its optimistic-lock version, which is also the {@code ETag} and the events'
 * {@code version}, and when it was created and last changed (UTC).
 */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    @Version
    public long version;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    /** Stamps a record about to be created: created and changed now. */
    public void stampCreated() {
        createdAt = updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Stamps a change: changed now. */
    public void stampChanged() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Stores this new record and answers its creation, seen through {@code view}. */
    public <V extends Record> Change<V> created(Supplier<V> view) {
        stampCreated();
        persist();
        return new Change<>(null, view.get(), WriteEffect.CREATED);
    }

    /**
     * Answers what the changes made to this record since {@code before} amount to: unchanged when
     * its view is the same (no new version, nothing to audit or publish), else stamped and flushed,
     * so that the view after carries the new version.
     */
    public <V extends Record> Change<V> updated(V before, Supplier<V> view) {
        if (view.get().equals(before)) {
            return new Change<>(before, before, WriteEffect.UNCHANGED);
        }
        stampChanged();
        flush();
        return new Change<>(before, view.get(), WriteEffect.UPDATED);
    }
}
