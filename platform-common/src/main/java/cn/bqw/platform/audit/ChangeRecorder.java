package cn.bqw.platform.audit;

import cn.bqw.platform.api.Change;
import cn.bqw.platform.api.WriteEffect;
import cn.bqw.platform.events.DomainEvent;
import cn.bqw.platform.events.EventType;
import cn.bqw.platform.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Audits and publishes saved changes of one aggregate type, in batches, for single and bulk writes
 * alike; unchanged aggregates leave no trace.
 */
@ApplicationScoped
public class ChangeRecorder {

    /** How one aggregate type is audited and published. */
    public record Kind<S extends Record>(
            String auditType, EventType created, EventType updated, Function<S, String> keyOf) {}

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    public <S extends Record> void record(Kind<S> kind, List<Change<S>> changes) {
        List<AuditTrail.Change> audited = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        for (Change<S> change : changes) {
            if (change.effect() == WriteEffect.UNCHANGED) {
                continue;
            }
            boolean created = change.effect() == WriteEffect.CREATED;
            String key = kind.keyOf().apply(change.after());
            audited.add(new AuditTrail.Change(
                    kind.auditType(), key, created ? "REGISTERED" : "UPDATED", change.before(), change.after()));
            events.add((created ? kind.created() : kind.updated()).of(key, change.after()));
        }
        audit.recordAll(audited);
        outbox.recordAll(events);
    }
}
