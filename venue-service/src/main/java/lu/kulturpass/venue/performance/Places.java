package lu.kulturpass.venue.performance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The Kulturpass places of a performance, counted in PostgreSQL. Taking places is one conditional
 * update ({@code places_used + n <= places_offered}) in the admission's transaction: the row lock it
 * takes makes concurrent doors wait their turn, and a rolled-back admission gives its places back.
 */
@ApplicationScoped
public class Places {

    private final EntityManager entityManager;

    public Places(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Takes, in one statement, the places asked for each performance, on each scheduled performance that
     * has that many left; returns the performances whose places were taken (the others took none: sold
     * out, or fewer left than asked). The performances are listed in the order of their ids, so two
     * transactions taking places of the same performances usually lock them in the same order; if they
     * still deadlock, PostgreSQL aborts one, and its scans are recorded alone ({@code AdmissionDesk}).
     */
    public static Set<UUID> take(Connection connection, Map<UUID, Integer> asked) throws SQLException {
        if (asked.isEmpty()) {
            return Set.of();
        }
        UUID[] ids = asked.keySet().toArray(UUID[]::new);
        Integer[] counts = new Integer[ids.length];
        for (int i = 0; i < ids.length; i++) {
            counts[i] = asked.get(ids[i]);
        }
        Set<UUID> taken = new HashSet<>();
        try (PreparedStatement update = connection.prepareStatement("""
                update performance p set places_used = p.places_used + d.n
                from (select id, n from unnest(cast(? as uuid[]), cast(? as integer[])) as asked(id, n) order by id) d
                where p.id = d.id and p.status = 'SCHEDULED' and p.places_used + d.n <= p.places_offered
                returning p.id
                """)) {
            update.setArray(1, connection.createArrayOf("uuid", ids));
            update.setArray(2, connection.createArrayOf("integer", counts));
            try (ResultSet row = update.executeQuery()) {
                while (row.next()) {
                    taken.add(row.getObject(1, UUID.class));
                }
            }
        }
        return taken;
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
