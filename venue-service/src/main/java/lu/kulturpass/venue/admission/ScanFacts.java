package lu.kulturpass.venue.admission;

import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * Everything the rules read for one scan, fetched in ONE query inside the scan's transaction (the
 * door is waiting: one round trip instead of six): the answer already given to this nonce, the
 * pass's standing from pass events, the venue's agreement in force on the scan's day, the
 * performance, and whether the pass was already admitted for that performance (or, without one, that
 * day). The "already" condition repeats the partial unique index's predicate word for word, so
 * PostgreSQL answers it from that index.
 */
record ScanFacts(UUID answeredId, String standing, String category, Integer groupSize, LocalDate validFrom,
                 LocalDate validUntil, UUID agreementId, String benefit, Integer priceCents, String acceptedCategories,
                 String performanceVenueId, String performanceStatus, LocalDate performanceDay,
                 OffsetDateTime performanceStartsAt, boolean alreadyAdmitted) {

    private static final UUID NONE = new UUID(0, 0);
    private static final String SELECT = """
            select (select a.id from admission a where a.venue_id = :venue and a.nonce = :nonce),
                   ps.status, ps.category, ps.group_size, ps.valid_from, ps.valid_until,
                   ag.id, ag.benefit, ag.price_cents, ag.accepted_categories,
                   p.venue_id, p.status, p.day, p.starts_at, %s
            from (select 1) one
            left join pass_standing ps on ps.pass_id = :pass
            left join venue v on v.id = :venue
            left join lateral (select a.id, a.benefit, a.price_cents, a.accepted_categories from agreement a
                               where a.partner_id = v.partner_id and a.status = 'ACTIVE'
                                 and a.valid_from <= cast(:day as date) and a.valid_until >= cast(:day as date)
                               order by a.valid_from desc limit 1) ag on true
            left join performance p on p.id = :performance
            """;
    private static final String FOR_PERFORMANCE = SELECT.formatted("""
            exists (select 1 from admission a where a.performance_id = :performance and a.pass_id = :pass
                    and a.outcome = 'ADMITTED' and a.performance_id is not null and a.undone_at is null and not a.double_use)""");
    private static final String FOR_DAY = SELECT.formatted("""
            exists (select 1 from admission a where a.venue_id = :venue and a.pass_id = :pass and a.scan_day = cast(:day as date)
                    and a.outcome = 'ADMITTED' and a.performance_id is null and a.undone_at is null and not a.double_use)""");

    static ScanFacts read(EntityManager entityManager, String venueId, String nonce, Long passId, UUID performanceId, LocalDate day) {
        Object[] row = (Object[]) entityManager.createNativeQuery(performanceId != null ? FOR_PERFORMANCE : FOR_DAY)
                .setParameter("venue", venueId)
                .setParameter("nonce", nonce)
                .setParameter("pass", passId == null ? -1L : passId)
                .setParameter("performance", performanceId == null ? NONE : performanceId)
                .setParameter("day", day)
                .getSingleResult();
        return new ScanFacts((UUID) row[0], (String) row[1], (String) row[2], number(row[3]), date(row[4]), date(row[5]),
                (UUID) row[6], (String) row[7], number(row[8]), (String) row[9], (String) row[10], (String) row[11],
                date(row[12]), instant(row[13]), Boolean.TRUE.equals(row[14]));
    }

    boolean agreementInForce() {
        return agreementId != null;
    }

    boolean accepts(String passCategory) {
        return acceptedCategories != null && Arrays.asList(acceptedCategories.split(",")).contains(passCategory);
    }

    boolean freeEntry() {
        return "FREE_ENTRY".equals(benefit);
    }

    /** What one holder pays, in cents: 0 for free entry. */
    int priceCentsPerPerson() {
        return freeEntry() || priceCents == null ? 0 : priceCents;
    }

    /**
     * Whether a scan at this time belongs to the performance: on its day, or within 12 hours before
     * and 6 hours after its start (a show starting just after midnight, doors opening the evening before).
     */
    boolean performanceIsOn(LocalDate scanDay, OffsetDateTime scannedAt) {
        if (performanceDay == null || scanDay.equals(performanceDay)) {
            return true;
        }
        return performanceStartsAt != null && !scannedAt.isBefore(performanceStartsAt.minusHours(12))
                && !scannedAt.isAfter(performanceStartsAt.plusHours(6));
    }

    private static OffsetDateTime instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static Integer number(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static LocalDate date(Object value) {
        if (value instanceof Date sql) {
            return sql.toLocalDate();
        }
        return (LocalDate) value;
    }
}
