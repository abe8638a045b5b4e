package cn.bqw.village.republishing;

import cn.bqw.platform.audit.AdminActs;
import cn.bqw.platform.events.DomainEvent;
import cn.bqw.platform.events.Outbox;
import cn.bqw.village.division.Division;
import cn.bqw.village.division.DivisionEvents;
import cn.bqw.village.division.DivisionMapper;
import cn.bqw.village.registry.Village;
import cn.bqw.village.registry.VillageEvents;
import cn.bqw.village.registry.VillageMapper;
import cn.bqw.village.registry.VillageStatus;
import cn.bqw.village.registry.VillageView;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Publishes the current state of every division and village again, for a consumer that joins
 * late or rebuilds. Divisions go first, in code order, which puts every parent before its children, so that a consumer sees a
 * village's township before the village. Consumers that have a state already ignore the repeat,
 * as its version is not newer.
 */
@ApplicationScoped
public class Republisher {

    static final int CHUNK = 1000;

    /** How many of each were published. */
    @Schema(example = "{\"divisions\":155,\"villages\":2512}")
    public record Republished(long divisions, long villages) {}

    @Inject
    AdminActs acts;

    @Inject
    Outbox outbox;

    @Inject
    DivisionMapper divisionMapper;

    @Inject
    VillageMapper villageMapper;

    @Inject
    EntityManager entityManager;

    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public Republished republishAll() {
        List<DomainEvent> chunk = new ArrayList<>(CHUNK);
        long divisions = 0;
        for (Division division : Division.<Division>listAll(Sort.by("code"))) {
            chunk.add(DivisionEvents.REGISTERED.of(division.code, divisionMapper.toView(division)));
            divisions++;
            flushWhenFull(chunk);
        }
        long villages = 0;
        try (var stream = Village.<Village>streamAll(Sort.by("code"))) {
            for (Village village : (Iterable<Village>) stream::iterator) {
                VillageView view = villageMapper.toView(village);
                var type = village.status == VillageStatus.RETIRED ? VillageEvents.RETIRED : VillageEvents.REGISTERED;
                chunk.add(type.of(village.code, view));
                villages++;
                flushWhenFull(chunk);
            }
        }
        outbox.recordAll(chunk);
        acts.record("republish", null, null, divisions + " divisions, " + villages + " villages published again");
        return new Republished(divisions, villages);
    }

    private void flushWhenFull(List<DomainEvent> chunk) {
        if (chunk.size() >= CHUNK) {
            outbox.recordAll(chunk);
            chunk.clear();
            entityManager.clear();
        }
    }
}
