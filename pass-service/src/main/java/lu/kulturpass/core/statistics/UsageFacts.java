package lu.kulturpass.core.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import lu.kulturpass.platform.inbox.IncomingEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies events to the statistics read model. Each method is safe to run in any order against the
 * other topics' events: counts are increments, facts are inserts that ignore repeats.
 */
@ApplicationScoped
public class UsageFacts {

    private final EntityManager db;
    private final ZoneId zone;

    public UsageFacts(EntityManager db, @ConfigProperty(name = "kulturpass.statistics.time-zone") ZoneId zone) {
        this.db = db;
        this.zone = zone;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void admission(IncomingEvent event) {
        if ("lu.kulturpass.admission.undone".equals(event.type())) {
            undone(event);
            return;
        }
        UUID venue = UUID.fromString(event.text("venueId"));
        LocalDate day = OffsetDateTime.parse(event.text("scannedAt")).atZoneSameInstant(zone).toLocalDate();
        switch (event.type()) {
            case "lu.kulturpass.admission.recorded" -> admitted(event, venue, day);
            case "lu.kulturpass.admission.refused" -> refused(event, venue, day);
            default -> { /* other admission facts do not change these figures */ }
        }
    }

    /**
     * One statement per admission (a round trip, not eight): the fact first, and every count only if the
     * fact is new, so the same admission counts once even if it came again under another event id.
     */
    private void admitted(IncomingEvent event, UUID venue, LocalDate day) {
        int tickets = event.data().path("groupSize").asInt(1);
        long valueCents = event.data().hasNonNull("price")
                ? new BigDecimal(event.data().get("price").asText()).movePointRight(2).longValueExact() : 0;
        count("""
                with fact as (%s),
                usage as (
                    insert into venue_daily_usage (venue_id, day, admissions, refusals, tickets, ticket_value_cents)
                    select venue_id, ?9, 1, 0, ?11, ?12 from fact
                    on conflict (venue_id, day) do update set admissions = venue_daily_usage.admissions + 1,
                        tickets = venue_daily_usage.tickets + excluded.tickets,
                        ticket_value_cents = venue_daily_usage.ticket_value_cents + excluded.ticket_value_cents),
                price as (
                    insert into venue_daily_price (venue_id, day, price_cents, tickets) select venue_id, ?9, ?13, ?11 from fact
                    on conflict (venue_id, day, price_cents) do update set tickets = venue_daily_price.tickets + excluded.tickets),
                monthly as (
                    insert into venue_monthly_pass (venue_id, month, pass_id, admissions) select venue_id, ?14, ?6, 1 from fact
                    on conflict (venue_id, month, pass_id) do update set admissions = venue_monthly_pass.admissions + 1),
                first_this_year as (
                    insert into partner_year_pass (partner_id, year, pass_id)
                    select v.partner_id, ?15, ?6 from fact join venue v on v.id = fact.venue_id on conflict do nothing
                    returning partner_id, year),
                holders as (
                    insert into partner_year_holders (partner_id, year, holders) select partner_id, year, 1 from first_this_year
                    on conflict (partner_id, year) do update set holders = partner_year_holders.holders + 1),
                places as (
                    insert into performance_places (performance_id, venue_id, day, places_used)
                    select ?10, venue_id, ?9, ?11 from fact where cast(?10 as uuid) is not null
                    on conflict (performance_id) do update set places_used = performance_places.places_used + excluded.places_used)
                select count(*) from fact""".formatted(FACT),
                factParameters(event, venue, day, "ADMITTED", tickets, valueCents,
                        (int) (valueCents / Math.max(tickets, 1)), day.withDayOfMonth(1), day.getYear()));
    }

    /** The admission's fact, inserted once per admission id; the statements above count only what it returns. */
    private static final String FACT = """
            insert into admission_fact (admission_id, event_id, venue_id, outcome, reason, pass_id, agreement_id, scanned_at, day,
                                        performance_id, tickets, value_cents)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) on conflict (admission_id) do nothing
            returning venue_id""";

    private static Object[] factParameters(IncomingEvent event, UUID venue, LocalDate day, String outcome, Integer tickets,
                                           Long valueCents, Object... more) {
        Object[] fact = {UUID.fromString(event.text("admissionId")), event.id(), venue, outcome,
                event.data().path("reason").asText("VALID"),
                event.data().hasNonNull("passId") && event.data().get("passId").asLong() > 0 ? event.data().get("passId").asLong() : null,
                uuid(event, "agreementId"), OffsetDateTime.parse(event.text("scannedAt")), day, uuid(event, "performanceId"),
                tickets, valueCents};
        Object[] all = java.util.Arrays.copyOf(fact, fact.length + more.length);
        System.arraycopy(more, 0, all, fact.length, more.length);
        return all;
    }

    private void refused(IncomingEvent event, UUID venue, LocalDate day) {
        count("""
                with fact as (%s),
                usage as (
                    insert into venue_daily_usage (venue_id, day, admissions, refusals) select venue_id, ?9, 0, 1 from fact
                    on conflict (venue_id, day) do update set refusals = venue_daily_usage.refusals + 1),
                by_reason as (
                    insert into venue_daily_refusal (venue_id, day, reason, refusals) select venue_id, ?9, ?13, 1 from fact
                    on conflict (venue_id, day, reason) do update set refusals = venue_daily_refusal.refusals + 1)
                select count(*) from fact""".formatted(FACT),
                factParameters(event, venue, day, "REFUSED", null, null, event.data().path("reason").asText("UNKNOWN")));
    }

    /**
     * Staff took an admission back (within venue-service's undo window): its admission, tickets, value
     * and place no longer count. The holder still counts among the period's distinct holders (they were
     * at the door). Applied once, whatever the redeliveries: the fact records the undo.
     */
    private void undone(IncomingEvent event) {
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> taken = db.createNativeQuery("""
                update admission_fact set undone_at = ?2, undo_event_id = ?3
                 where admission_id = ?1 and outcome = 'ADMITTED' and undone_at is null
                returning venue_id, day, coalesce(tickets, 1), coalesce(value_cents, 0), performance_id""")
                .setParameter(1, UUID.fromString(event.text("admissionId")))
                .setParameter(2, OffsetDateTime.parse(event.text("undoneAt"))).setParameter(3, event.id()).getResultList();
        for (Object[] admission : taken) {
            UUID venue = (UUID) admission[0];
            Object day = admission[1];
            int tickets = ((Number) admission[2]).intValue();
            long valueCents = ((Number) admission[3]).longValue();
            upsert("""
                    update venue_daily_usage set admissions = admissions - 1, tickets = tickets - ?3, ticket_value_cents = ticket_value_cents - ?4
                     where venue_id = ?1 and day = ?2""", venue, day, tickets, valueCents);
            upsert("update venue_daily_price set tickets = tickets - ?4 where venue_id = ?1 and day = ?2 and price_cents = ?3",
                    venue, day, (int) (valueCents / Math.max(tickets, 1)), tickets);
            if (admission[4] != null) {
                upsert("update performance_places set places_used = places_used - ?2 where performance_id = ?1", admission[4], tickets);
            }
        }
    }

    /**
     * A performance's Kulturpass places as venue-service last announced them (events in order per
     * performance); the places used are left to the admissions.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void performance(IncomingEvent event) {
        OffsetDateTime startsAt = OffsetDateTime.parse(event.text("startsAt"));
        upsert("""
                insert into performance_places (performance_id, venue_id, day, starts_at, places_offered, cancelled)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (performance_id) do update set venue_id = excluded.venue_id, day = excluded.day,
                    starts_at = excluded.starts_at, places_offered = excluded.places_offered, cancelled = excluded.cancelled""",
                UUID.fromString(event.text("performanceId")), UUID.fromString(event.text("venueId")),
                event.data().hasNonNull("day") ? LocalDate.parse(event.text("day")) : startsAt.atZoneSameInstant(zone).toLocalDate(),
                startsAt, event.data().path("placesOffered").asInt(0),
                "lu.kulturpass.performance.cancelled".equals(event.type()) || "CANCELLED".equals(event.data().path("status").asText()));
    }

    private static UUID uuid(IncomingEvent event, String field) {
        return event.data().hasNonNull(field) ? UUID.fromString(event.data().get(field).asText()) : null;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void pass(IncomingEvent event) {
        if (!"lu.kulturpass.pass.issued".equals(event.type())) {
            return;
        }
        upsert("""
                insert into stats_pass (pass_id, agency_id, holder_ref, category, issued_on) values (?1, ?2, ?3, ?4, ?5)
                on conflict (pass_id) do nothing""",
                Long.parseLong(event.text("passId")), event.text("agencyId"), event.text("holderRef"),
                event.text("category"), event.time() == null ? LocalDate.parse(event.text("validFrom"))
                        : event.time().withZoneSameInstant(zone).toLocalDate());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enrolment(IncomingEvent event) {
        LocalDate day = event.time() == null ? LocalDate.now(zone) : event.time().withZoneSameInstant(zone).toLocalDate();
        String beneficiary = event.text("beneficiaryId");
        switch (event.type()) {
            case "lu.kulturpass.enrolment.submitted" -> upsert("""
                    insert into stats_enrolment (beneficiary_id, agency_id, age_band, household_situation, municipality, enrolled_on)
                    values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (beneficiary_id) do nothing""",
                    beneficiary, event.text("agencyId"), optional(event, "ageBand"), optional(event, "householdSituation"),
                    optional(event, "municipality"), day);
            case "lu.kulturpass.enrolment.approved" -> upsert("""
                    insert into stats_enrolment (beneficiary_id, agency_id, age_band, household_situation, municipality, enrolled_on, approved_on)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                    on conflict (beneficiary_id) do update set approved_on = excluded.approved_on""",
                    beneficiary, event.text("agencyId"), optional(event, "ageBand"), optional(event, "householdSituation"),
                    optional(event, "municipality"), day);
            default -> { }
        }
    }

    private static String optional(IncomingEvent event, String field) {
        return event.data().hasNonNull(field) ? event.data().get(field).asText() : null;
    }

    private void count(String sql, Object... parameters) {
        query(sql, parameters).getSingleResult();
    }

    private void upsert(String sql, Object... parameters) {
        query(sql, parameters).executeUpdate();
    }

    private jakarta.persistence.Query query(String sql, Object... parameters) {
        var query = db.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
