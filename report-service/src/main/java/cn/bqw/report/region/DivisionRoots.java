package cn.bqw.report.region;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The roots of the division tree: active divisions whose parent is not registered (a province, or a
 * city registered without one). Kept in {@code division_root} as the replica changes, in the same
 * transaction, so that every replica of the service reads the same roots with one index scan.
 */
@ApplicationScoped
public class DivisionRoots {

    @Inject
    EntityManager entityManager;

    /** Up to {@code limit} roots, by code. */
    @SuppressWarnings("unchecked")
    public List<String> first(int limit) {
        return entityManager
                .createNativeQuery("SELECT code FROM division_root ORDER BY code LIMIT ?1")
                .setParameter(1, limit)
                .getResultList();
    }

    /** After divisions changed: the roots found again (a parent is never a village, so only divisions are probed). */
    void refresh() {
        entityManager.createNativeQuery("DELETE FROM division_root").executeUpdate();
        entityManager
                .createNativeQuery(
                        """
                        INSERT INTO division_root (code)
                        SELECT r.code FROM region_replica r
                        WHERE r.level <> 'VILLAGE' AND r.active
                          AND NOT EXISTS (SELECT 1 FROM region_replica p
                                          WHERE p.code = r.parent_code AND p.level <> 'VILLAGE' AND p.active)""")
                .executeUpdate();
    }
}
