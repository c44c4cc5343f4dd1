package lu.kulturpass.venue.performance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * The Kulturpass places of a performance, counted in PostgreSQL. Scans take their places in the admissions' own
 * statement ({@code admission.Recording}): a live scan's with one conditional update
 * ({@code places_used + n <= places_offered}), whose row lock makes concurrent doors wait their turn, an offline
 * scan's whatever is left; a rolled-back admission gives its places back. Here: the places of undos.
 */
@ApplicationScoped
public class Places {

    private final EntityManager entityManager;

    public Places(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Gives back the places of an undone admission. */
    public void giveBack(UUID performanceId, int n) {
        entityManager.createNativeQuery("update performance set places_used = greatest(0, places_used - ?1) where id = ?2")
                .setParameter(1, n).setParameter(2, performanceId).executeUpdate();
    }
}
