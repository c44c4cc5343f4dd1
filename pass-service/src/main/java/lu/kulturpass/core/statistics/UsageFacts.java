package lu.kulturpass.core.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import lu.kulturpass.events.AdmissionTopic;
import lu.kulturpass.events.EnrolmentTopic;
import lu.kulturpass.events.PassTopic;
import lu.kulturpass.events.PerformanceTopic;
import lu.kulturpass.platform.inbox.IncomingEvent;
import lu.kulturpass.platform.time.ProgrammeCalendar;

/**
 * Applies events to the statistics read model. Each method is safe to run in any order against the
 * other topics' events: counts are increments, facts are inserts that ignore repeats.
 */
@ApplicationScoped
public class UsageFacts {

    private final EntityManager db;
    private final ProgrammeCalendar calendar;
    private final AdmissionTally tally;

    public UsageFacts(EntityManager db, ProgrammeCalendar calendar, AdmissionTally tally) {
        this.db = db;
        this.calendar = calendar;
        this.tally = tally;
    }

    /** One admission event (the feed's fallback when a poll failed, one event at a time). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admission(IncomingEvent event) {
        admissions(List.of(event));
    }

    /**
     * A poll's admission events, each new to this feed, in their order: the scans counted together in
     * one statement, then the undos (an undo always follows its admission: both are keyed by the pass).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void admissions(List<IncomingEvent> events) {
        tally.count(events.stream().filter(AdmissionTally::counts).toList());
        events.stream().filter(event -> AdmissionTopic.Undone.TYPE.equals(event.type())).forEach(this::undone);
    }

    /**
     * Staff took an admission back (within venue-service's undo window): its admission, tickets, value
     * and place no longer count. The holder still counts among the period's distinct holders (they were
     * at the door). Applied once, whatever the redeliveries: the fact records the undo.
     */
    private void undone(IncomingEvent event) {
        AdmissionTopic.Undone undone = event.data(AdmissionTopic.Undone.class);
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> taken = db.createNativeQuery("""
                update admission_fact set undone_at = ?2, undo_event_id = ?3
                 where admission_id = ?1 and outcome = 'ADMITTED' and undone_at is null
                returning venue_id, day, coalesce(tickets, 1), coalesce(value_cents, 0), performance_id""")
                .setParameter(1, undone.admissionId())
                .setParameter(2, OffsetDateTime.parse(undone.undoneAt())).setParameter(3, event.id()).getResultList();
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
        PerformanceTopic.Changed performance = event.data(PerformanceTopic.Changed.class);
        OffsetDateTime startsAt = OffsetDateTime.parse(performance.startsAt());
        upsert("""
                insert into performance_places (performance_id, venue_id, day, starts_at, places_offered, cancelled)
                values (?1, ?2, ?3, ?4, ?5, ?6)
                on conflict (performance_id) do update set venue_id = excluded.venue_id, day = excluded.day,
                    starts_at = excluded.starts_at, places_offered = excluded.places_offered, cancelled = excluded.cancelled""",
                performance.performanceId(), UUID.fromString(performance.venueId()),
                performance.day() != null ? performance.day() : calendar.dayOf(startsAt),
                startsAt, performance.placesOffered() == null ? 0 : performance.placesOffered(),
                PerformanceTopic.Changed.CANCELLED.equals(event.type()) || "CANCELLED".equals(performance.status()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void pass(IncomingEvent event) {
        if (!PassTopic.Issued.TYPE.equals(event.type())) {
            return;
        }
        PassTopic.Issued issued = event.data(PassTopic.Issued.class);
        upsert("""
                insert into stats_pass (pass_id, agency_id, holder_ref, category, issued_on) values (?1, ?2, ?3, ?4, ?5)
                on conflict (pass_id) do nothing""",
                issued.passId(), issued.agencyId(), issued.holderRef(), issued.category(),
                event.time() == null ? issued.validFrom() : calendar.dayOf(event.time().toInstant()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enrolment(IncomingEvent event) {
        LocalDate day = event.time() == null ? calendar.today() : calendar.dayOf(event.time().toInstant());
        if (!EnrolmentTopic.Changed.SUBMITTED.equals(event.type()) && !EnrolmentTopic.Changed.APPROVED.equals(event.type())) {
            return;
        }
        EnrolmentTopic.Changed enrolment = event.data(EnrolmentTopic.Changed.class);
        String beneficiary = enrolment.beneficiaryId().toString();
        switch (event.type()) {
            case EnrolmentTopic.Changed.SUBMITTED -> upsert("""
                    insert into stats_enrolment (beneficiary_id, agency_id, age_band, household_situation, municipality, enrolled_on)
                    values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (beneficiary_id) do nothing""",
                    beneficiary, enrolment.agencyId(), enrolment.ageBand(), enrolment.householdSituation(),
                    enrolment.municipality(), day);
            case EnrolmentTopic.Changed.APPROVED -> upsert("""
                    insert into stats_enrolment (beneficiary_id, agency_id, age_band, household_situation, municipality, enrolled_on, approved_on)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                    on conflict (beneficiary_id) do update set approved_on = excluded.approved_on""",
                    beneficiary, enrolment.agencyId(), enrolment.ageBand(), enrolment.householdSituation(),
                    enrolment.municipality(), day);
            default -> { }
        }
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
