package lu.kulturpass.eligibility.enrolment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.platform.outbox.Outbox;
import lu.kulturpass.platform.time.ProgrammeCalendar;

/**
 * Announces enrolment changes on {@code kulturpass.enrolments}, one event per household member (keyed
 * by the member's pseudonymous id). Data: ids and the categories statistics need (age band, pass
 * category, household situation, municipality) — never a name, a birth date or the criterion.
 */
@ApplicationScoped
public class EnrolmentEvents {

    public static final String TOPIC = "kulturpass.enrolments";
    private static final String TYPE = "lu.kulturpass.enrolment.";

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
        outbox.record(TOPIC, member.id.toString(), TYPE + what, 1, data(enrolment, member, calendar.today()));
    }

    /** The same event for many members (an imported list), written to the outbox at once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(String what, List<Announcement> announcements) {
        LocalDate today = calendar.today();
        outbox.recordAll(announcements.stream().map(a -> new Outbox.Pending(TOPIC, a.member().id.toString(), TYPE + what, 1,
                data(a.enrolment(), a.member(), today))).toList());
    }

    private static Map<String, Object> data(Enrolment enrolment, Beneficiary member, LocalDate today) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("beneficiaryId", member.id.toString());
        data.put("enrolmentId", enrolment.id.toString());
        data.put("agencyId", enrolment.agencyId);
        if (member.birthDate != null) {
            data.put("ageBand", member.ageBand(today));
            data.put("category", member.category(today));
        }
        if (enrolment.householdSituation != null) {
            data.put("householdSituation", enrolment.householdSituation.name());
        }
        if (enrolment.municipality != null) {
            data.put("municipality", enrolment.municipality);
        }
        if (member.passId != null) {
            data.put("passId", member.passId);
        }
        if (enrolment.validUntil != null) {
            data.put("validUntil", enrolment.validUntil.toString());
        }
        return data;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void announceAll(String what, Enrolment enrolment) {
        announce(what, Beneficiary.members(enrolment.id).stream().filter(member -> member.erasedAt == null)
                .map(member -> new Announcement(enrolment, member)).toList());
    }
}
