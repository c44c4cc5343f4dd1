package lu.kulturpass.venue.admission;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Everything the rules read for one scan, fetched in ONE query for all
 * the scans recorded together (the door is waiting: one round trip instead of six per scan): whether the partner topic
 * named the scan's venue, the answer already given to this nonce, the pass's standing from pass events, the venue's
 * agreement in force on the scan's day, the performance (its venue) and its places left, and whether the pass was
 * already admitted for that performance (or, without one, that day). The "already" condition repeats the partial
 * unique index's predicate word for word, so PostgreSQL answers it from that index.
 */
record ScanFacts(boolean venueKnown, UUID answeredId, String standing, String category, Integer groupSize, LocalDate validFrom,
                 LocalDate validUntil, UUID agreementId, String benefit, Integer priceCents, String acceptedCategories,
                 String performanceVenueId, String performanceStatus, LocalDate performanceDay,
                 OffsetDateTime performanceStartsAt, Integer placesLeft, boolean alreadyAdmitted) {

    /*
     * One row per scan, in the scans' order: the scans come as arrays (unnest ... with ordinality), so one
     * statement reads the facts of a whole batch of scans. The "already" conditions repeat the partial
     * unique indexes' predicates word for word.
     */
    private static final String SELECT = """
            select v.id is not null, (select a.id from admission a where a.venue_id = s.venue and a.nonce = s.nonce),
                   ps.status, ps.category, ps.group_size, ps.valid_from, ps.valid_until,
                   ag.id, ag.benefit, ag.price_cents, ag.accepted_categories,
                   p.venue_id, p.status, p.day, p.starts_at, p.places_offered - p.places_used,
                   case when s.performance is not null
                        then exists (select 1 from admission a where a.performance_id = s.performance and a.pass_id = s.pass
                                     and a.outcome = 'ADMITTED' and a.performance_id is not null and a.undone_at is null and not a.double_use)
                        else exists (select 1 from admission a where a.venue_id = s.venue and a.pass_id = s.pass and a.scan_day = s.day
                                     and a.outcome = 'ADMITTED' and a.performance_id is null and a.undone_at is null and not a.double_use)
                   end
            from unnest(cast(? as varchar[]), cast(? as varchar[]), cast(? as bigint[]), cast(? as uuid[]), cast(? as date[]))
                 with ordinality as s(venue, nonce, pass, performance, day, position)
            left join pass_standing ps on ps.pass_id = s.pass
            left join venue v on v.id = s.venue
            left join lateral (select a.id, a.benefit, a.price_cents, a.accepted_categories from agreement a
                               where a.partner_id = v.partner_id and a.status = 'ACTIVE'
                                 and a.valid_from <= s.day and a.valid_until >= s.day
                               order by a.valid_from desc limit 1) ag on true
            left join performance p on p.id = s.performance
            order by s.position
            """;

    /** The facts of each scan, in the same order. */
    static List<ScanFacts> readAll(Connection connection, List<Scanned> scans) throws SQLException {
        int n = scans.size();
        String[] venues = new String[n];
        String[] nonces = new String[n];
        Long[] passes = new Long[n];
        UUID[] performances = new UUID[n];
        Date[] days = new Date[n];
        for (int i = 0; i < n; i++) {
            Scanned scan = scans.get(i);
            venues[i] = scan.venueId();
            nonces[i] = scan.nonce();
            passes[i] = scan.card().passId();
            performances[i] = scan.performanceId();
            days[i] = Date.valueOf(scan.scanDay());
        }
        List<ScanFacts> facts = new ArrayList<>(n);
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setArray(1, connection.createArrayOf("varchar", venues));
            select.setArray(2, connection.createArrayOf("varchar", nonces));
            select.setArray(3, connection.createArrayOf("bigint", passes));
            select.setArray(4, connection.createArrayOf("uuid", performances));
            select.setArray(5, connection.createArrayOf("date", days));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    facts.add(new ScanFacts(row.getBoolean(1), row.getObject(2, UUID.class), row.getString(3), row.getString(4), number(row, 5),
                            date(row, 6), date(row, 7), row.getObject(8, UUID.class), row.getString(9), number(row, 10),
                            row.getString(11), row.getString(12), row.getString(13), date(row, 14),
                            row.getObject(15, OffsetDateTime.class), number(row, 16), row.getBoolean(17)));
                }
            }
        }
        if (facts.size() != n) {
            throw new IllegalStateException("expected the facts of " + n + " scans, read " + facts.size());
        }
        return facts;
    }

    /** Whether the scan names a performance that is another venue's (one that does not exist is the rules' UNKNOWN_PERFORMANCE). */
    boolean performanceElsewhere(Scanned scan) {
        return scan.performanceId() != null && performanceVenueId != null && !performanceVenueId.equals(scan.venueId());
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

    private static Integer number(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }
}
