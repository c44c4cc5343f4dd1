package lu.kulturpass.core.partner;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import lu.kulturpass.platform.problem.ProblemException;

/**
 * The agency a pass is issued for: the caller's organisation, if the programme knows it as a social partner
 * with an agreement in force today. Checked before anything is issued, or an earlier issue returned.
 */
@RequestScoped
public class IssuingAgency {

    private final PartnerScope scope;

    public IssuingAgency(PartnerScope scope) {
        this.scope = scope;
    }

    /** The agency's id; a 403 saying why when it may not issue passes today. */
    @Transactional
    public String id() {
        Partner partner = scope.own();
        if (partner.kind != PartnerKind.SOCIAL) {
            throw ProblemException.forbidden("Your account's organisation is not a social partner, so it cannot issue passes");
        }
        if (partner.agreementInForceOn(LocalDate.now(ZoneOffset.UTC)).isEmpty()) {
            throw ProblemException.forbidden("Your account's organisation has no agreement in force with the programme, "
                    + "so it cannot issue passes at the moment");
        }
        return partner.id.toString();
    }
}
