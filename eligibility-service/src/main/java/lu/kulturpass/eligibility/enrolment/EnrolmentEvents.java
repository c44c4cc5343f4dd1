package lu.kulturpass.eligibility.enrolment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.events.EnrolmentTopic;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.time.ProgrammeCalendar;

/**
 * Announces enrolment changes on {@code kulturpass.enrolments}, one event per household member (keyed
 * by the member's pseudonymous id). Data: ids and the categories statistics need (age band, pass
 * category, household situation, municipality) — never a name, a birth date or the criterion.
 */
@ApplicationScoped
public class EnrolmentEvents {

    private final Outbox outbox;
    private final ProgrammeCalendar calendar;

    public EnrolmentEvents(Outbox outbox, ProgrammeCalendar calendar) {
        this.outbox = outbox;
        this.calendar = calendar;
    }

    /** One member's event: the household's enrolment and the member. */
    public record Announcement(Enrolment enrolment, Beneficiary member) {
    }

    /** {@code what}: submitted, approved, rejected, review-requested, renewed, expired, erased. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(String what, Enrolment enrolment, Beneficiary member) {
        outbox.record(EnrolmentTopic.TOPIC, member.id.toString(), EnrolmentTopic.PREFIX + what, EnrolmentTopic.Changed.VERSION,
                data(enrolment, member, calendar.today()));
    }

    /** The same event for many members (an imported list), written to the outbox at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(String what, List<Announcement> announcements) {
        LocalDate today = calendar.today();
        outbox.recordAll(announcements.stream().map(a -> new Outbox.Pending(EnrolmentTopic.TOPIC, a.member().id.toString(),
                EnrolmentTopic.PREFIX + what, EnrolmentTopic.Changed.VERSION, data(a.enrolment(), a.member(), today))).toList());
    }

    private static EnrolmentTopic.Changed data(Enrolment enrolment, Beneficiary member, LocalDate today) {
        boolean born = member.birthDate != null;
        return new EnrolmentTopic.Changed(member.id, enrolment.id, enrolment.agencyId, born ? member.ageBand(today) : null,
                born ? member.category(today) : null,
                enrolment.householdSituation == null ? null : enrolment.householdSituation.name(), enrolment.municipality,
                member.passId, enrolment.validUntil);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void announceAll(String what, Enrolment enrolment) {
        announce(what, Beneficiary.members(enrolment.id).stream().filter(member -> member.erasedAt == null)
                .map(member -> new Announcement(enrolment, member)).toList());
    }
}
