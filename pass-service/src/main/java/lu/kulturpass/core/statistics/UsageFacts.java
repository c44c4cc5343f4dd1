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
        UUID venue = UUID.fromString(event.text("venueId"));
        LocalDate day = OffsetDateTime.parse(event.text("scannedAt")).atZoneSameInstant(zone).toLocalDate();
        switch (event.type()) {
            case "lu.kulturpass.admission.recorded" -> admitted(event, venue, day);
            case "lu.kulturpass.admission.refused" -> refused(event, venue, day);
            default -> { /* other admission facts do not change these figures */ }
        }
    }

    private void admitted(IncomingEvent event, UUID venue, LocalDate day) {
        int tickets = event.data().path("groupSize").asInt(1);
        long valueCents = event.data().hasNonNull("price")
                ? new BigDecimal(event.data().get("price").asText()).movePointRight(2).longValueExact() : 0;
        upsert("""
                insert into venue_daily_usage (venue_id, day, admissions, refusals, tickets, ticket_value_cents)
                values (?1, ?2, 1, 0, ?3, ?4)
                on conflict (venue_id, day) do update set admissions = venue_daily_usage.admissions + 1,
                    tickets = venue_daily_usage.tickets + excluded.tickets,
                    ticket_value_cents = venue_daily_usage.ticket_value_cents + excluded.ticket_value_cents""",
                venue, day, tickets, valueCents);
        upsert("""
                insert into venue_daily_price (venue_id, day, price_cents, tickets) values (?1, ?2, ?3, ?4)
                on conflict (venue_id, day, price_cents) do update set tickets = venue_daily_price.tickets + excluded.tickets""",
                venue, day, (int) (valueCents / Math.max(tickets, 1)), tickets);
        upsert("""
                insert into venue_monthly_pass (venue_id, month, pass_id, admissions) values (?1, ?2, ?3, 1)
                on conflict (venue_id, month, pass_id) do update set admissions = venue_monthly_pass.admissions + 1""",
                venue, day.withDayOfMonth(1), Long.parseLong(event.text("passId")));
        upsert("""
                insert into partner_year_pass (partner_id, year, pass_id)
                select v.partner_id, ?2, ?3 from venue v where v.id = ?1 on conflict do nothing""",
                venue, day.getYear(), Long.parseLong(event.text("passId")));
        fact(event, venue, day, "ADMITTED");
    }

    private void fact(IncomingEvent event, UUID venue, LocalDate day, String outcome) {
        upsert("""
                insert into admission_fact (admission_id, event_id, venue_id, outcome, reason, pass_id, agreement_id, scanned_at, day)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) on conflict (admission_id) do nothing""",
                UUID.fromString(event.text("admissionId")), event.id(), venue, outcome, event.data().path("reason").asText("VALID"),
                event.data().hasNonNull("passId") && event.data().get("passId").asLong() > 0 ? event.data().get("passId").asLong() : null,
                event.data().hasNonNull("agreementId") ? UUID.fromString(event.data().get("agreementId").asText()) : null,
                OffsetDateTime.parse(event.text("scannedAt")), day);
    }

    private void refused(IncomingEvent event, UUID venue, LocalDate day) {
        upsert("""
                insert into venue_daily_usage (venue_id, day, admissions, refusals) values (?1, ?2, 0, 1)
                on conflict (venue_id, day) do update set refusals = venue_daily_usage.refusals + 1""", venue, day);
        upsert("""
                insert into venue_daily_refusal (venue_id, day, reason, refusals) values (?1, ?2, ?3, 1)
                on conflict (venue_id, day, reason) do update set refusals = venue_daily_refusal.refusals + 1""",
                venue, day, event.data().path("reason").asText("UNKNOWN"));
        fact(event, venue, day, "REFUSED");
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

    private void upsert(String sql, Object... parameters) {
        var query = db.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
