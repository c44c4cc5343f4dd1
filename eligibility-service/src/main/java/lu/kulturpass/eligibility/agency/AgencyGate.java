package lu.kulturpass.eligibility.agency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.util.Optional;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.security.Caller;

/**
 * The agency an agency worker belongs to (the token's {@code partner_id}). Reading its own list is
 * always allowed; enrolling, deciding, renewing, importing and reporting cards need an agreement in
 * force with the programme, as the partner topic says.
 */
@RequestScoped
public class AgencyGate {

    private final Caller caller;

    public AgencyGate(Caller caller) {
        this.caller = caller;
    }

    /** The caller's agency, for reading. */
    public String agency() {
        return caller.partnerId();
    }

    /** The caller's agency, if it may act today; a 403 saying why not otherwise. */
    public String acting() {
        String agencyId = caller.partnerId();
        if (agreementInForce(agencyId).isEmpty()) {
            throw ProblemException.forbidden("Your agency has no agreement in force with the programme, so it cannot enrol or "
                    + "decide at the moment. Its list stays readable; programme staff can renew the agreement.");
        }
        return agencyId;
    }

    public String userId() {
        return caller.userId();
    }

    public static Optional<AgencyAgreement> agreementInForce(String agencyId) {
        return QuarkusTransaction.joiningExisting().call(() -> AgencyAgreement.inForce(agencyId, LocalDate.now()));
    }
}
