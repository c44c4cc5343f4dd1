package lu.kulturpass.core.partner;

import lu.kulturpass.platform.words.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.time.ProgrammeCalendar;

/**
 * The agency a pass is issued for: the caller's organisation, if the programme knows it as a social partner
 * with an agreement in force today. Checked before anything is issued, an earlier issue returned, or a pass
 * renewed or replaced (which gives a holder two more years, or a new card).
 */
@RequestScoped
public class IssuingAgency {

    private final PartnerScope scope;
    private final ProgrammeCalendar calendar;

    public IssuingAgency(PartnerScope scope, ProgrammeCalendar calendar) {
        this.scope = scope;
        this.calendar = calendar;
    }

    /** The agency's id; a 403 saying why when it may not issue passes today. */
    @Transactional
    public String id() {
        Partner partner = scope.agency();
        if (partner.agreementInForceOn(calendar.today()).isEmpty()) {
            throw ProblemException.forbidden(Words.of(PartnerWords.class).noAgreementInForce());
        }
        return partner.id.toString();
    }
}
