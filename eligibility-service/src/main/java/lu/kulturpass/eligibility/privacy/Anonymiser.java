package lu.kulturpass.eligibility.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lu.kulturpass.eligibility.beneficiary.Beneficiary;
import lu.kulturpass.eligibility.enrolment.Decision;
import lu.kulturpass.eligibility.enrolment.Enrolment;
import lu.kulturpass.eligibility.enrolment.EnrolmentEvents;
import lu.kulturpass.platform.time.ProgrammeCalendar;

/**
 * Erases what identifies a person (name, birth date, the key that finds them across agencies; with the
 * last member of a household, the evidence numbers) and keeps the pseudonymous id, the categories and
 * the decisions' outcomes: the statistics, built from events that never held a name, stay as they are.
 */
@ApplicationScoped
public class Anonymiser {

    private final EnrolmentEvents events;
    private final ProgrammeCalendar calendar;

    public Anonymiser(EnrolmentEvents events, ProgrammeCalendar calendar) {
        this.events = events;
        this.calendar = calendar;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void anonymise(Beneficiary member) {
        if (member.erasedAt != null) {
            return;
        }
        Enrolment enrolment = Enrolment.findById(member.enrolmentId);
        events.announce("erased", enrolment, member);
        member.firstName = null;
        member.lastName = null;
        member.birthDate = null;
        member.personKey = null;
        member.holdsPass = false;
        member.passNumber = null;
        member.erasedAt = calendar.nowUtc();
        if (Beneficiary.count("enrolmentId = ?1 and erasedAt is null", enrolment.id) == 0) {
            enrolment.erasedAt = member.erasedAt;
            enrolment.municipality = null;
            for (Decision decision : Decision.of(enrolment.id)) {
                decision.evidenceNumber = null;
                decision.evidenceIssuer = null;
            }
        }
    }
}
