package cn.bqw.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A record a service registers and clients change (a division, a village, an indicator, a task, a
 * department): its optimistic-lock version, which is also the {@code ETag} and the events'
 * {@code version}, and when it was created and last changed (UTC).
 */
@MappedSuperclass
public abstract class VersionedEntity extends PanacheEntityBase {

    @Version
    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Stamps a record about to be created: created and changed now. */
    public void stampCreated() {
        createdAt = updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Stamps a change: changed now. */
    public void stampChanged() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
