package lu.kulturpass.eligibility.beneficiary;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import lu.kulturpass.eligibility.issuing.PassIssuing;
import lu.kulturpass.eligibility.issuing.PassServiceClient;
import lu.kulturpass.eligibility.words.RefusalWords;
import lu.kulturpass.platform.problem.ProblemException;
import lu.kulturpass.platform.words.Words;

/**
 * A lost or stolen card: pass-service replaces the pass (new number, new token; the old token goes on
 * the revocation list, so the lost card no longer admits anyone) and this service keeps the new pass.
 */
@ApplicationScoped
public class LostCards {

    public enum Loss { LOST, STOLEN }

    private final PassIssuing passIssuing;

    public LostCards(PassIssuing passIssuing) {
        this.passIssuing = passIssuing;
    }

    public Beneficiary report(String agencyId, UUID id, Loss loss) {
        Beneficiary beneficiary = QuarkusTransaction.requiringNew().call(() -> Beneficiary.ofAgency(agencyId, id));
        if (beneficiary.passId == null || !beneficiary.holdsPass) {
            throw ProblemException.conflict(Words.of(RefusalWords.class).noPassToReplace());
        }
        long oldPassId = beneficiary.passId;
        PassServiceClient.IssuedPass replacement = passIssuing.move(oldPassId, "REPLACE", loss.name());
        return QuarkusTransaction.requiringNew().call(() -> {
            Beneficiary current = Beneficiary.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (current.passId != null && current.passId == oldPassId) {
                current.passId = replacement.id();
                current.passNumber = replacement.number();
            }
            return current;
        });
    }
}
