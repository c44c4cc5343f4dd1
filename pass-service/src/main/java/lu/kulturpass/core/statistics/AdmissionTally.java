package lu.kulturpass.core.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.events.AdmissionTopic;
import lu.kulturpass.platform.inbox.IncomingEvent;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import org.hibernate.Session;

/**
 * Counts a poll of admissions and refusals in ONE SQL statement, whatever its size: each scan's fact
 * is inserted once per admission id, and every figure is raised by what the new facts add up to (so
 * the same admission sent again, in the same poll or later, under a new event id, counts once). A
 * busy venue's day row is updated once per poll instead of once per scan. An admission a device made
 * offline for a pass already admitted (venue-service's {@code doubleUse}) counts as an admission (the
 * holder came in) but takes no Kulturpass place, as at the venue.
 */
@ApplicationScoped
class AdmissionTally {

    /** The scans as columns (text arrays, cast here), then the facts, then every figure from the new facts. */
    private static final String TALLY = """
            with scan as (
                select * from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    as s(event_id, admission_id, venue_id, outcome, reason, pass_id, agreement_id, scanned_at, day,
                         performance_id, tickets, value_cents, double_use)),
            fact as (
                insert into admission_fact (admission_id, event_id, venue_id, outcome, reason, pass_id, agreement_id, scanned_at,
                                            day, performance_id, tickets, value_cents, double_use)
                select cast(admission_id as uuid), event_id, cast(venue_id as uuid), outcome, reason, cast(pass_id as bigint),
                       cast(agreement_id as uuid), cast(scanned_at as timestamptz), cast(day as date), cast(performance_id as uuid),
                       cast(tickets as integer), cast(value_cents as bigint), cast(double_use as boolean)
                  from scan
                on conflict (admission_id) do nothing
                returning *),
            admitted as (select * from fact where outcome = 'ADMITTED'),
            usage as (
                insert into venue_daily_usage (venue_id, day, admissions, refusals, tickets, ticket_value_cents)
                select venue_id, day, count(*) filter (where outcome = 'ADMITTED'), count(*) filter (where outcome = 'REFUSED'),
                       coalesce(sum(tickets), 0), coalesce(sum(value_cents), 0)
                  from fact group by venue_id, day
                on conflict (venue_id, day) do update set admissions = venue_daily_usage.admissions + excluded.admissions,
                    refusals = venue_daily_usage.refusals + excluded.refusals,
                    tickets = venue_daily_usage.tickets + excluded.tickets,
                    ticket_value_cents = venue_daily_usage.ticket_value_cents + excluded.ticket_value_cents),
            by_price as (
                insert into venue_daily_price (venue_id, day, price_cents, tickets)
                select venue_id, day, cast(value_cents / greatest(tickets, 1) as integer), sum(tickets) from admitted group by 1, 2, 3
                on conflict (venue_id, day, price_cents) do update set tickets = venue_daily_price.tickets + excluded.tickets),
            by_reason as (
                insert into venue_daily_refusal (venue_id, day, reason, refusals)
                select venue_id, day, reason, count(*) from fact where outcome = 'REFUSED' group by 1, 2, 3
                on conflict (venue_id, day, reason) do update set refusals = venue_daily_refusal.refusals + excluded.refusals),
            monthly as (
                insert into venue_monthly_pass (venue_id, month, pass_id, admissions)
                select venue_id, cast(date_trunc('month', day) as date), pass_id, count(*) from admitted group by 1, 2, 3
                on conflict (venue_id, month, pass_id) do update set admissions = venue_monthly_pass.admissions + excluded.admissions),
            first_this_year as (
                insert into partner_year_pass (partner_id, year, pass_id)
                select distinct v.partner_id, cast(extract(year from a.day) as integer), a.pass_id
                  from admitted a join venue v on v.id = a.venue_id
                on conflict do nothing
                returning partner_id, year),
            holders as (
                insert into partner_year_holders (partner_id, year, holders)
                select partner_id, year, count(*) from first_this_year group by 1, 2
                on conflict (partner_id, year) do update set holders = partner_year_holders.holders + excluded.holders),
            places as (
                insert into performance_places (performance_id, venue_id, day, places_used)
                select performance_id, (array_agg(venue_id))[1], min(day), sum(tickets) from admitted
                 where performance_id is not null and not double_use group by performance_id
                on conflict (performance_id) do update set places_used = performance_places.places_used + excluded.places_used)
            select count(*) from fact""";

    private final EntityManager db;
    private final ProgrammeCalendar calendar;

    AdmissionTally(EntityManager db, ProgrammeCalendar calendar) {
        this.db = db;
        this.calendar = calendar;
    }

    static boolean counts(IncomingEvent event) {
        return AdmissionTopic.Scanned.RECORDED.equals(event.type()) || AdmissionTopic.Scanned.REFUSED.equals(event.type());
    }

    /** Counts these admission.recorded and admission.refused events (read first: a malformed one fails them all). */
    void count(List<IncomingEvent> scans) {
        if (scans.isEmpty()) {
            return;
        }
        String[][] columns = new String[13][scans.size()];
        for (int i = 0; i < scans.size(); i++) {
            String[] row = columns(scans.get(i));
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        db.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement tally = connection.prepareStatement(TALLY)) {
                for (int c = 0; c < columns.length; c++) {
                    tally.setArray(c + 1, connection.createArrayOf("text", columns[c]));
                }
                tally.executeQuery().close();
            }
        });
    }

    /** One scan's columns, checked here so that a malformed event fails with its own reason. */
    private String[] columns(IncomingEvent event) {
        boolean admitted = AdmissionTopic.Scanned.RECORDED.equals(event.type());
        AdmissionTopic.Scanned scan = event.data(AdmissionTopic.Scanned.class);
        OffsetDateTime scannedAt = OffsetDateTime.parse(scan.scannedAt());
        if (admitted && scan.passId() == null) {
            throw new IncomingEvent.UnreadableEventException("event " + event.id() + " (" + event.type() + ") has no passId");
        }
        Long pass = admitted || scan.passId() != null && scan.passId() > 0 ? scan.passId() : null;
        Integer tickets = admitted ? scan.people() : null;
        Long valueCents = !admitted ? null : scan.price() != null ? new BigDecimal(scan.price()).movePointRight(2).longValueExact() : 0L;
        LocalDate day = calendar.dayOf(scannedAt);
        String reason = scan.reason() != null ? scan.reason() : admitted ? "VALID" : "UNKNOWN";
        return new String[] {event.id(), scan.admissionId().toString(), UUID.fromString(scan.venueId()).toString(),
                admitted ? "ADMITTED" : "REFUSED", reason, text(pass), text(scan.agreementId()), scannedAt.toString(), day.toString(),
                text(scan.performanceId()), text(tickets), text(valueCents), String.valueOf(admitted && scan.doubleUse())};
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
