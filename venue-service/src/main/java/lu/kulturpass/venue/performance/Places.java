package lu.kulturpass.venue.performance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * The Kulturpass places of a performance, counted in PostgreSQL. Live scans take their places with one
 * conditional update ({@code places_used + n <= places_offered}) in the admissions' own statement
 * ({@code admission.Recording}): the row lock it takes makes concurrent doors wait their turn, and a
 * rolled-back admission gives its places back. Here: the places of offline admissions and of undos.
 */
@ApplicationScoped
public class Places {

    private final EntityManager entityManager;

    public Places(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes {@code n} places whatever is left: for people already let in by an offline scanner. */
    public void takeAnyway(UUID performanceId, int n) {
        entityManager.createNativeQuery("update performance set places_used = places_used + ?1 where id = ?2")
                .setParameter(1, n).setParameter(2, performanceId).executeUpdate();
    }

    /** Gives back the places of an undone admission. */
    public void giveBack(UUID performanceId, int n) {
        entityManager.createNativeQuery("update performance set places_used = greatest(0, places_used - ?1) where id = ?2")
                .setParameter(1, n).setParameter(2, performanceId).executeUpdate();
    }
}
