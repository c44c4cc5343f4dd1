package lu.kulturpass.eligibility.agency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.util.Optional;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;
import lu.kulturpass.platform.time.ProgrammeCalendar;
import lu.kulturpass.platform.words.Words;

/**
 * The agency an agency worker belongs to (the token's {@code partner_id}), checked against what the
 * partner topic told this service: the token's claim is a statement, not a fact. Every use needs an
 * agency this service knows (a social partner the programme registered); enrolling, deciding,
 * renewing, importing and reporting cards also need an agreement in force with the programme.
 */
@RequestScoped
public class AgencyGate {

    private final Caller caller;
    private final ProgrammeCalendar calendar;
    private String known;

    public AgencyGate(Caller caller, ProgrammeCalendar calendar) {
        this.caller = caller;
        this.calendar = calendar;
    }

    /** The caller's agency, for reading; a 403 when the partner it names is not an agency this service knows. */
    public String agency() {
        if (known == null) {
            String partnerId = caller.partnerId();
            if (!QuarkusTransaction.joiningExisting().call(() -> Agency.findById(partnerId) != null)) {
                throw ProblemException.forbidden(Words.of(RefusalWords.class).agencyUnknown());
            }
            known = partnerId;
        }
        return known;
    }

    /** The caller's agency, if it may act today; a 403 saying why not otherwise. */
    public String acting() {
        String agencyId = agency();
        if (agreementInForce(agencyId).isEmpty()) {
            throw ProblemException.forbidden(Words.of(RefusalWords.class).agencyNotActing());
        }
        return agencyId;
    }

    public String userId() {
        return caller.userId();
    }

    /** The agency's agreement in force today, the programme's day. */
    public Optional<AgencyAgreement> agreementInForce(String agencyId) {
        LocalDate today = calendar.today();
        return QuarkusTransaction.joiningExisting().call(() -> AgencyAgreement.inForce(agencyId, today));
    }
}
