package lu.kulturpass.core.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.UUID;

/** The statistics read model: admissions and refusals per venue and day, counted from events. */
@ApplicationScoped
public class VenueDailyUsage {

    private final EntityManager entityManager;

    public VenueDailyUsage(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void count(UUID venueId, LocalDate day, int admissions, int refusals) {
        entityManager.createNativeQuery("""
                        insert into venue_daily_usage (venue_id, day, admissions, refusals)
                        values (:venue, :day, :admissions, :refusals)
                        on conflict (venue_id, day) do update
                           set admissions = venue_daily_usage.admissions + excluded.admissions,
                               refusals = venue_daily_usage.refusals + excluded.refusals""")
                .setParameter("venue", venueId)
                .setParameter("day", day)
                .setParameter("admissions", admissions)
                .setParameter("refusals", refusals)
                .executeUpdate();
    }
}
