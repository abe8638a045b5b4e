package cn.bqw.platform.events.ledger;

import cn.bqw.platform.events.EventConsumer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The test application's read side: balances per account, counting the events applied. */
@ApplicationScoped
public class BalanceProjection {

    @Inject
    EventConsumer events;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Incoming("ledger")
    @Blocking
    public CompletionStage<Void> onPosted(Message<String> message) {
        return events.consume(message, "ledger-balance", event -> apply(event.dataAs(Ledger.Posted.class, json)));
    }

    private void apply(Ledger.Posted posted) {
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO ledger_balance (account, total, events, last_entry) VALUES (?1, ?2, 1, ?3)
                        ON CONFLICT (account) DO UPDATE SET
                            total = ledger_balance.total + excluded.total,
                            events = ledger_balance.events + 1,
                            last_entry = greatest(ledger_balance.last_entry, excluded.last_entry),
                            out_of_order = ledger_balance.out_of_order
                                + CASE WHEN excluded.last_entry < ledger_balance.last_entry THEN 1 ELSE 0 END""")
                .setParameter(1, posted.account())
                .setParameter(2, posted.amount())
                .setParameter(3, posted.entry())
                .executeUpdate();
    }
}
