package cn.bqw.task.catalogue;

import cn.bqw.platform.events.EventConsumer;
import cn.bqw.platform.events.EventNames;
import cn.bqw.platform.events.IncomingEvent;
import cn.bqw.platform.events.PoisonEventException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The indicators a task may follow ("新建农村公厕200座" follows RURAL_TOILET), from {@code
 * bqw.indicators.v1}: a task naming an indicator nobody defined is refused.
 */
@ApplicationScoped
public class IndicatorFeed {

    @Inject
    EventConsumer events;

    @Inject
    EntityManager entityManager;

    @Incoming("indicators")
    @Blocking
    public CompletionStage<Void> onIndicator(Message<String> message) {
        return events.consume(message, "task-indicators", this::apply);
    }

    void apply(IncomingEvent event) {
        if (!EventNames.INDICATOR.contains(event.type())) {
            return;
        }
        JsonNode data = event.data();
        if (!data.hasNonNull("code") || !data.hasNonNull("nameZh") || !data.hasNonNull("unit")) {
            throw new PoisonEventException("indicator event without code, nameZh or unit");
        }
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO indicator_ref (code, name_zh, unit) VALUES (?1, ?2, ?3)
                        ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, unit = excluded.unit""")
                .setParameter(1, data.get("code").asText())
                .setParameter(2, data.get("nameZh").asText())
                .setParameter(3, data.get("unit").asText())
                .executeUpdate();
    }

    /** Whether an indicator of this code has been defined. */
    public boolean known(String code) {
        return !entityManager
                .createNativeQuery("SELECT 1 FROM indicator_ref WHERE code = ?1")
                .setParameter(1, code)
                .getResultList()
                .isEmpty();
    }
}
