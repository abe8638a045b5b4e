package cn.bqw.report.operations;

import cn.bqw.platform.events.ConsumerGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Every consuming transaction holds the rebuild lock shared from its first statement; the
 * rebuild's switch-over takes it alone, so no transaction straddles the old and the new tables.
 */
@ApplicationScoped
public class RebuildGate implements ConsumerGate {

    /** The advisory lock key of the switch-over ("bqwr"). */
    static final long SWITCH_LOCK = 0x62717772L;

    @Inject
    EntityManager entityManager;

    @Override
    public void enter() {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock_shared(" + SWITCH_LOCK + ")")
                .getSingleResult();
    }

    /** Waits until no consuming transaction is running, and keeps new ones waiting until this one ends. */
    void closeForThisTransaction() {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + SWITCH_LOCK + ")")
                .getSingleResult();
    }
}
