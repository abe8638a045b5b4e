package cn.bqw.platform.events.ledger;

import cn.bqw.platform.events.DomainEvent;
import cn.bqw.platform.events.Outbox;
import cn.bqw.platform.events.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The test application's write side: a posting and its event commit together. */
@ApplicationScoped
public class Ledger {

    static final Topic TOPIC = new Topic("bqw.test-ledger.v1", 3, false, null);
    static final String POSTED = "bqw.ledger.posted.v1";

    /** Event data: the whole new posting. */
    public record Posted(long entry, String account, long amount) {}

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Transactional
    public Posted post(String account, long amount) {
        long entry = ((Number) entityManager
                        .createNativeQuery("INSERT INTO ledger_entry (account, amount) VALUES (?1, ?2) RETURNING id")
                        .setParameter(1, account)
                        .setParameter(2, amount)
                        .getSingleResult())
                .longValue();
        Posted posted = new Posted(entry, account, amount);
        outbox.record(new DomainEvent(TOPIC, POSTED, account, posted));
        return posted;
    }
}
